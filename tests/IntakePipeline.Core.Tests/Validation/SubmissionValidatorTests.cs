using System.Globalization;
using System.Reflection;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Validation;
using static IntakePipeline.Core.Tests.Validation.TestSubmissions;

namespace IntakePipeline.Core.Tests.Validation;

public class SubmissionValidatorTests
{
    private const string Zunyi = "520300@2024-06";

    // Five months of U14 with ordinary changes (0.1, 0.15, 0.05, 0.15 per month; median 0.125, MAD 0.025).
    private const string SteadyU14 = Zunyi + ";U14:2024-01=5.0,2024-02=5.1,2024-03=5.25,2024-04=5.3,2024-05=5.45";

    /// <summary>
    /// Every issue code, with the issue it must produce: code, severity, row, column, value; then the table, the
    /// context (submitter@period;history) and a reader issue the table arrives with (reader codes pass through).
    /// </summary>
    public static TheoryData<string, string, int?, string?, string?, string, string, string?> IssueCases => new()
    {
        // Reader issues pass through unchanged.
        { "file-too-large", "error", null, null, null, "指标代码|数值", Zunyi, "file-too-large" },
        { "archive-too-large", "error", null, null, null, "指标代码|数值", Zunyi, "archive-too-large" },
        { "unreadable-file", "error", null, null, null, "指标代码|数值", Zunyi, "unreadable-file" },
        { "not-a-submission", "error", null, null, null, "指标代码|数值", Zunyi, "not-a-submission" },
        { "empty-file", "error", null, null, null, "指标代码|数值", Zunyi, "empty-file" },
        { "no-rows", "error", null, null, null, "指标代码|数值", Zunyi, "no-rows" },
        { "formula-cell", "warning", 2, "数值", "5", "指标代码|数值\nU14|5", Zunyi, "formula-cell" },

        // Header.
        { "missing-label", "error", null, "指标代码", null, "指标名称|数值\n老旧小区改造|5", Zunyi, null },
        { "missing-label", "error", null, "数值", null, "indicator|备注\nU14|本月新开工", Zunyi, null },
        { "duplicate-label", "error", null, "value", "value", "指标代码|数值|value\nU14|5|6", Zunyi, null },
        { "extra-label", "warning", null, "负责人", "负责人", "指标代码|数值|负责人\nU14|5|张三", Zunyi, null },

        // Rows.
        { "type-error", "error", 2, "数值", "１２．５万户", "指标代码|数值\nU14|１２．５万户", Zunyi, null },
        { "type-error", "error", 2, "数值", "—", "指标代码|数值\nU14|—", Zunyi, null },
        { "type-error", "error", 2, "数值", "-", "指标代码|数值\nU14|-", Zunyi, null },
        { "type-error", "error", 2, "数值", "N/A", "指标代码|数值\nU14|N/A", Zunyi, null },
        { "type-error", "error", 2, "数值", "1,2,3", "指标代码|数值\nU14|1,2,3", Zunyi, null },
        { "type-error", "error", 2, "value", "e5", "indicator|value\nU14|e5", Zunyi, null },
        { "missing-indicator", "error", 2, "指标代码", null, "指标代码|数值\n|5", Zunyi, null },
        { "unknown-indicator", "error", 2, "指标代码", "U99", "指标代码|数值\nU99|5", Zunyi, null },
        { "indicator-not-allocated", "error", 2, "指标代码", "U01", "指标代码|数值\nU01|55", Zunyi, null },
        { "indicator-not-allocated", "error", 2, "指标代码", "U14", "指标代码|数值\nU14|50", "520000@2024-06", null },
        { "duplicate-row", "error", 3, "指标代码", "u14", "指标代码|数值\nU14|5\nu14|5.1", Zunyi, null },

        // Units and range.
        { "unit-mismatch", "error", 2, "单位", "平方米", "指标代码|数值|单位\nU14|5|平方米", Zunyi, null },
        { "unit-mismatch", "error", 2, "单位", "千米", "指标代码|数值|单位\nP01|500|千米", Zunyi, null },
        { "unit-mismatch", "error", 2, "数值", "36%", "指标代码|数值\nU14|36%", Zunyi, null },
        { "out-of-range", "error", 2, "数值", "-1", "指标代码|数值\nU14|-1", Zunyi, null },
        { "out-of-range", "error", 2, "数值", "101", "指标代码|数值\nU27|101", Zunyi, null },

        // Identity and period.
        { "prefecture-mismatch", "error", 2, "市州代码", "520100", "指标代码|数值|市州代码\nU14|5|520100", Zunyi, null },
        { "period-mismatch", "error", 2, "期间", "2024-05", "指标代码|数值|期间\nU14|5|2024-05", Zunyi, null },
        { "period-mismatch", "error", 2, "period", "六月", "indicator|value|period\nU14|5|六月", Zunyi, null },
        { "period-out-of-range", "error", null, null, "2024-08", "指标代码|数值\nU14|5", "520300@2024-08", null },
        { "period-out-of-range", "error", null, null, "2020-12", "指标代码|数值\nU14|5", "520300@2020-12", null },

        // Against history and plan.
        { "cumulative-decrease", "error", 2, "数值", "5.2", "指标代码|数值\nU14|5.2", Zunyi + ";U14:2024-05=5.6", null },
        { "outlier", "warning", 2, "数值", "9", "指标代码|数值\nU14|9", SteadyU14, null },
        { "unit-suspect", "warning", 2, "数值", "1100", "指标代码|数值\nU14|1100", Zunyi, null },

        // Formula injection, in any column.
        { "formula-injection", "error", 2, "备注", "=HYPERLINK(\"http://x\")", "指标代码|数值|备注\nU14|5|=HYPERLINK(\"http://x\")", Zunyi, null },
        { "formula-injection", "error", 2, "数值", "+cmd", "指标代码|数值\nU14|+cmd", Zunyi, null },
        { "formula-injection", "error", 2, "说明", "@SUM(1)", "指标代码|数值|说明\nU14|5|@SUM(1)", Zunyi, null },
    };

    [Theory]
    [MemberData(nameof(IssueCases))]
    public void Validate_IssueCase_ReportsIssue(
        string code, string severity, int? row, string? column, string? value, string table, string context, string? readerIssue)
    {
        ValidationIssue[] reader = readerIssue is null
            ? []
            : [new ValidationIssue(readerIssue, readerIssue == IssueCodes.FormulaCell ? IssueSeverity.Warning : IssueSeverity.Error,
                readerIssue == IssueCodes.FormulaCell ? 2 : null, readerIssue == IssueCodes.FormulaCell ? "数值" : null,
                readerIssue == IssueCodes.FormulaCell ? "5" : null, "读取文件时发现的问题。")];

        var report = Validator().Validate(Table(table, reader), Context(context));

        var issue = Assert.Single(report.Issues, i => i.Code == code);
        Assert.Equal(severity == "error" ? IssueSeverity.Error : IssueSeverity.Warning, issue.Severity);
        Assert.Equal(row, issue.Row);
        Assert.Equal(column, issue.Column);
        Assert.Equal(value, issue.Value);
        Assert.False(string.IsNullOrWhiteSpace(issue.Message));
        Assert.Equal(severity == "warning", report.Accepted);
        if (!report.Accepted)
        {
            Assert.Empty(report.Observations);
        }
    }

    [Fact]
    public void IssueCases_EveryIssueCode_IsCovered()
    {
        var codes = typeof(IssueCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);
        var covered = IssueCases.Select(c => (string)c[0]).ToHashSet();

        Assert.All(codes, code => Assert.Contains(code, covered));
    }

    /// <summary>Accepted inputs: the value as typed, and the observation it must become, in the canonical unit.</summary>
    [Theory]
    [InlineData("指标代码|数值\nU14|7.35", "U14", 7.35, "万户")]
    [InlineData("指标代码|数值\nU14|１２．５", "U14", 12.5, "万户")]
    [InlineData("指标代码|数值\n ｕ１４ | ５ ", "U14", 5, "万户")]
    [InlineData("指标代码|数值\nu14|  6.2  ", "U14", 6.2, "万户")]
    [InlineData("指标代码|数值\nP01|1,106", "P01", 1106, "公里")]
    [InlineData("指标代码|数值\nP01|12,345.6", "P01", 12345.6, "公里")]
    [InlineData("指标代码|数值\nP01|１，１０６", "P01", 1106, "公里")]
    [InlineData("指标代码|数值\nU14|10.5万", "U14", 10.5, "万户")]
    [InlineData("指标代码|数值\nP01|1.2万", "P01", 12000, "公里")]
    [InlineData("指标代码|数值\nP01|1.1 万", "P01", 11000, "公里")]
    [InlineData("指标代码|数值\nP03|2.5万", "P03", 25000, "户")]
    [InlineData("指标代码|数值|单位\nU14|10.5万|户", "U14", 10.5, "万户")]
    [InlineData("指标代码|数值\nU27|96%", "U27", 96, "%")]
    [InlineData("指标代码|数值\nU27|９６．５％", "U27", 96.5, "%")]
    [InlineData("指标代码|数值|单位\nU27|96|％", "U27", 96, "%")]
    [InlineData("指标代码|数值|单位\nU14|105000|户", "U14", 10.5, "万户")]
    [InlineData("指标代码|数值|单位\nU14|105,000|户", "U14", 10.5, "万户")]
    [InlineData("指标代码|数值|单位\nP03|2.5|万户", "P03", 25000, "户")]
    [InlineData("指标代码|数值|单位\nP02|3,000,000|人", "P02", 300, "万人")]
    [InlineData("指标代码|数值|单位\nP02|310| 万人 ", "P02", 310, "万人")]
    [InlineData("指标代码|数值\nU14|0", "U14", 0, "万户")]
    [InlineData("指标代码|数值\nU14|1.2E+01", "U14", 12, "万户")]
    public void Validate_AcceptedInput_ObservationInCanonicalUnit(string table, string indicator, double value, string unit)
    {
        var report = Validator().Validate(Table(table), Context());

        Assert.Empty(report.Issues);
        var observation = Assert.Single(report.Observations);
        Assert.Equal(indicator, observation.Indicator);
        Assert.Equal(value, observation.Value);
        Assert.Equal(unit, observation.Unit);
    }

    [Theory]
    [InlineData("-3.5")]
    [InlineData("120")]
    [InlineData("-3.5%")]
    public void Validate_RateOutsidePercentRange_Accepted(string value)
    {
        var report = Validator().Validate(Table($"指标代码|数值\nU36|{value}"), Context("520000@2024-06"));

        Assert.True(report.Accepted);
        Assert.Single(report.Observations);
    }

    [Fact]
    public void Validate_TypeErrorMessage_NamesRowColumnValueAndWhatToDo()
    {
        var table = Table("指标代码|数值\nU14|5\nP01|1\nP02|300\nU27|１２．５万户");

        var issue = Assert.Single(Validator().Validate(table, Context()).Issues);

        Assert.StartsWith("第 5 行“数值”列的“１２．５万户”无法识别为数字。请只填写数字，例如 12.5", issue.Message);
    }

    [Fact]
    public void Validate_NotAllocated_MessageSaysWhoReportsIt()
    {
        var issue = Assert.Single(Validator().Validate(Table("指标代码|数值\nU01|55"), Context()).Issues);

        Assert.Contains("该指标由省统计局（520000）报送", issue.Message);
        Assert.Contains("遵义市（520300）", issue.Message);
    }

    [Fact]
    public void Validate_DuplicateRow_MessageNamesTheFirstRow()
    {
        var table = Table("指标代码|数值\nP01|5\nU14|5\nU14|5.1");

        var issue = Assert.Single(Validator().Validate(table, Context()).Issues);

        Assert.Equal(4, issue.Row);
        Assert.Contains("与第 3 行重复", issue.Message);
    }

    [Fact]
    public void Validate_CumulativeDecrease_MessageGivesBothValuesAndMonths()
    {
        var report = Validator().Validate(Table("指标代码|数值\nU14|5.2"), Context(Zunyi + ";U14:2024-04=5.1,2024-05=5.6"));

        var issue = Assert.Single(report.Issues);
        Assert.Contains("5.2万户", issue.Message);
        Assert.Contains("2024-05 已接受的 5.6万户", issue.Message);
        Assert.Contains("2021-01", issue.Message);
    }

    [Theory]
    [InlineData("U14:2020-12=9")]
    [InlineData("U14:2024-06=9,2024-07=9.5")]
    public void Validate_CumulativeHistoryOutsideWindowOrNotBefore_NoDecrease(string history)
    {
        var report = Validator().Validate(Table("指标代码|数值\nU14|5.2"), Context(Zunyi + ";" + history));

        Assert.True(report.Accepted);
    }

    [Fact]
    public void Validate_CorrectionOfPastMonth_ComparesWithTheMonthBefore()
    {
        // Correcting 2024-03: its own superseded value (6.0) and later months are not its history; 2024-02 (5.0) is.
        var context = Context("520300@2024-03;U14:2024-02=5.0,2024-03=6.0,2024-04=6.5");

        var lower = Validator().Validate(Table("指标代码|数值\nU14|5.5"), context);
        var decreased = Validator().Validate(Table("指标代码|数值\nU14|4.9"), context);

        Assert.True(lower.Accepted);
        Assert.Equal(IssueCodes.CumulativeDecrease, Assert.Single(decreased.Issues).Code);
    }

    [Fact]
    public void Validate_OrdinaryChange_NoOutlier()
    {
        var report = Validator().Validate(Table("指标代码|数值\nU14|5.6"), Context(SteadyU14));

        Assert.Empty(report.Issues);
    }

    [Fact]
    public void Validate_ThreeEarlierChanges_NoOutlierJudged()
    {
        var report = Validator().Validate(Table("指标代码|数值\nU14|9"), Context(Zunyi + ";U14:2024-02=5.0,2024-03=5.1,2024-04=5.25,2024-05=5.3"));

        Assert.Empty(report.Issues);
    }

    [Fact]
    public void Validate_ChangeOverAGap_DividedByTheGap()
    {
        // Monthly changes of 0.1±; 2024-03 → 2024-06 rose 0.4 over 3 months (0.133 a month), which is ordinary.
        var context = Context(Zunyi + ";U14:2023-11=4.6,2023-12=4.7,2024-01=4.8,2024-02=4.95,2024-03=5.0");

        var report = Validator().Validate(Table("指标代码|数值\nU14|5.4"), context);

        Assert.Empty(report.Issues);
    }

    [Theory]
    [InlineData("2022-06", true)]
    [InlineData("2022-05", false)]
    public void Validate_ChangesOlderThan24Months_NotJudgedAgainst(string first, bool judged)
    {
        // Five steady months from `first`, then nothing until the 2024-06 file's jump. From 2022-06 the five lie in the 24
        // months before 2024-06 and the jump is an outlier; a month earlier, only four do, too few to judge against.
        var start = YearMonth.Parse(first);
        var history = string.Join(',', Enumerable.Range(0, 5).Select(i => $"{start.AddMonths(i)}={(1.0 + (i * 0.1)).ToString(CultureInfo.InvariantCulture)}"));

        var report = Validator().Validate(Table("指标代码|数值\nU14|9"), Context(Zunyi + ";U14:" + history));

        Assert.Equal(judged, report.Issues.Any(i => i.Code == IssueCodes.Outlier));
        Assert.True(report.Accepted);
    }

    [Fact]
    public void Validate_NoSpreadInHistory_AnyDifferentChangeIsOutlier()
    {
        // Four changes of exactly 0.1: MAD and mean absolute deviation are both 0.
        var context = Context(Zunyi + ";U14:2024-01=5.0,2024-02=5.1,2024-03=5.2,2024-04=5.3,2024-05=5.4");

        var same = Validator().Validate(Table("指标代码|数值\nU14|5.5"), context);
        var different = Validator().Validate(Table("指标代码|数值\nU14|5.7"), context);

        Assert.Empty(same.Issues);
        var issue = Assert.Single(different.Issues);
        Assert.Equal(IssueCodes.Outlier, issue.Code);
        Assert.True(different.Accepted);
        Assert.Single(different.Observations);
    }

    [Fact]
    public void Validate_OutlierThresholdRaised_NoWarning()
    {
        var thresholds = new ThresholdsOptions { OutlierZ = 1000 };

        var report = Validator(thresholds).Validate(Table("指标代码|数值\nU14|9"), Context(SteadyU14));

        Assert.Empty(report.Issues);
    }

    [Fact]
    public void Validate_WeightedIndicatorWithoutOwnTargets_UnitSuspectAgainstProvince()
    {
        // C01 has only a province target (30): 3001 is more than 100 × 30 for 遵义 too.
        var report = Validator().Validate(Table("指标代码|数值\nC01|3001"), Context());

        Assert.Equal(IssueCodes.UnitSuspect, Assert.Single(report.Issues).Code);
    }

    [Fact]
    public void Validate_SumIndicatorWithoutOwnTargets_NoUnitSuspect()
    {
        var report = Validator().Validate(Table("指标代码|数值\nP01|999999"), Context("520400@2024-06"));

        Assert.Empty(report.Issues);
    }

    [Fact]
    public void Validate_BlankValue_RowSkipped()
    {
        var report = Validator().Validate(Table("指标代码|数值|备注\nU14||\nU99| |\nP01|5|"), Context());

        Assert.Empty(report.Issues);
        Assert.Equal("P01", Assert.Single(report.Observations).Indicator);
        Assert.Equal(3, report.RowCount);
    }

    [Fact]
    public void Validate_TemplateColumns_KnownAndIgnored()
    {
        var table = Table("指标代码|指标名称|数值|单位|上期值|期间|市州代码|备注\nU14|老旧小区改造|7.3|万户|7.1|2024年6月|520300|按月累计");

        var report = Validator().Validate(table, Context());

        Assert.Empty(report.Issues);
        Assert.Equal(7.3, Assert.Single(report.Observations).Value);
    }

    [Fact]
    public void Validate_EnglishAliases_CaseAndSpaceInsensitive()
    {
        var report = Validator().Validate(Table(" Indicator |VALUE|Unit|Period|Prefecture|Note|Name|Previous\nU14|7.3|万户|2024-06|520300|x|y|7.1"), Context());

        Assert.Empty(report.Issues);
        Assert.Single(report.Observations);
    }

    [Theory]
    [InlineData("2024-06")]
    [InlineData("2024/06")]
    [InlineData("2024年6月")]
    [InlineData("202406")]
    [InlineData("2024-06-30")]
    [InlineData("2024-06-01")]
    public void Validate_PeriodCellForms_Accepted(string period)
    {
        var report = Validator().Validate(Table($"指标代码|数值|期间\nU14|5|{period}"), Context());

        Assert.Empty(report.Issues);
    }

    [Theory]
    [InlineData("520300")]
    [InlineData("５２０３００")]
    [InlineData("520300.0")]
    [InlineData("遵义市")]
    public void Validate_PrefectureCellForms_Accepted(string prefecture)
    {
        var report = Validator().Validate(Table($"指标代码|数值|市州代码\nU14|5|{prefecture}"), Context());

        Assert.Empty(report.Issues);
    }

    [Fact]
    public void Validate_MissingValueLabel_ChecksCodesButNotValues()
    {
        var table = Table("指标代码|单位\nU99|万户\nU14|亩");

        var report = Validator().Validate(table, Context());

        Assert.Equal([IssueCodes.MissingLabel, IssueCodes.UnknownIndicator], report.Issues.Select(i => i.Code));
    }

    [Fact]
    public void Validate_MissingIndicatorLabel_ChecksValuesButNotUnitsOrHistory()
    {
        var table = Table("数值|单位\n5|亩\nabc|万户");

        var report = Validator().Validate(table, Context());

        Assert.Equal([IssueCodes.MissingLabel, IssueCodes.TypeError], report.Issues.Select(i => i.Code));
        Assert.Equal(3, report.Issues[1].Row);
    }

    [Fact]
    public void Validate_ManyProblems_ReaderIssuesThenFileThenRowsInOrder()
    {
        var reader = new ValidationIssue(IssueCodes.FormulaCell, IssueSeverity.Warning, 3, "数值", "5", "公式单元格");
        var table = Table("指标代码|数值|负责人\nU99|5|\nU14|abc|\nP01|=1+2|", reader);

        var report = Validator().Validate(table, Context("520300@2024-09"));

        Assert.Equal(
            [IssueCodes.FormulaCell, IssueCodes.PeriodOutOfRange, IssueCodes.ExtraLabel, IssueCodes.UnknownIndicator, IssueCodes.TypeError, IssueCodes.FormulaInjection],
            report.Issues.Select(i => i.Code));
        Assert.Equal([3, null, null, 2, 3, 4], report.Issues.Select(i => i.Row));
        Assert.False(report.Accepted);
        Assert.Empty(report.Observations);
    }

    [Fact]
    public void Validate_OneErrorAmongGoodRows_RejectsEverything()
    {
        var report = Validator().Validate(Table("指标代码|数值\nU14|7.3\nP01|800\nP02|abc"), Context());

        Assert.False(report.Accepted);
        Assert.Equal(1, report.ErrorCount);
        Assert.Empty(report.Observations);
    }

    [Fact]
    public void Validate_WarningsOnly_AcceptedWithObservationsInRowOrder()
    {
        var report = Validator().Validate(Table("指标代码|数值|负责人\nP01|800|张三\nU14|7.3|张三"), Context());

        Assert.True(report.Accepted);
        Assert.Equal(1, report.WarningCount);
        Assert.Equal(["P01", "U14"], report.Observations.Select(o => o.Indicator));
    }

    [Fact]
    public void Validate_FormulaInjectionInValue_NotAlsoTypeError()
    {
        var report = Validator().Validate(Table("指标代码|数值\nU14|=1+2"), Context());

        Assert.Equal(IssueCodes.FormulaInjection, Assert.Single(report.Issues).Code);
    }

    [Fact]
    public void Validate_NegativeNumberInNote_NotFormulaInjection()
    {
        var report = Validator().Validate(Table("指标代码|数值|备注\nU14|5|-12.5"), Context());

        Assert.Empty(report.Issues);
    }

    [Fact]
    public void Validate_FormulaInjectionInSkippedRow_StillFlagged()
    {
        var report = Validator().Validate(Table("指标代码|数值|备注\nU14||@cmd"), Context());

        var issue = Assert.Single(report.Issues);
        Assert.Equal(IssueCodes.FormulaInjection, issue.Code);
        Assert.Equal("备注", issue.Column);
    }

    [Fact]
    public void Validate_ProvinceReportsNoneIndicator_Accepted()
    {
        var report = Validator().Validate(Table("指标代码|数值\nU01|57.2\nU38|2.95"), Context("520000@2024-06"));

        Assert.True(report.Accepted);
        Assert.Equal(2, report.Observations.Count);
    }

    [Fact]
    public void Validate_ReportCarriesFormatAndEncoding()
    {
        var report = Validator().Validate(Table("指标代码|数值\nU14|5"), Context());

        Assert.Equal(Core.Submissions.SubmissionFormat.Csv, report.Format);
        Assert.Equal("UTF-8", report.Encoding);
    }

    [Fact]
    public void Validate_UnreadableFile_ReportsOnlyWhyItCannotBeRead()
    {
        var unreadable = new ValidationIssue(IssueCodes.ArchiveTooLarge, IssueSeverity.Error, null, null, "xl/media/image1.png", "压缩炸弹");
        var table = new IntakePipeline.Core.Submissions.SubmissionTable(IntakePipeline.Core.Submissions.SubmissionFormat.Xlsx, null, [], [], [unreadable]);

        var report = Validator().Validate(table, Context());

        Assert.Equal([unreadable], report.Issues);
    }

    [Theory]
    [InlineData("P01|1e305万|", "P01")]
    [InlineData("P01|1e305万|公里", "P01")]
    [InlineData("P03|1e308|万户", "P03")]
    public void Validate_NumberThatOverflowsOnceScaled_IsOutOfRangeOnItsRow(string row, string code)
    {
        var report = Validator().Validate(Table($"指标代码|数值|单位\nU14|5|万户\n{row}"), Context());

        var issue = Assert.Single(report.Issues);
        Assert.Equal((IssueCodes.OutOfRange, 3, "数值"), (issue.Code, issue.Row, issue.Column));
        Assert.Contains(code, issue.Message, StringComparison.Ordinal);
        Assert.Empty(report.Observations);
    }

    [Fact]
    public void Validate_SameMismatchOnEveryRow_IsReportedOnceWithItsCount()
    {
        // Every row is U14, so duplicate-row floods too; each flood is one issue.
        var rows = string.Join('\n', Enumerable.Repeat("U14|5|520100", 12));

        var report = Validator().Validate(Table($"指标代码|数值|市州代码\n{rows}"), Context());

        var mismatch = Assert.Single(report.Issues, i => i.Code == IssueCodes.PrefectureMismatch);
        Assert.Equal((2, 12), (mismatch.Row, mismatch.Count));
    }

    [Fact]
    public void Validate_FormulaInHeader_IsFormulaInjection()
    {
        var report = Validator().Validate(Table("指标代码|数值|=HYPERLINK(\"http://x\")\nU14|5|x"), Context());

        var issue = Assert.Single(report.Issues);
        Assert.Equal((IssueCodes.FormulaInjection, (int?)null), (issue.Code, issue.Row));
        Assert.False(report.Accepted);
    }
}
