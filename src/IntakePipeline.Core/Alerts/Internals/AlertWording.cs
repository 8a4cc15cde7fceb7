using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;

namespace IntakePipeline.Core.Alerts.Internals;

/// <summary>The Chinese words alert emails use for statuses, changes and places, kept in one place so they agree.</summary>
internal static class AlertWording
{
    /// <summary>The status's Chinese name: 正常, 滞后, 严重滞后, 有风险, 已达标, 越限, 数据不足.</summary>
    public static string Status(TrajectoryStatus status) => status switch
    {
        TrajectoryStatus.OnTrack => "正常",
        TrajectoryStatus.Behind => "滞后",
        TrajectoryStatus.SeriouslyBehind => "严重滞后",
        TrajectoryStatus.AtRisk => "有风险",
        TrajectoryStatus.TargetMet => "已达标",
        TrajectoryStatus.Breach => "越限",
        TrajectoryStatus.InsufficientData => "数据不足",
        _ => status.ToString(),
    };

    /// <summary>The status's name, or 未知 when there is none.</summary>
    public static string Status(TrajectoryStatus? status) => status is { } s ? Status(s) : "未知";

    /// <summary>How much a status needs attention, for ordering: a breach first, on track and met last.</summary>
    public static int Severity(TrajectoryStatus? status) => status switch
    {
        TrajectoryStatus.Breach => 5,
        TrajectoryStatus.SeriouslyBehind => 4,
        TrajectoryStatus.Behind => 3,
        TrajectoryStatus.AtRisk => 2,
        TrajectoryStatus.InsufficientData => 1,
        _ => 0,
    };

    /// <summary>The colour a status is shown in.</summary>
    public static string Color(TrajectoryStatus? status) => status switch
    {
        TrajectoryStatus.Breach => "#8e0000",
        TrajectoryStatus.SeriouslyBehind => "#b00020",
        TrajectoryStatus.Behind => "#d35400",
        TrajectoryStatus.AtRisk => "#b7770b",
        TrajectoryStatus.OnTrack or TrajectoryStatus.TargetMet => "#1b7d2a",
        _ => "#555555",
    };

    /// <summary>The change's name in a digest: 新增, 升级, 缓解, 解除.</summary>
    public static string Change(AlertChange change) => change switch
    {
        AlertChange.Opened => "新增",
        AlertChange.Escalated => "升级",
        AlertChange.Deescalated => "缓解",
        AlertChange.Resolved => "解除",
        _ => change.ToString(),
    };

    /// <summary>
    /// The bracketed tag a subject starts with: 【滞后预警】, 【风险预警】 (at risk), 【越限预警】 (breach), 【预警升级】,
    /// 【预警缓解】, 【预警解除】, and for a missing file 【缺报提醒】 or 【缺报解除】.
    /// </summary>
    public static string Tag(AlertNotice notice)
    {
        if (notice.Kind == AlertKind.Missing)
        {
            return notice.Change == AlertChange.Resolved ? "【缺报解除】" : "【缺报提醒】";
        }

        return notice.Change switch
        {
            AlertChange.Escalated => "【预警升级】",
            AlertChange.Deescalated => "【预警缓解】",
            AlertChange.Resolved => "【预警解除】",
            _ when notice.Kind == AlertKind.Breach || notice.Status == TrajectoryStatus.Breach => "【越限预警】",
            _ when notice.Status == TrajectoryStatus.AtRisk => "【风险预警】",
            _ => "【滞后预警】",
        };
    }

    /// <summary>
    /// What the change did to the status: <c>严重滞后</c> when opened, <c>滞后→严重滞后</c> when escalated or
    /// de-escalated, <c>已恢复正常</c> or <c>已达标</c> when resolved.
    /// </summary>
    public static string Outcome(AlertNotice notice) => notice.Change switch
    {
        AlertChange.Escalated or AlertChange.Deescalated => $"{Status(notice.PreviousStatus)}→{Status(notice.Status)}",
        AlertChange.Resolved => notice.Status switch
        {
            TrajectoryStatus.TargetMet => "已达标",
            TrajectoryStatus.OnTrack => "已恢复正常",
            _ => "已解除（" + Status(notice.Status) + "）",
        },
        _ => Status(notice.Status),
    };

    /// <summary>The scope's Chinese name (贵州省 for 520000), or the code itself when it is not a known submitter.</summary>
    public static string Place(string scope) => Submitters.Find(scope)?.Name ?? scope;

    /// <summary>
    /// How complete a province roll-up is: <c>部分汇总，已报 7/9</c> or <c>已报 9/9</c>; null when the entry is not a roll-up.
    /// </summary>
    public static string? Rollup(ScorecardEntry? entry) =>
        entry is { ReportedCount: { } reported, ExpectedCount: { } expected }
            ? (entry.IsPartial ? "部分汇总，" : string.Empty) + $"已报 {reported}/{expected}"
            : null;

    /// <summary>The qualifier's Chinese word (左右, 以上, 以内, 以下), or empty.</summary>
    public static string Qualifier(TargetQualifier qualifier) => qualifier switch
    {
        TargetQualifier.About => "左右",
        TargetQualifier.AtLeast => "以上",
        TargetQualifier.Within => "以内",
        TargetQualifier.Below => "以下",
        _ => string.Empty,
    };
}
