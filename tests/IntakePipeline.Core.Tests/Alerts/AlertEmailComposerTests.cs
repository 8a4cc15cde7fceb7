using System.Text.RegularExpressions;
using IntakePipeline.Core.Alerts;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Validation;
using static IntakePipeline.Core.Tests.Validation.TestCatalog;

namespace IntakePipeline.Core.Tests.Alerts;

public partial class AlertEmailComposerTests
{
    private static readonly YearMonth _june = new(2024, 6);
    private static readonly TrajectoryEvaluator _evaluator = new(Default, new ThresholdsOptions());
    private static readonly AlertEmailComposer _composer = new(Default);

    // 遵义 U14 at 2024-06: actual 5 against 7.35 expected (10.5 × 42/60), lag 2.35/10.5 = 22.38% → seriously behind.
    private static ScorecardEntry ZunyiU14(double actual = 5) =>
        _evaluator.Evaluate(Indicator("U14"), Zunyi, _june, [new MonthlyValue(_june, actual)]);

    private static TrajectoryMonth[] ZunyiU14Path(YearMonth from, YearMonth to, double lastActual = 5)
    {
        var points = new List<TrajectoryMonth>();
        for (var month = from; month <= to; month = month.AddMonths(1))
        {
            var expected = _evaluator.ExpectedAt(Indicator("U14"), Zunyi, month);
            points.Add(new TrajectoryMonth(month, lastActual - (to.MonthsSince(month) * 0.2), expected));
        }

        return [.. points];
    }

    private static AlertNotice Notice(
        AlertChange change,
        TrajectoryStatus? status,
        TrajectoryStatus? previous = null,
        AlertKind kind = AlertKind.Trajectory,
        string scope = Zunyi,
        string indicator = "U14",
        ScorecardEntry? entry = null,
        IReadOnlyList<TrajectoryMonth>? trajectory = null) =>
        new(scope, indicator, kind, change, _june, new YearMonth(2024, 3), status, previous,
            kind == AlertKind.Missing ? null : entry ?? ZunyiU14() with { Status = status ?? TrajectoryStatus.OnTrack },
            kind == AlertKind.Missing ? [] : trajectory ?? ZunyiU14Path(new YearMonth(2024, 1), _june),
            "corr-1");

    [Theory]
    [InlineData(AlertChange.Opened, TrajectoryStatus.SeriouslyBehind, null, "【滞后预警】遵义市 老旧小区改造 2024-06 严重滞后")]
    [InlineData(AlertChange.Opened, TrajectoryStatus.Behind, null, "【滞后预警】遵义市 老旧小区改造 2024-06 滞后")]
    [InlineData(AlertChange.Opened, TrajectoryStatus.AtRisk, null, "【风险预警】遵义市 老旧小区改造 2024-06 有风险")]
    [InlineData(AlertChange.Escalated, TrajectoryStatus.SeriouslyBehind, TrajectoryStatus.Behind, "【预警升级】遵义市 老旧小区改造 2024-06 滞后→严重滞后")]
    [InlineData(AlertChange.Escalated, TrajectoryStatus.Behind, TrajectoryStatus.AtRisk, "【预警升级】遵义市 老旧小区改造 2024-06 有风险→滞后")]
    [InlineData(AlertChange.Deescalated, TrajectoryStatus.Behind, TrajectoryStatus.SeriouslyBehind, "【预警缓解】遵义市 老旧小区改造 2024-06 严重滞后→滞后")]
    [InlineData(AlertChange.Resolved, TrajectoryStatus.OnTrack, TrajectoryStatus.SeriouslyBehind, "【预警解除】遵义市 老旧小区改造 2024-06 已恢复正常")]
    [InlineData(AlertChange.Resolved, TrajectoryStatus.TargetMet, TrajectoryStatus.Behind, "【预警解除】遵义市 老旧小区改造 2024-06 已达标")]
    public void ComposeAlert_TrajectoryChange_SubjectSaysWhatAndWhere(AlertChange change, TrajectoryStatus status, TrajectoryStatus? previous, string subject) =>
        Assert.Equal(subject, _composer.ComposeAlert(Notice(change, status, previous)).Subject);

    [Fact]
    public void ComposeAlert_FloorBreach_BreachSubjectAndFloorWording()
    {
        var entry = _evaluator.Evaluate(Indicator("U27"), Zunyi, _june, [new MonthlyValue(_june, 93.5)]);
        Assert.Equal(TrajectoryStatus.Breach, entry.Status);

        var email = _composer.ComposeAlert(Notice(AlertChange.Opened, TrajectoryStatus.Breach, kind: AlertKind.Breach, indicator: "U27", entry: entry,
            trajectory: [new(_june, 93.5, 95)]));

        Assert.Equal("【越限预警】遵义市 县级及以上城市空气质量优良天数比率 2024-06 越限", email.Subject);
        Assert.Contains("低于底线 95%", email.Text, StringComparison.Ordinal);
        Assert.Contains("95%以上（2025-12 到期）", email.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AlertChange.Opened, "【缺报提醒】遵义市 2024-06 月度数据未按期报送")]
    [InlineData(AlertChange.Resolved, "【缺报解除】遵义市 2024-06 月度数据已补报")]
    public void ComposeAlert_Missing_SubjectNamesPrefectureAndMonth(AlertChange change, string subject)
    {
        var email = _composer.ComposeAlert(Notice(change, null, kind: AlertKind.Missing, indicator: AlertNotice.MissingIndicator));

        Assert.Equal(subject, email.Subject);
        Assert.Contains("intake-520300", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeAlert_MissingOpened_TellsHowToUpload()
    {
        var email = _composer.ComposeAlert(Notice(AlertChange.Opened, null, kind: AlertKind.Missing, indicator: AlertNotice.MissingIndicator));

        Assert.Contains("下载本单位本期的标准 XLSX 模板 reports-520300/templates/2024-06.xlsx", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("intake template", email.Text, StringComparison.Ordinal);
        Assert.Contains("目录 2024-06/", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeAlert_SeriouslyBehind_BothPartsCarryTheFigures()
    {
        var email = _composer.ComposeAlert(Notice(AlertChange.Opened, TrajectoryStatus.SeriouslyBehind));

        foreach (var part in new[] { email.Html, email.Text })
        {
            Assert.Contains("老旧小区改造（U14）", part, StringComparison.Ordinal);
            Assert.Contains("万户", part, StringComparison.Ordinal);
            Assert.Contains("实际 5 万户", part, StringComparison.Ordinal);
            Assert.Contains("规划应达 7.35 万户", part, StringComparison.Ordinal);
            Assert.Contains("10.5 万户（2025-12 到期）", part, StringComparison.Ordinal);
            Assert.Contains("落后 22.38%", part, StringComparison.Ordinal);
            Assert.Contains("-2.35 万户", part, StringComparison.Ordinal);
            Assert.Contains("黔发改城镇〔2022〕22号 U14（《贵州省“十四五”新型城镇化规划》）", part, StringComparison.Ordinal);
            Assert.Contains("首次 2024-03，最近 2024-06", part, StringComparison.Ordinal);
            Assert.Contains("corr-1", part, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ComposeAlert_ProvinceTarget_ShowsQualifier()
    {
        var entry = _evaluator.Evaluate(Indicator("U14"), Province, _june, [new MonthlyValue(_june, 30)]) with { ReportedCount = 9, ExpectedCount = 9 };

        var email = _composer.ComposeAlert(Notice(AlertChange.Opened, entry.Status, scope: Province, entry: entry, trajectory: [new(_june, 30, 49)]));

        Assert.Contains("70 万户以上（2025-12 到期）", email.Text, StringComparison.Ordinal);
        Assert.Contains("已报 9/9", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("部分汇总", email.Subject, StringComparison.Ordinal);
        Assert.StartsWith("【滞后预警】贵州省 老旧小区改造 2024-06 严重滞后", email.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeAlert_PartialProvinceRollup_SaysPartialInSubjectAndBody()
    {
        var entry = _evaluator.Evaluate(Indicator("U14"), Province, _june, [new MonthlyValue(_june, 30)]) with { ReportedCount = 7, ExpectedCount = 9 };

        var email = _composer.ComposeAlert(Notice(AlertChange.Opened, entry.Status, scope: Province, entry: entry, trajectory: [new(_june, 30, 49)]));

        Assert.Equal("【滞后预警】贵州省 老旧小区改造 2024-06 严重滞后（部分汇总，已报 7/9）", email.Subject);
        Assert.Contains("部分汇总，已报 7/9 个市州", email.Html, StringComparison.Ordinal);
        Assert.Contains("部分汇总，已报 7/9 个市州", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeAlert_SixMonths_OneRowAndOneActualBarPerMonthAndTheTarget()
    {
        // The path runs past the notice's month; only months up to it are drawn.
        var email = _composer.ComposeAlert(Notice(AlertChange.Opened, TrajectoryStatus.SeriouslyBehind,
            trajectory: ZunyiU14Path(new YearMonth(2024, 1), new YearMonth(2024, 8))));

        Assert.Equal(6, Count(email.Html, "data-period=\""));
        Assert.Equal(6, Count(email.Html, "title=\"实际 "));
        Assert.Equal(6, Count(email.Html, "title=\"应达 "));
        Assert.Contains("data-period=\"2024-01\"", email.Html, StringComparison.Ordinal);
        Assert.Contains("data-period=\"2024-06\"", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-period=\"2024-07\"", email.Html, StringComparison.Ordinal);
        Assert.Equal(1, Count(email.Html, "data-target=\"2025-12\""));
        Assert.Equal(6, Regex.Matches(email.Text, @"^2024-0\d  实际", RegexOptions.Multiline).Count);
        Assert.Contains("目标（2025-12）  10.5 万户", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeAlert_Picture_EveryBarSpansExactly100Percent()
    {
        var email = _composer.ComposeAlert(Notice(AlertChange.Opened, TrajectoryStatus.SeriouslyBehind));

        var bars = BarWidths(email.Html);
        Assert.Equal(13, bars.Count); // 6 months × (actual + expected) + the target
        Assert.All(bars, widths => Assert.Equal(100, widths.Sum()));
    }

    [Fact]
    public void ComposeAlert_NegativeRate_BarsGrowFromTheZeroAxis()
    {
        // U36 growth rate: −2% actual against 6.5% expected, target 7%: the scale runs −2…7 (9 points), 0 sits at 22%.
        var entry = _evaluator.Evaluate(Indicator("U36"), Province, _june, [new MonthlyValue(_june, -2)]);
        var email = _composer.ComposeAlert(Notice(AlertChange.Opened, entry.Status, scope: Province, indicator: "U36", entry: entry,
            trajectory: [new(_june, -2, 6.5)]));

        var bars = BarWidths(email.Html);
        Assert.Equal([22, 78], bars[0]); // −2: from the left edge to the axis
        Assert.Equal([22, 72, 6], bars[1]); // 6.5: from the axis rightwards
        Assert.Equal([22, 78], bars[2]); // the target 7
        Assert.Contains("实际 -2%", email.Text, StringComparison.Ordinal);
        Assert.Contains("负值向左", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeAlert_DownwardIndicatorAboveExpected_DrawnAsBehind()
    {
        var entry = _evaluator.Evaluate(Indicator("U38"), Province, _june, [new MonthlyValue(_june, 3.2)]);
        var email = _composer.ComposeAlert(Notice(AlertChange.Opened, entry.Status, scope: Province, indicator: "U38", entry: entry,
            trajectory: [new(new YearMonth(2024, 5), 2.9, 2.97), new(_june, 3.2, 2.97)]));

        Assert.Contains("该指标越低越好", email.Html, StringComparison.Ordinal);
        Assert.Contains("2024-06  实际 3.2  应达 2.97  差距 +0.23  （落后）", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("2024-05  实际 2.9  应达 2.97  差距 -0.07  （落后）", email.Text, StringComparison.Ordinal);
        Assert.Contains("bgcolor=\"#d35400\" title=\"实际 3.2 倍\"", email.Html, StringComparison.Ordinal);
        Assert.Contains("bgcolor=\"#2e8b57\" title=\"实际 2.9 倍\"", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeAlert_NullsAndZeros_NoBarsAndDashes()
    {
        var entry = new ScorecardEntry(Zunyi, "U14", _june, null, null, null, null, null, null, TrajectoryStatus.InsufficientData, null, null);
        var email = _composer.ComposeAlert(Notice(AlertChange.Resolved, TrajectoryStatus.InsufficientData, TrajectoryStatus.Behind, entry: entry,
            trajectory: [new(new YearMonth(2024, 5), 0, 0), new(_june, null, null)]));

        Assert.Equal(2, Count(email.Html, "data-period=\""));
        Assert.Empty(BarWidths(email.Html));
        Assert.Contains("2024-06  实际 —  应达 —  差距 —", email.Text, StringComparison.Ordinal);
        Assert.Contains("滞后幅度：—", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeAlert_EmptyTrajectory_SaysSo() =>
        Assert.Contains("暂无月度轨迹数据", _composer.ComposeAlert(Notice(AlertChange.Opened, TrajectoryStatus.Behind, trajectory: [])).Text, StringComparison.Ordinal);

    [Fact]
    public void ComposeAlert_SeventyMonths_DrawsTheLastSixty()
    {
        var email = _composer.ComposeAlert(Notice(AlertChange.Opened, TrajectoryStatus.SeriouslyBehind,
            trajectory: ZunyiU14Path(new YearMonth(2018, 9), _june, lastActual: 20)));

        Assert.Equal(60, Count(email.Html, "data-period=\""));
        Assert.Contains("data-period=\"2019-07\"", email.Html, StringComparison.Ordinal);
        Assert.Contains("更早的 10 个月从略", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeDigest_MixedNotices_GroupedByPrefectureProvinceLastThenMissing()
    {
        var province = ZunyiU14() with { Scope = Province, ReportedCount = 7, ExpectedCount = 9 };
        AlertNotice[] notices =
        [
            Notice(AlertChange.Opened, TrajectoryStatus.Behind, scope: Province, entry: province),
            Notice(AlertChange.Opened, null, kind: AlertKind.Missing, scope: Anshun, indicator: AlertNotice.MissingIndicator),
            Notice(AlertChange.Resolved, TrajectoryStatus.OnTrack, TrajectoryStatus.Behind, scope: Zunyi, indicator: "P01"),
            Notice(AlertChange.Opened, TrajectoryStatus.SeriouslyBehind, scope: Zunyi),
            Notice(AlertChange.Escalated, TrajectoryStatus.SeriouslyBehind, TrajectoryStatus.Behind, scope: Guiyang),
            Notice(AlertChange.Deescalated, TrajectoryStatus.Behind, TrajectoryStatus.SeriouslyBehind, scope: Zunyi, indicator: "P03"),
        ];

        var email = _composer.ComposeDigest(_june, new DateOnly(2024, 7, 11), notices);

        Assert.Equal("【每日汇总】2024-07-11 新增 2 · 升级 1 · 解除 1 · 缺报 1（数据截至 2024-06）", email.Subject);
        foreach (var part in new[] { email.Html, email.Text })
        {
            AssertInOrder(part, "贵阳市", "遵义市", "老旧小区改造（U14", "城市管网建设改造（P01", "贵州省（全省汇总）", "部分汇总，已报 7/9", "缺报情况", "安顺市（520400）");
            Assert.DoesNotContain("棚户区改造", part, StringComparison.Ordinal);
            Assert.Contains("2024-03 至 2024-06", part, StringComparison.Ordinal);
            Assert.Contains("落后 22.38%", part, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ComposeDigest_Nothing_SaysNoChanges()
    {
        var email = _composer.ComposeDigest(null, new DateOnly(2024, 7, 11),
            [Notice(AlertChange.Deescalated, TrajectoryStatus.Behind, TrajectoryStatus.SeriouslyBehind)]);

        Assert.Equal("【每日汇总】2024-07-11 无新的预警变化", email.Subject);
        Assert.DoesNotContain("老旧小区改造", email.Text, StringComparison.Ordinal);
    }

    private static readonly Uri _reportLink = new("https://acct.blob.core.chinacloudapi.cn/reports-520300/2024-06/%E9%81%B5%E4%B9%89%E5%B8%82-2024-06.csv.report.html?sv=2026-10-06&se=2024-07-17T00%3A00%3A00Z&sr=b&sp=r&sig=abc%3D");

    private static SubmissionReceipt Receipt(bool accepted, IReadOnlyList<ValidationIssue> issues, string blobName = "2024-06/遵义市-2024-06.csv") =>
        new(Zunyi, blobName, _june, "sub-1", accepted, issues, "reports-520300/2024-06/遵义市-2024-06.csv.report.html", _reportLink, "corr-2")
        {
            TemplateBlob = "reports-520300/templates/2024-06.xlsx",
        };

    [Fact]
    public void ComposeReceipt_Rejected_NamesFileIssuesReportAndHowToReupload()
    {
        var email = _composer.ComposeReceipt(Receipt(false,
        [
            new(IssueCodes.TypeError, IssueSeverity.Error, 3, "数值", "十二", "第 3 行“数值”列的值“十二”无法识别为数字。"),
            new(IssueCodes.TypeError, IssueSeverity.Warning, null, null, null, "文件编码为 GB18030。"),
        ]));

        Assert.Equal("【退回】遵义市 2024-06 文件未通过校验：遵义市-2024-06.csv", email.Subject);
        foreach (var part in new[] { email.Html, email.Text })
        {
            Assert.Contains("1 个错误、1 条警告", part, StringComparison.Ordinal);
            Assert.Contains("第 3 行“数值”列的值“十二”无法识别为数字。", part, StringComparison.Ordinal);
            Assert.Contains("十二", part, StringComparison.Ordinal);
            Assert.Contains("reports-520300/2024-06/遵义市-2024-06.csv.report.html", part, StringComparison.Ordinal);
            Assert.Contains("容器 intake-520300 的同一期间目录 2024-06/", part, StringComparison.Ordinal);
            Assert.Contains("会替换本次提交", part, StringComparison.Ordinal);
            Assert.Contains("可下载本单位本期的 XLSX 模板：reports-520300/templates/2024-06.xlsx", part, StringComparison.Ordinal);
            Assert.DoesNotContain("intake template", part, StringComparison.Ordinal);
        }

        Assert.Contains("报送模板：reports-520300/templates/2024-06.xlsx", email.Text, StringComparison.Ordinal);
        // 级别, 行 and 列 stay on one line beside a long message.
        Assert.Contains("white-space:nowrap;\">数值</td>", email.Html, StringComparison.Ordinal);
        Assert.Contains("white-space:nowrap;\">3</td>", email.Html, StringComparison.Ordinal);

        Assert.Contains("- 级别：错误；行：3；列：数值；值：十二；说明：", email.Text, StringComparison.Ordinal);
        Assert.Contains("级别：警告；行：（整个文件）", email.Text, StringComparison.Ordinal);
        Assert.Contains("\n" + _reportLink.AbsoluteUri + "\n", email.Text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{_reportLink.AbsoluteUri.Replace("&", "&amp;", StringComparison.Ordinal)}\">", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeReceipt_AcceptedWithWarnings_SubjectAndNoRejectionWording()
    {
        var email = _composer.ComposeReceipt(Receipt(true, [new(IssueCodes.TypeError, IssueSeverity.Warning, 5, "数值", "99", "与上期相比变化异常。")]));

        Assert.Equal("【已接收（有警告）】遵义市 2024-06 文件已接收，1 条警告请核实：遵义市-2024-06.csv", email.Subject);
        Assert.Contains("已通过校验并入库", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("已退回", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeReceipt_HostileValueAndBlobName_EscapedAndNeutralised()
    {
        const string Hyperlink = "=HYPERLINK(\"http://evil.example/x\",\"点我\")";
        var email = _composer.ComposeReceipt(Receipt(false,
            [
                new(IssueCodes.FormulaInjection, IssueSeverity.Error, 4, "<script>alert(1)</script>", Hyperlink, "以 = 开头的文字不允许。"),
                new(IssueCodes.TypeError, IssueSeverity.Error, 5, "数值", "<script>alert(2)</script>", "无法识别为数字。"),
            ],
            blobName: "2024-06/" + Hyperlink + "<script>x</script>.csv"));

        Assert.DoesNotContain("<script", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(2)&lt;/script&gt;", email.Html, StringComparison.Ordinal);
        Assert.Contains("&#39;=HYPERLINK(&quot;http://evil.example/x&quot;", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"=HYPERLINK", email.Html, StringComparison.Ordinal);
        Assert.Equal(Count(email.Html, "=HYPERLINK"), Count(email.Html, "&#39;=HYPERLINK"));
        Assert.Equal(Count(email.Text, "=HYPERLINK"), Count(email.Text, "'=HYPERLINK"));
        Assert.Contains("值：'=HYPERLINK(", email.Text, StringComparison.Ordinal);
        Assert.Contains("文件未通过校验：'=HYPERLINK(", email.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeReceipt_ValueWithLineBreaks_StaysOnOneLine()
    {
        var email = _composer.ComposeReceipt(Receipt(false, [new(IssueCodes.TypeError, IssueSeverity.Error, 3, "数值", "1\n说明：伪造的一行", "无法识别为数字。")]));

        Assert.Contains("值：1 说明：伪造的一行", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n说明：伪造", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeReceipt_120Issues_ListsFirst50ErrorsFirstAndCountsTheRest()
    {
        var issues = new List<ValidationIssue>();
        for (var i = 0; i < 120; i++)
        {
            // Warnings come first in the report; the receipt lists the errors first.
            issues.Add(new(IssueCodes.TypeError, i < 60 ? IssueSeverity.Warning : IssueSeverity.Error, i + 2, "数值", "x", $"MSG{i:000}|"));
        }

        var email = _composer.ComposeReceipt(Receipt(false, issues));

        foreach (var part in new[] { email.Html, email.Text })
        {
            Assert.Equal(50, Count(part, "|"));
            Assert.Contains("MSG060|", part, StringComparison.Ordinal);
            Assert.Contains("MSG109|", part, StringComparison.Ordinal);
            Assert.DoesNotContain("MSG110|", part, StringComparison.Ordinal);
            Assert.DoesNotContain("MSG000|", part, StringComparison.Ordinal);
            Assert.Contains("另有 70 条问题未在邮件中列出，请查看完整报告：reports-520300/", part, StringComparison.Ordinal);
            Assert.Contains("共 120 条，列出前 50 条", part, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string> AllKindsOfEmail()
    {
        var data = new TheoryData<string>();
        AlertEmail[] emails =
        [
            _composer.ComposeAlert(Notice(AlertChange.Opened, TrajectoryStatus.SeriouslyBehind)),
            _composer.ComposeAlert(Notice(AlertChange.Resolved, TrajectoryStatus.OnTrack, TrajectoryStatus.Behind)),
            _composer.ComposeAlert(Notice(AlertChange.Opened, null, kind: AlertKind.Missing, indicator: AlertNotice.MissingIndicator)),
            _composer.ComposeDigest(_june, new DateOnly(2024, 7, 11), [Notice(AlertChange.Opened, TrajectoryStatus.Behind)]),
            _composer.ComposeReceipt(Receipt(false, [new(IssueCodes.TypeError, IssueSeverity.Error, 3, "数值", "x", "无法识别为数字。")])),
        ];
        foreach (var email in emails)
        {
            data.Add(email.Subject + "\n" + email.Html + "\n" + email.Text);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllKindsOfEmail))]
    public void Compose_AnyEmail_NoSvgScriptOrExternalResources(string email)
    {
        // A receipt's report link is an anchor the reader clicks, not a resource the mail program loads.
        email = email.Replace(_reportLink.AbsoluteUri.Replace("&", "&amp;", StringComparison.Ordinal), string.Empty, StringComparison.Ordinal)
            .Replace(_reportLink.AbsoluteUri, string.Empty, StringComparison.Ordinal);
        foreach (var forbidden in new[] { "<svg", "<script", "<img", "<link", "<style", "src=", "url(", "http://", "https://" })
        {
            Assert.DoesNotContain(forbidden, email, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotMatch(@"(?<![#\w.])\d+(\.\d+)?[eE][+-]?\d", email); // E notation; colours like #2e8b57 aside

        Assert.StartsWith("【", email, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\">", email, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", email[..(email.LastIndexOf("</html>", StringComparison.Ordinal) + 8)], StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullCatalog_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new AlertEmailComposer(null!));

    private static int Count(string text, string value) =>
        Regex.Matches(text, Regex.Escape(value)).Count;

    private static void AssertInOrder(string text, params string[] values)
    {
        var at = 0;
        foreach (var value in values)
        {
            var next = text.IndexOf(value, at, StringComparison.Ordinal);
            Assert.True(next >= 0, $"'{value}' not found after position {at}.");
            at = next + value.Length;
        }
    }

    /// <summary>The cell widths of every bar, in order: each bar is a one-row table of percentage-wide cells.</summary>
    private static List<int[]> BarWidths(string html) =>
        [.. BarPattern().Matches(html).Select(m => CellWidthPattern().Matches(m.Value).Select(c => int.Parse(c.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray())];

    [GeneratedRegex("<table [^>]*margin:1px 0;\"><tr>.*?</tr></table>")]
    private static partial Regex BarPattern();

    [GeneratedRegex("<td width=\"(\\d+)%\"")]
    private static partial Regex CellWidthPattern();
}
