using IntakePipeline.Core.Plan;

namespace IntakePipeline.Core.Tests.Validation;

/// <summary>
/// A small fake plan catalog for validation and evaluation tests, shaped like the real one (codes, units, kinds), with
/// round figures chosen so that expected values can be computed by hand.
/// </summary>
internal static class TestCatalog
{
    public const string Zunyi = "520300";
    public const string Guiyang = "520100";
    public const string Anshun = "520400";
    public const string Province = "520000";

    private static readonly CumulativeWindow _fiveYears = new(new YearMonth(2021, 1), new YearMonth(2025, 12));

    public static PlanCatalog Default { get; } = Create();

    public static PlanIndicator Indicator(string code) =>
        Default.FindIndicator(code) ?? throw new ArgumentException($"No test indicator {code}.", nameof(code));

    private static PlanCatalog Create()
    {
        PlanDocument[] documents =
        [
            new("2022-22", "黔发改城镇〔2022〕22号", "贵州省“十四五”新型城镇化规划", new YearMonth(2022, 3)),
            new("2023-571", "黔发改城镇〔2023〕571号", "贵州省新型城镇化实施方案（2023—2025年）", new YearMonth(2023, 6)),
        ];

        PlanIndicator[] indicators =
        [
            new("U01", "常住人口城镇化率", "%", "城镇承载能力", IndicatorKind.Level, IndicatorDirection.Up, IndicatorAggregation.None, ReportingFrequency.Annual, null, null, "专栏1 序号1"),
            new("U14", "老旧小区改造", "万户", "城镇品质", IndicatorKind.Cumulative, IndicatorDirection.Up, IndicatorAggregation.Sum, ReportingFrequency.Monthly, _fiveYears, 5.96, "专栏1 序号14"),
            new("U27", "县级及以上城市空气质量优良天数比率", "%", "城镇治理能力", IndicatorKind.Floor, IndicatorDirection.Up, IndicatorAggregation.Weighted, ReportingFrequency.Monthly, null, null, "专栏1 序号27"),
            new("U36", "城镇居民人均可支配收入增长", "%", "城乡融合", IndicatorKind.Rate, IndicatorDirection.Up, IndicatorAggregation.None, ReportingFrequency.Annual, null, null, "专栏1 序号36"),
            new("U38", "城乡居民收入比", "倍", "城乡融合", IndicatorKind.Level, IndicatorDirection.Down, IndicatorAggregation.None, ReportingFrequency.Annual, null, null, "专栏1 序号38"),
            new("C01", "细颗粒物（PM2.5）平均浓度", "微克/立方米", "城镇治理能力", IndicatorKind.Ceiling, IndicatorDirection.Down, IndicatorAggregation.Weighted, ReportingFrequency.Monthly, null, null, "测试"),
            new("P01", "城市管网建设改造", "公里", "城镇品质", IndicatorKind.Cumulative, IndicatorDirection.Up, IndicatorAggregation.Sum, ReportingFrequency.Monthly, _fiveYears, null, "专栏4 管网"),
            new("P02", "中心城市常住人口", "万人", "城镇空间布局", IndicatorKind.Level, IndicatorDirection.Up, IndicatorAggregation.Sum, ReportingFrequency.Annual, null, null, "专栏3"),
            new("P03", "棚户区改造", "户", "城镇品质", IndicatorKind.Cumulative, IndicatorDirection.Up, IndicatorAggregation.Sum, ReportingFrequency.Monthly, new(new YearMonth(2021, 1), new YearMonth(2023, 12)), null, "专栏4 棚户区"),
        ];

        PlanTarget[] targets =
        [
            Point("U01", Province, 2020, 53.15, "%"),
            Point("U01", Province, 2025, 62, "%", TargetQualifier.About, superseded: true),
            Point("U01", Province, 2023, 56, "%", TargetQualifier.AtLeast, "2023-571"),
            Point("U01", Province, 2025, 60, "%", TargetQualifier.About, "2023-571"),
            Point("U14", Province, 2025, 70, "万户", TargetQualifier.AtLeast),
            Point("U14", Zunyi, 2025, 10.5, "万户"),
            Point("U14", Guiyang, 2025, 15.4, "万户"),
            Point("U27", Province, 2020, 99.4, "%"),
            Point("U27", Province, 2025, 95, "%", TargetQualifier.AtLeast),
            Point("U36", Province, 2023, 6.5, "%", documentId: "2023-571"),
            Point("U36", Province, 2025, 7, "%", documentId: "2023-571"),
            Point("U38", Province, 2020, 3.1, "倍"),
            Point("U38", Province, 2023, 2.98, "倍", documentId: "2023-571"),
            Point("U38", Province, 2025, 2.92, "倍", TargetQualifier.Below, "2023-571"),
            Point("C01", Province, 2025, 30, "微克/立方米", TargetQualifier.Within),
            Point("P01", Zunyi, 2025, 1500, "公里"),
            Point("P02", Zunyi, 2020, 300, "万人"),
            Point("P02", Zunyi, 2025, 340, "万人"),
            Point("P03", Zunyi, 2023, 30000, "户"),
        ];

        return new PlanCatalog(documents, indicators, targets);
    }

    private static PlanTarget Point(
        string indicator,
        string scope,
        int year,
        double value,
        string unit,
        TargetQualifier qualifier = TargetQualifier.None,
        string documentId = "2022-22",
        bool superseded = false) =>
        new(indicator, scope, new YearMonth(year, 12), value, unit, qualifier, documentId,
            documentId == "2022-22" ? $"黔发改城镇〔2022〕22号 {indicator}" : $"黔发改城镇〔2023〕571号 {indicator}", superseded);
}
