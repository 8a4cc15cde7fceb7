using System.Globalization;
using IntakePipeline.Core.Alerts.Internals;

namespace IntakePipeline.Core.Alerts;

public sealed partial class AlertEmailComposer
{
    /// <summary>
    /// Composes one digest message: the new, escalated and resolved trajectory and breach alerts grouped by prefecture
    /// in GB/T 2260 order (贵阳市 first), with the province roll-up (贵州省) last and any unknown scope before it; within a
    /// group, new before escalated before resolved, then the most severe first. Missing submissions follow in their own
    /// section (未按期报送, and 已补报 when resolved). De-escalations are omitted: like the single emails, a digest
    /// reports only changes that are emailed. With nothing to report, the message says so.
    /// </summary>
    /// <param name="latestPeriod">The latest period with accepted data, shown as 数据截至; null to leave it out.</param>
    /// <param name="digestDate">The day the digest is for, shown as yyyy-MM-dd.</param>
    /// <param name="notices">The changes collected in the digest window, in any order.</param>
    /// <returns>The email, e.g. subject <c>【每日汇总】2024-07-11 新增 3 · 升级 1 · 解除 2 · 缺报 1（数据截至 2024-06）</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="notices"/> is null.</exception>
    public AlertEmail ComposeDigest(YearMonth? latestPeriod, DateOnly digestDate, IReadOnlyList<AlertNotice> notices)
    {
        ArgumentNullException.ThrowIfNull(notices);
        var alerts = new List<AlertNotice>(notices.Count);
        var missing = new List<AlertNotice>();
        foreach (var notice in notices)
        {
            if (notice.Change == AlertChange.Deescalated)
            {
                continue;
            }

            (notice.Kind == AlertKind.Missing ? missing : alerts).Add(notice);
        }

        alerts.Sort(CompareAlerts);
        missing.Sort((a, b) => (ScopeRank(a.Scope), a.Scope, a.Period, a.Change).CompareTo((ScopeRank(b.Scope), b.Scope, b.Period, b.Change)));

        var date = digestDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var counts = new List<string>(5);
        AddCount(counts, "新增", alerts.Count(n => n.Change == AlertChange.Opened));
        AddCount(counts, "升级", alerts.Count(n => n.Change == AlertChange.Escalated));
        AddCount(counts, "解除", alerts.Count(n => n.Change == AlertChange.Resolved));
        AddCount(counts, "缺报", missing.Count(n => n.Change != AlertChange.Resolved));
        AddCount(counts, "补报", missing.Count(n => n.Change == AlertChange.Resolved));
        var asOf = latestPeriod is { } latest ? $"（数据截至 {latest}）" : string.Empty;
        var summary = counts.Count == 0 ? "无新的预警变化" : string.Join(" · ", counts);
        var subject = $"【每日汇总】{date} {summary}{asOf}";
        var mail = new MailDocument(subject, $"每日汇总 · {date}", "#34495e");

        mail.Paragraph(counts.Count == 0
            ? $"{date}{asOf}：没有新增、升级或解除的预警，也没有缺报变化。"
            : $"{date}{asOf}：{summary}。预警按市州分组，全省汇总列在最后；缺报情况在最后单独列出。状态好转但未解除的预警不在此列出。");

        for (var i = 0; i < alerts.Count;)
        {
            var scope = alerts[i].Scope;
            var rows = new List<TableRow>();
            for (; i < alerts.Count && alerts[i].Scope == scope; i++)
            {
                rows.Add(DigestRow(alerts[i]));
            }

            mail.Section(AlertWording.Place(scope) + (scope == Submitters.Province ? "（全省汇总）" : string.Empty));
            mail.Table(["变化", "指标", "状态", "实际 / 应达 / 目标", "滞后", "预警期间", "规划依据"], rows);
        }

        if (missing.Count > 0)
        {
            mail.Section("缺报情况");
            var rows = new List<TableRow>(missing.Count);
            foreach (var notice in missing)
            {
                var resolved = notice.Change == AlertChange.Resolved;
                rows.Add(new TableRow(
                    [resolved ? "已补报" : "未按期报送", $"{AlertWording.Place(notice.Scope)}（{notice.Scope}）", notice.Period.ToString(), notice.FirstPeriod.ToString()],
                    resolved ? ResolvedColor : "#b00020"));
            }

            mail.Table(["情况", "报送单位", "期间", "首次提醒"], rows);
        }

        return mail.Finish(subject, Footer(null));
    }

    private TableRow DigestRow(AlertNotice notice)
    {
        var indicator = _catalog.FindIndicator(notice.Indicator);
        var unit = indicator?.Unit ?? string.Empty;
        var entry = notice.Entry;
        var name = $"{IndicatorName(notice.Indicator)}（{notice.Indicator}{(unit.Length == 0 ? string.Empty : "，" + unit)}）";
        if (AlertWording.Rollup(entry) is { } rollup)
        {
            name += "\n" + rollup;
        }

        var figures = EntryFigures.Of(entry);
        var values = $"实际 {figures.Actual}\n应达 {figures.Expected}\n目标 {TargetText(entry, figures.Target, string.Empty)}";
        return new TableRow(
            [
                AlertWording.Change(notice.Change),
                name,
                AlertWording.Outcome(notice),
                values,
                LagText(entry?.Lag),
                notice.FirstPeriod == notice.Period ? notice.Period.ToString() : $"{notice.FirstPeriod} 至 {notice.Period}",
                SourceText(entry?.Source ?? indicator?.Source),
            ],
            notice.Change == AlertChange.Resolved ? ResolvedColor : AlertWording.Color(notice.Status));
    }

    private static int CompareAlerts(AlertNotice a, AlertNotice b)
    {
        var byScope = (ScopeRank(a.Scope), a.Scope).CompareTo((ScopeRank(b.Scope), b.Scope));
        if (byScope != 0)
        {
            return byScope;
        }

        var byChange = ChangeRank(a.Change).CompareTo(ChangeRank(b.Change));
        if (byChange != 0)
        {
            return byChange;
        }

        var bySeverity = AlertWording.Severity(b.Status).CompareTo(AlertWording.Severity(a.Status));
        return bySeverity != 0 ? bySeverity : (a.Indicator, a.Period).CompareTo((b.Indicator, b.Period));
    }

    /// <summary>Prefectures in GB/T 2260 order, then unknown scopes, then the province last.</summary>
    private static int ScopeRank(string scope)
    {
        for (var i = 0; i < Submitters.Prefectures.Count; i++)
        {
            if (Submitters.Prefectures[i].Code == scope)
            {
                return i;
            }
        }

        return scope == Submitters.Province ? int.MaxValue : int.MaxValue - 1;
    }

    private static int ChangeRank(AlertChange change) => change switch
    {
        AlertChange.Opened => 0,
        AlertChange.Escalated => 1,
        AlertChange.Resolved => 2,
        _ => 3,
    };

    private static void AddCount(List<string> counts, string label, int count)
    {
        if (count > 0)
        {
            counts.Add(string.Create(CultureInfo.InvariantCulture, $"{label} {count}"));
        }
    }
}
