using IntakePipeline.Core.Plan;

namespace IntakePipeline.Core.Tests.Plan;

public class PlanConsistencyCheckTests
{
    private static readonly IReadOnlyList<PlanFinding> _seedFindings = PlanConsistencyCheck.Run(PlanCatalogLoader.LoadEmbedded());

    private static readonly PlanDocument _older = new("d1", "文件一号", "计划一", new YearMonth(2022, 1));
    private static readonly PlanDocument _newer = new("d2", "文件二号", "计划二", new YearMonth(2023, 7));

    [Fact]
    public void Run_RealSeeds_FindsShantytowns4108Versus41()
    {
        var finding = Assert.Single(_seedFindings, f => f.Kind == PlanFindingKinds.AllocationSum && f.Subject == "U13");
        Assert.Contains("2023-12", finding.Message, StringComparison.Ordinal);
        Assert.Contains("分配之和为 41.08万户，全省为 41万户", finding.Message, StringComparison.Ordinal);
        Assert.Contains("黔发改城镇〔2022〕22号 专栏4 棚户区改造", finding.Sources);
    }

    [Fact]
    public void Run_RealSeeds_FindsCentralCities649VersusAbout650()
    {
        var finding = Assert.Single(_seedFindings, f => f.Kind == PlanFindingKinds.AllocationSum && f.Subject == "U06");
        Assert.Contains("分配之和为 649万人，全省为 650万人左右", finding.Message, StringComparison.Ordinal);
        Assert.Contains("黔发改城镇〔2022〕22号 专栏1 序号6", finding.Sources);
        Assert.Contains("黔发改城镇〔2023〕571号 四、(七) 20.", finding.Sources);
    }

    [Fact]
    public void Run_RealSeeds_FindsCounties113VersusU07Increase107Point7()
    {
        var finding = Assert.Single(_seedFindings, f => f.Kind == PlanFindingKinds.Relation && f.Subject == "C03");
        Assert.Contains("N16|520000|2025-12 = 113", finding.Message, StringComparison.Ordinal);
        Assert.Contains("U07|520000|2025-12 - U07|520000|2020-12 = 780 - 672.3 = 107.7", finding.Message, StringComparison.Ordinal);
        Assert.Contains("黔发改城镇〔2022〕22号 专栏3", finding.Sources);
        Assert.Contains("黔发改城镇〔2022〕22号 专栏1 序号7", finding.Sources);
    }

    [Fact]
    public void Run_RealSeeds_ReportsWaterSupplyDuplicateWithin2022Plan()
    {
        var finding = Assert.Single(_seedFindings, f => f.Kind == PlanFindingKinds.DuplicatePoint);
        Assert.Equal("U18", finding.Subject);
        Assert.Contains("77.5亿立方米（黔发改城镇〔2022〕22号 专栏1 序号18）", finding.Message, StringComparison.Ordinal);
        Assert.Contains("77亿立方米以上（黔发改城镇〔2022〕22号 第二章第三节）", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("U06", "凯里", "65万人左右", "64万人左右")]
    [InlineData("U01", "贵州省（520000） 2025-12", "62%左右", "60%左右")]
    [InlineData("U38", "贵州省（520000） 2025-12", "3以下", "2.92左右")]
    [InlineData("N02", "2025-12", "3人", "3.2人")]
    public void Run_RealSeeds_ReportsRestatedValues(string code, string where, string before, string after)
    {
        var finding = Assert.Single(
            _seedFindings,
            f => f.Kind == PlanFindingKinds.RestatedValue && f.Subject == code && f.Message.Contains(before + "（", StringComparison.Ordinal));
        Assert.Contains($"已被重述为 {after}（", finding.Message, StringComparison.Ordinal);
        if (where != "凯里")
        {
            Assert.Contains(where, finding.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("黔东南州（522600）", finding.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Run_RealSeeds_HasNoUnitFindingsAndNoUnchangedRestatements()
    {
        Assert.DoesNotContain(_seedFindings, f => f.Kind == PlanFindingKinds.Unit);
        Assert.DoesNotContain(_seedFindings, f => f.Kind == PlanFindingKinds.RestatedValue && f.Subject == "U09");
    }

    [Theory]
    [InlineData("U14")]
    [InlineData("U15")]
    [InlineData("U05")]
    [InlineData("N15")]
    [InlineData("N16")]
    [InlineData("N20")]
    [InlineData("N21")]
    [InlineData("N22")]
    [InlineData("N23")]
    public void Run_RealSeeds_AllocationsThatAddUp_AreNotReported(string code) =>
        Assert.DoesNotContain(_seedFindings, f => f.Kind == PlanFindingKinds.AllocationSum && f.Subject == code);

    [Fact]
    public void Run_RealSeeds_ProvinceHighTechFirmsBelowGuiyangIn2023_Reported()
    {
        var finding = Assert.Single(_seedFindings, f => f.Kind == PlanFindingKinds.Relation && f.Subject == "C14");
        Assert.Contains("N44|520000|2023-12 = 1500", finding.Message, StringComparison.Ordinal);
        Assert.Contains("单位不同", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_seedFindings, f => f.Subject == "C15");
    }

    [Theory]
    [InlineData("C16")]
    [InlineData("C17")]
    [InlineData("C18")]
    [InlineData("C19")]
    [InlineData("C20")]
    public void Run_RealSeeds_RegionAndShantytownRelationsHold(string id) =>
        Assert.DoesNotContain(_seedFindings, f => f.Subject == id);

    [Fact]
    public void Run_RealSeeds_RegionRelationsCompareRingWithMetropolitanArea()
    {
        var catalog = PlanCatalogLoader.LoadEmbedded();
        var c16 = Assert.Single(catalog.Relations, r => r.Id == "C16");
        Assert.Equal("N77|Q02|2025-12", Assert.Single(c16.Left).ToString());
        Assert.Equal("N06|520000|2025-12", Assert.Single(c16.Right).ToString());
        var c18 = Assert.Single(catalog.Relations, r => r.Id == "C18");
        Assert.Equal(["U13|520000|2023-12", "N74|520000|2025-12"], c18.Right.Select(t => t.ToString()));
    }

    [Fact]
    public void Run_RegionPoint_IsNotAPartOfTheProvince()
    {
        var catalog = Catalog(
            Indicator("X01", IndicatorAggregation.None),
            Point("X01", "520000", 10),
            Point("X01", "520100", 4),
            Point("X01", "520300", 6),
            Point("X01", "Q01", 7));
        Assert.Empty(PlanConsistencyCheck.Run(catalog));
    }

    [Fact]
    public void Run_FindingOnRegionPoint_NamesTheRegion()
    {
        var catalog = Catalog(Indicator("X01", IndicatorAggregation.None), Point("X01", "Q01", 5, unit: "户"));
        var finding = Assert.Single(PlanConsistencyCheck.Run(catalog));
        Assert.Contains("遵义都市圈（Q01）", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(41, TargetQualifier.None, 41.004, false)]
    [InlineData(41, TargetQualifier.None, 41.006, true)]
    [InlineData(41, TargetQualifier.AtLeast, 40.99, true)]
    [InlineData(650, TargetQualifier.About, 650.6, false)]
    [InlineData(650, TargetQualifier.About, 649, true)]
    [InlineData(1, TargetQualifier.About, 1.004, false)]
    [InlineData(0.04, TargetQualifier.None, 0.044, false)]
    public void Run_Allocation_AppliesRoundingMarginWidenedForAbout(double whole, TargetQualifier qualifier, double partsSum, bool expectFinding)
    {
        var catalog = Catalog(
            Indicator("X01", IndicatorAggregation.Sum),
            Point("X01", "520000", whole, qualifier),
            Point("X01", "520100", partsSum - 1),
            Point("X01", "520300", 1));

        var findings = PlanConsistencyCheck.Run(catalog).Where(f => f.Kind == PlanFindingKinds.AllocationSum);

        Assert.Equal(expectFinding, findings.Any());
    }

    [Fact]
    public void Run_Allocation_WiderOptions_SuppressFinding()
    {
        var catalog = Catalog(Indicator("X01", IndicatorAggregation.Sum), Point("X01", "520000", 41), Point("X01", "520100", 41.08));
        Assert.NotEmpty(PlanConsistencyCheck.Run(catalog));
        Assert.Empty(PlanConsistencyCheck.Run(catalog, new PlanConsistencyOptions { RoundingMargin = 0.1 }));
    }

    [Fact]
    public void Run_WeightedIndicator_IsNotSummed()
    {
        var catalog = Catalog(Indicator("X01", IndicatorAggregation.Weighted), Point("X01", "520000", 40), Point("X01", "520100", 50), Point("X01", "520300", 50));
        Assert.Empty(PlanConsistencyCheck.Run(catalog));
    }

    [Fact]
    public void Run_RestatedPart_ComparedWithWholeStillInForce()
    {
        var catalog = Catalog(
            Indicator("X01", IndicatorAggregation.None),
            Point("X01", "520000", 10, document: _older),
            Point("X01", "520100", 4, document: _older),
            Point("X01", "520300", 6, document: _older),
            Point("X01", "520300", 5, document: _newer));

        var finding = Assert.Single(PlanConsistencyCheck.Run(catalog), f => f.Kind == PlanFindingKinds.AllocationSum);

        Assert.Contains("分配之和为 9万户，全省为 10万户", finding.Message, StringComparison.Ordinal);
        Assert.Equal(["文件一号 s", "文件二号 s"], finding.Sources);
    }

    [Fact]
    public void Run_UnitDiffersFromIndicator_Reported()
    {
        var catalog = Catalog(Indicator("X01", IndicatorAggregation.Sum), Point("X01", "520000", 5, unit: "户"));
        var finding = Assert.Single(PlanConsistencyCheck.Run(catalog));
        Assert.Equal(PlanFindingKinds.Unit, finding.Kind);
        Assert.Contains("单位“户”与指标的单位“万户”不一致", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DuplicateWithinOneDocument_Reported()
    {
        var catalog = Catalog(Indicator("X01", IndicatorAggregation.None), Point("X01", "520000", 5), Point("X01", "520000", 5, TargetQualifier.AtLeast));
        var finding = Assert.Single(PlanConsistencyCheck.Run(catalog));
        Assert.Equal(PlanFindingKinds.DuplicatePoint, finding.Kind);
        Assert.Contains("同一文件文件一号给出了 2 个目标点", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RestatementWithSameFigure_NotReported()
    {
        var catalog = Catalog(
            Indicator("X01", IndicatorAggregation.None),
            Point("X01", "520000", 5, document: _older, superseded: true),
            Point("X01", "520000", 5, document: _newer));
        Assert.Empty(PlanConsistencyCheck.Run(catalog));
    }

    [Theory]
    [InlineData(PlanRelationOperator.Equal, 10, 10.004, false)]
    [InlineData(PlanRelationOperator.Equal, 10, 10.2, true)]
    [InlineData(PlanRelationOperator.AtLeast, 10, 10.004, false)]
    [InlineData(PlanRelationOperator.AtLeast, 10, 11, true)]
    [InlineData(PlanRelationOperator.AtMost, 11, 10, true)]
    [InlineData(PlanRelationOperator.AtMost, 9, 10, false)]
    public void Run_Relation_ComparesSides(PlanRelationOperator relation, double left, double right, bool expectFinding)
    {
        var catalog = new PlanCatalog(
            [_older],
            [Indicator("X01", IndicatorAggregation.None), Indicator("X02", IndicatorAggregation.None)],
            [Point("X01", "520000", left), Point("X02", "520000", right + 1), Point("X02", "520000", 1, date: new YearMonth(2020, 12))],
            [new PlanRelation("C01", [Term("X01")], relation, [Term("X02"), Term("X02", new YearMonth(2020, 12)) with { Negated = true }], "说明")]);

        var findings = PlanConsistencyCheck.Run(catalog);

        Assert.Equal(expectFinding, findings.Any(f => f.Kind == PlanFindingKinds.Relation && f.Subject == "C01"));
    }

    [Fact]
    public void Run_RelationToMissingPoint_ReportedNotThrown()
    {
        var catalog = new PlanCatalog(
            [_older],
            [Indicator("X01", IndicatorAggregation.None)],
            [Point("X01", "520000", 1)],
            [new PlanRelation("C09", [Term("X01")], PlanRelationOperator.Equal, [Term("X01", new YearMonth(2030, 12))], "说明")]);

        var finding = Assert.Single(PlanConsistencyCheck.Run(catalog));

        Assert.Equal(PlanFindingKinds.Relation, finding.Kind);
        Assert.Contains("无法计算", finding.Message, StringComparison.Ordinal);
        Assert.Contains("X01|520000|2030-12", finding.Message, StringComparison.Ordinal);
    }

    private static PlanCatalog Catalog(PlanIndicator indicator, params PlanTarget[] targets) => new([_older, _newer], [indicator], targets);

    private static PlanIndicator Indicator(string code, IndicatorAggregation aggregation) =>
        new(code, "测试指标", "万户", "类", IndicatorKind.Level, IndicatorDirection.Up, aggregation, ReportingFrequency.Annual, null, null, "文件一号 s");

    private static PlanTarget Point(
        string code,
        string scope,
        double value,
        TargetQualifier qualifier = TargetQualifier.None,
        string unit = "万户",
        PlanDocument? document = null,
        bool superseded = false,
        YearMonth? date = null)
    {
        document ??= _older;
        return new PlanTarget(code, scope, date ?? new YearMonth(2025, 12), value, unit, qualifier, document.Id, $"{document.Number} s", superseded);
    }

    private static PlanRelationTerm Term(string code, YearMonth? date = null) => new(false, code, "520000", date ?? new YearMonth(2025, 12));
}
