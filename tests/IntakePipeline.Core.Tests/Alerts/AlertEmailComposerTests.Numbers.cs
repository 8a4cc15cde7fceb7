using IntakePipeline.Core.Alerts;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;
using IntakePipeline.Core.Validation;
using static IntakePipeline.Core.Tests.Validation.TestCatalog;

namespace IntakePipeline.Core.Tests.Alerts;

/// <summary>The figures of an alert as a reader sees them, against the real plan catalog.</summary>
public partial class AlertEmailComposerTests
{
    private static readonly PlanCatalog _plan = PlanCatalogLoader.LoadEmbedded();
    private static readonly TrajectoryEvaluator _planEvaluator = new(_plan, new ThresholdsOptions());
    private static readonly AlertEmailComposer _planComposer = new(_plan);

    private static AlertEmail PlanAlert(string scope, string indicator, YearMonth period, double actual)
    {
        var entry = _planEvaluator.Evaluate(_plan.FindIndicator(indicator)!, scope, period, [new MonthlyValue(period, actual)]);
        Assert.Equal(TrajectoryStatus.SeriouslyBehind, entry.Status);
        var notice = new AlertNotice(scope, indicator, AlertKind.Trajectory, AlertChange.Opened, period, period, entry.Status, null, entry,
            [new TrajectoryMonth(period, entry.Actual, entry.Expected)], "corr-9");
        return _planComposer.ComposeAlert(notice);
    }

    [Theory]
    // 遵义 U34 in 2024-05: 0.05 against 0.05 → 0.04 over 2024–2025, i.e. 0.0479 expected; lag 0.00208/0.01 = 20.83%.
    [InlineData(Zunyi, "U34", 5, 0.05, "实际 0.05 人/亿元，规划应达 0.0479 人/亿元，落后 20.83%", "差距：+0.00208 人/亿元", "实际 0.05  应达 0.0479  差距 +0.00208")]
    // 贵阳 N51 in 2024-06: 0.2 against 0.2 → 0.19, i.e. 0.1975 expected; lag 0.0025/0.01 = 25%.
    [InlineData(Guiyang, "N51", 6, 0.2, "实际 0.2，规划应达 0.198，落后 25%", "差距：+0.0025", "实际 0.2  应达 0.198  差距 +0.0025")]
    public void ComposeAlert_SmallDownwardRates_ActualExpectedAndGapPrintDifferently(
        string scope, string indicator, int month, double actual, string headline, string gap, string pathRow)
    {
        var email = PlanAlert(scope, indicator, new YearMonth(2024, month), actual);

        Assert.Contains(headline, email.Text, StringComparison.Ordinal);
        Assert.Contains(headline, email.Html, StringComparison.Ordinal);
        Assert.Contains(gap, email.Text, StringComparison.Ordinal);
        Assert.Contains(pathRow, email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("差距：0", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("差距 0", email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Zunyi, "U34", 5, 0.05, ">+0.00208 人/亿元</td>")]
    [InlineData(Guiyang, "N51", 6, 0.2, ">+0.0025</td>")]
    public void ComposeAlert_PositiveGap_NoFormulaPrefixInHtml(string scope, string indicator, int month, double actual, string gapCell)
    {
        var email = PlanAlert(scope, indicator, new YearMonth(2024, month), actual);

        Assert.Contains(gapCell, email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#39;", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("'", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeAlert_NegativeGapWithUnit_NoFormulaPrefix()
    {
        var email = _composer.ComposeAlert(Notice(AlertChange.Opened, TrajectoryStatus.SeriouslyBehind));

        Assert.Contains(">-2.35 万户</td>", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#39;-", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeReceipt_SubmittedFormula_StillNeutralisedNextToComputedFigures()
    {
        var email = _composer.ComposeReceipt(Receipt(false,
            [new(IssueCodes.FormulaInjection, IssueSeverity.Error, 4, "备注", "=1+2", "以 = 开头的文字不允许。")]));

        Assert.Contains("&#39;=1+2", email.Html, StringComparison.Ordinal);
        Assert.Contains("值：'=1+2", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeDigest_SmallRate_ActualAndExpectedDiffer()
    {
        var period = new YearMonth(2024, 5);
        var entry = _planEvaluator.Evaluate(_plan.FindIndicator("U34")!, Zunyi, period, [new MonthlyValue(period, 0.05)]);
        var notice = new AlertNotice(Zunyi, "U34", AlertKind.Trajectory, AlertChange.Opened, period, period, entry.Status, null, entry, [], "corr-9");

        var email = _planComposer.ComposeDigest(period, new DateOnly(2024, 6, 11), [notice]);

        Assert.Contains("实际 0.05，应达 0.0479，目标 0.04以内（2025-12 到期）", email.Text, StringComparison.Ordinal);
    }
}
