using IntakePipeline.Core.Alerts.Internals;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Formatting;
using IntakePipeline.Core.Intake;
using IntakePipeline.Core.Plan;
using IntakePipeline.Core.Templates;

namespace IntakePipeline.Core.Alerts;

/// <summary>
/// Turns alert changes, digests and submission receipts into Chinese emails (docs/alerts.md): a subject that
/// says what happened and where, an HTML part laid out with tables and inline styles only (no SVG, script, external
/// image or stylesheet, so Outlook and webmail render it alike), and a plain-text part with the same facts. Every value
/// that came from a submission is HTML-escaped and neutralised against formula injection with <c>SafeText</c>; the
/// system's own figures are escaped only. Numbers are written by <see cref="DisplayNumber"/>, and the figures of one row
/// (actual, expected, gap, target) together, so that different values never print the same; months are written
/// <c>yyyy-MM</c>. Pure and thread-safe.
/// </summary>
/// <param name="catalog">The plan catalog, for indicator names, units, target qualifiers and document titles.</param>
public sealed partial class AlertEmailComposer(PlanCatalog catalog)
{
    private const string ResolvedColor = "#1b7d2a";

    private readonly PlanCatalog _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));

    /// <summary>
    /// Composes the email for one change of one alert, sent at once. A trajectory or breach alert shows the indicator
    /// with its unit, the actual, expected and target values and the target date, the lag as a percentage, the plan
    /// source, the first and latest period, and a picture of the monthly path; a province roll-up says when it is
    /// partial (已报 7/9). A missing-submission alert says which month is missing and how to upload it. A
    /// <see cref="AlertChange.Deescalated"/> notice is composed too (【预警缓解】), although the outbox does not send one.
    /// </summary>
    /// <param name="notice">The change.</param>
    /// <returns>The email, e.g. subject <c>【滞后预警】遵义市 老旧小区改造 2024-06 严重滞后</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="notice"/> is null.</exception>
    public AlertEmail ComposeAlert(AlertNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return notice.Kind == AlertKind.Missing ? ComposeMissing(notice) : ComposeIndicator(notice);
    }

    private AlertEmail ComposeIndicator(AlertNotice notice)
    {
        var indicator = _catalog.FindIndicator(notice.Indicator);
        var name = IndicatorName(notice.Indicator);
        var place = AlertWording.Place(notice.Scope);
        var entry = notice.Entry;
        var tag = AlertWording.Tag(notice);
        var subject = $"{tag}{place} {name} {notice.Period} {AlertWording.Outcome(notice)}"
            + (entry?.IsPartial == true ? "（" + AlertWording.Rollup(entry) + "）" : string.Empty);
        var accent = notice.Change == AlertChange.Resolved ? ResolvedColor : AlertWording.Color(notice.Status);
        var mail = new MailDocument(subject, $"{tag.Trim('【', '】')} · {place} · {name}", accent);

        mail.Paragraph(Headline(notice, indicator));
        if (entry?.IsPartial == true)
        {
            mail.Callout($"注意：全省数值为部分汇总（{AlertWording.Rollup(entry)} 个市州），未报送的市州未计入；规划应达为已报送市州分解目标的应达值之和。", "#d35400");
        }

        mail.Facts(IndicatorFacts(notice, indicator));
        mail.Section("月度轨迹");
        TrajectoryPicture.Create(notice.Trajectory, notice.Period, entry?.Target, entry?.TargetDate, indicator).WriteTo(mail);
        mail.Paragraph(notice.Change switch
        {
            AlertChange.Resolved => "该预警已自动解除，无需处理。",
            AlertChange.Deescalated => "情况有所好转，预警仍未解除，请继续跟进。",
            _ => "请相关责任单位核实进度、分析原因并采取措施；如所报数据有误，请修正后重新上传该月文件。",
        });
        return mail.Finish(subject, Footer(notice.CorrelationId));
    }

    private AlertEmail ComposeMissing(AlertNotice notice)
    {
        var place = AlertWording.Place(notice.Scope);
        var resolved = notice.Change == AlertChange.Resolved;
        var tag = AlertWording.Tag(notice);
        var subject = $"{tag}{place} {notice.Period} 月度数据" + (resolved ? "已补报" : "未按期报送");
        var mail = new MailDocument(subject, $"{tag.Trim('【', '】')} · {place}", resolved ? ResolvedColor : "#b00020");
        var container = SubmissionBlobName.IntakeContainer(notice.Scope);

        mail.Paragraph(resolved
            ? $"已收到并接收{place} {notice.Period} 的月度数据，缺报提醒解除。"
            : $"报送期限已过，尚未收到{place} {notice.Period} 的月度数据（或所报文件未通过校验）。请尽快填报并上传。");
        mail.Facts(
        [
            new("报送单位", $"{place}（{notice.Scope}）"),
            new("期间", notice.Period.ToString()),
            new("情况", resolved ? "已补报" : "未按期报送"),
            new("上传位置", $"容器 {container}，目录 {notice.Period}/"),
            new("首次提醒", notice.FirstPeriod.ToString()),
        ]);
        if (!resolved)
        {
            mail.Section("如何报送");
            var template = SubmissionBlobName.ReportContainer(notice.Scope) + "/" + SubmissionTemplateWriter.BlobName(notice.Period);
            mail.Steps(
            [
                $"下载本单位本期的标准 XLSX 模板 {template} 并填写（也可沿用已有的 CSV、XLSX 或 JSON 格式）。",
                $"将文件上传到容器 {container} 的期间目录 {notice.Period}/ 中。",
                "系统会自动校验；通过后本提醒自动解除，未通过时会另发退回回执，说明需要修改的地方。",
            ]);
        }

        return mail.Finish(subject, Footer(notice.CorrelationId));
    }

    private string Headline(AlertNotice notice, PlanIndicator? indicator)
    {
        var entry = notice.Entry;
        var unit = indicator?.Unit ?? string.Empty;
        var figures = EntryFigures.Of(entry);
        var lead = $"{AlertWording.Place(notice.Scope)}「{IndicatorName(notice.Indicator)}」{notice.Period} 实际 "
            + DisplayNumber.AttachUnit(figures.Actual, unit);
        var now = AlertWording.Status(notice.Status);
        var before = AlertWording.Status(notice.PreviousStatus);
        if (notice.Status == TrajectoryStatus.Breach && notice.Change is AlertChange.Opened or AlertChange.Escalated)
        {
            var side = indicator?.Kind switch
            {
                IndicatorKind.Floor => "，低于底线 ",
                IndicatorKind.Ceiling => "，高于上限 ",
                _ => "，越过限值 ",
            };
            return lead + side + DisplayNumber.AttachUnit(figures.Target, unit) + "，判定为越限。";
        }

        lead += "，规划应达 " + DisplayNumber.AttachUnit(figures.Expected, unit);
        return notice.Change switch
        {
            AlertChange.Resolved => $"{lead}，{AlertWording.Outcome(notice)}（原为{before}），预警解除。",
            AlertChange.Escalated => $"{lead}，{LagPhrase(entry?.Lag)}，状态由{before}升级为{now}。",
            AlertChange.Deescalated => $"{lead}，{LagPhrase(entry?.Lag)}，状态由{before}缓解为{now}。",
            _ when notice.Status == TrajectoryStatus.AtRisk =>
                $"{lead}，当前进度在正常范围内，但按近期趋势至 {entry?.TargetDate?.ToString() ?? DisplayNumber.None} 预计仅为 "
                + $"{DisplayNumber.AttachUnit(figures.Projected, unit)}，可能达不到目标 {DisplayNumber.AttachUnit(figures.Target, unit)}，判定为有风险。",
            _ => $"{lead}，{LagPhrase(entry?.Lag)}，判定为{now}。",
        };
    }

    private List<KeyValuePair<string, string>> IndicatorFacts(AlertNotice notice, PlanIndicator? indicator)
    {
        var entry = notice.Entry;
        var unit = indicator?.Unit ?? string.Empty;
        var figures = EntryFigures.Of(entry);
        var rollup = AlertWording.Rollup(entry);
        var status = notice.Change switch
        {
            AlertChange.Opened => AlertWording.Status(notice.Status),
            _ => $"{AlertWording.Status(notice.Status)}（原为{AlertWording.Status(notice.PreviousStatus)}）",
        };
        var facts = new List<KeyValuePair<string, string>>(16)
        {
            new("地区", $"{AlertWording.Place(notice.Scope)}（{notice.Scope}）"
                + (rollup is null ? string.Empty : $"，全省汇总：{rollup}")),
            new("指标", $"{IndicatorName(notice.Indicator)}（{notice.Indicator}）"),
            new("单位", unit.Length == 0 ? DisplayNumber.None : unit),
            new("期间", notice.Period.ToString()),
            new("状态", status),
            new("本月实际", DisplayNumber.AttachUnit(figures.Actual, unit)),
            new("规划应达", DisplayNumber.AttachUnit(figures.Expected, unit)),
            new("差距", DisplayNumber.AttachUnit(figures.Gap, unit)),
            new("滞后幅度", entry?.Lag is null ? DisplayNumber.None : LagText(entry.Lag) + LagBasis(indicator)),
            new("目标", TargetText(entry, figures.Target, unit)),
        };
        if (entry?.Projected is not null)
        {
            facts.Add(new("趋势预测", $"按近期趋势，至 {entry.TargetDate?.ToString() ?? DisplayNumber.None} 约 {DisplayNumber.AttachUnit(figures.Projected, unit)}"));
        }

        facts.Add(new("规划依据", SourceText(entry?.Source ?? indicator?.Source)));
        facts.Add(new("预警期间", $"首次 {notice.FirstPeriod}，最近 {notice.Period}"));
        return facts;
    }

    private string IndicatorName(string code) => _catalog.FindIndicator(code)?.Name ?? code;

    /// <summary>The lag in a sentence: as <see cref="LagText"/>, or 滞后幅度未知.</summary>
    private static string LagPhrase(double? lag) => lag is null ? "滞后幅度未知" : LagText(lag);

    /// <summary>The lag as a percentage: 落后 22.38%, 超前 5%, 落后 0%, or a dash.</summary>
    private static string LagText(double? lag) => lag switch
    {
        null => DisplayNumber.None,
        > 0 => "落后 " + DisplayNumber.Percent(lag.Value),
        < 0 => "超前 " + DisplayNumber.Percent(-lag.Value),
        _ => "落后 0%",
    };

    private static string LagBasis(PlanIndicator? indicator) => indicator?.Kind switch
    {
        IndicatorKind.Level or IndicatorKind.Cumulative => "（占规划起点至终点的跨度）",
        IndicatorKind.Rate or IndicatorKind.Floor or IndicatorKind.Ceiling => "（占目标值）",
        _ => string.Empty,
    };

    /// <summary>
    /// The target, formatted as <paramref name="number"/>, with its qualifier and due month, e.g.
    /// <c>70 万户以上（2025-12 到期）</c>.
    /// </summary>
    private string TargetText(ScorecardEntry? entry, string number, string unit)
    {
        if (entry?.Target is not { } target)
        {
            return DisplayNumber.None;
        }

        var text = DisplayNumber.AttachUnit(number, unit) + AlertWording.Qualifier(QualifierOf(entry, target));
        return entry.TargetDate is { } date ? $"{text}（{date} 到期）" : text;
    }

    private TargetQualifier QualifierOf(ScorecardEntry entry, double target)
    {
        if (entry.TargetDate is not { } date)
        {
            return TargetQualifier.None;
        }

        // A prefecture without its own point of a weighted indicator is judged against the province's.
        foreach (var scope in (ReadOnlySpan<string>)[entry.Scope, Submitters.Province])
        {
            foreach (var point in _catalog.TargetsInForce(entry.Indicator, scope))
            {
                if (point.Date == date && Math.Abs(point.Value - target) <= 1e-9 * Math.Max(1, Math.Abs(target)))
                {
                    return point.Qualifier;
                }
            }
        }

        return TargetQualifier.None;
    }

    /// <summary>The plan source, with the document's title when the source starts with a known document number.</summary>
    private string SourceText(string? source)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return DisplayNumber.None;
        }

        foreach (var document in _catalog.Documents)
        {
            if (document.Number.Length > 0 && source.StartsWith(document.Number, StringComparison.Ordinal))
            {
                return $"{source}（《{document.Title}》）";
            }
        }

        return source;
    }

    private static string Footer(string? correlationId) =>
        "本邮件由贵州省新型城镇化规划数据报送系统自动发送，请勿直接回复。"
        + (string.IsNullOrEmpty(correlationId) ? string.Empty : "追踪编号：" + MailText.Plain(correlationId));
}
