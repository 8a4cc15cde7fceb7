using System.Globalization;
using IntakePipeline.Core;
using IntakePipeline.Core.Alerts;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Formatting;
using IntakePipeline.Core.Plan;

namespace IntakePipeline.Pipeline.Alerts;

/// <summary>The short Chinese text of the <c>Alerts.Message</c> column; the email composer writes the full message.</summary>
internal static class AlertMessages
{
    public static string StatusText(TrajectoryStatus status) => status switch
    {
        TrajectoryStatus.OnTrack => "按计划推进",
        TrajectoryStatus.Behind => "滞后",
        TrajectoryStatus.SeriouslyBehind => "严重滞后",
        TrajectoryStatus.AtRisk => "有不能按期达标的风险",
        TrajectoryStatus.TargetMet => "已达标",
        TrajectoryStatus.Breach => "越过约束性底线",
        _ => "数据不足",
    };

    public static string ScopeName(string scope) => Submitters.Find(scope)?.Name ?? scope;

    /// <summary>E.g. <c>遵义市 老旧小区改造 2024-06 严重滞后：实际 5 万户，应达 7.35 万户，滞后 22.38%</c>.</summary>
    public static string ForEntry(ScorecardEntry entry, AlertChange? change, PlanIndicator? indicator)
    {
        var name = indicator?.Name ?? entry.Indicator;
        var unit = indicator?.Unit ?? string.Empty;
        var head = change == AlertChange.Resolved
            ? $"{ScopeName(entry.Scope)} {name} {entry.Period} 已恢复，{StatusText(entry.Status)}"
            : $"{ScopeName(entry.Scope)} {name} {entry.Period} {StatusText(entry.Status)}";
        var figures = DisplayNumber.Together(entry.Actual, entry.Expected);
        var text = head + "：实际 " + DisplayNumber.AttachUnit(figures[0], unit) + "，应达 " + DisplayNumber.AttachUnit(figures[1], unit);
        if (entry.Lag is { } lag)
        {
            text += lag < 0 ? "，超前 " + DisplayNumber.Percent(-lag) : "，滞后 " + DisplayNumber.Percent(lag);
        }

        if (entry.ReportedCount is { } reported && entry.ExpectedCount is { } expected)
        {
            text += entry.IsPartial
                ? $"（部分汇总：{reported}/{expected} 个市州已报送）"
                : $"（{reported}/{expected} 个市州汇总）";
        }

        return text;
    }

    public static string MissingOpened(string submitter, YearMonth period, DateTimeOffset deadline) =>
        $"{ScopeName(submitter)} {period} 的数据未在截止时间 {deadline.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} 前报送";

    public static string MissingResolved(string submitter, YearMonth period) =>
        $"{ScopeName(submitter)} {period} 的数据已补报并通过校验";
}
