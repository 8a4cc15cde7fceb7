using System.Globalization;
using System.Text;
using IntakePipeline.Core.Formatting;
using IntakePipeline.Core.Plan;

namespace IntakePipeline.Core.Alerts.Internals;

/// <summary>
/// The picture of an indicator's path in an alert email: one table row per month with the actual and the expected
/// value as horizontal bars, then a row for the target, all on one scale. The bars are table cells with percentage
/// widths and background colours, which Outlook and webmail both draw; there is no SVG, script or image. The scale
/// runs from the smallest to the largest value shown, always including 0, so negative values (a falling growth rate)
/// grow left from the zero axis. A month without a value shows a dash and no bar.
/// </summary>
internal sealed class TrajectoryPicture
{
    /// <summary>The most months shown; the plan runs five years, and older months are left out with a note.</summary>
    public const int MaxMonths = 60;

    private const string BehindColor = "#d35400";
    private const string AheadColor = "#2e8b57";
    private const string PlainColor = "#1f6fb2";
    private const string ExpectedColor = "#a6a6a6";
    private const string TargetColor = "#34495e";
    private const int BarHeight = 7;

    private readonly List<TrajectoryMonth> _months;
    private readonly int _omitted;
    private readonly double? _target;
    private readonly YearMonth? _targetDate;
    private readonly string _unit;
    private readonly bool _down;
    private readonly double _min;
    private readonly double _max;

    private TrajectoryPicture(List<TrajectoryMonth> months, int omitted, double? target, YearMonth? targetDate, string unit, bool down)
    {
        _months = months;
        _omitted = omitted;
        _target = target is { } t && double.IsFinite(t) ? t : null;
        _targetDate = targetDate;
        _unit = unit;
        _down = down;
        double min = 0, max = 0;
        foreach (var month in months)
        {
            Widen(month.Actual, ref min, ref max);
            Widen(month.Expected, ref min, ref max);
        }

        Widen(_target, ref min, ref max);
        _min = min;
        _max = max;
    }

    /// <summary>The months drawn, oldest first.</summary>
    public IReadOnlyList<TrajectoryMonth> Months => _months;

    /// <summary>
    /// Draws the points up to <paramref name="upTo"/> (the last <see cref="MaxMonths"/> of them) and the target.
    /// </summary>
    public static TrajectoryPicture Create(
        IReadOnlyList<TrajectoryMonth> trajectory,
        YearMonth upTo,
        double? target,
        YearMonth? targetDate,
        PlanIndicator? indicator)
    {
        var months = new List<TrajectoryMonth>(trajectory.Count);
        foreach (var point in trajectory)
        {
            if (point.Period <= upTo)
            {
                months.Add(point);
            }
        }

        months.Sort((a, b) => a.Period.CompareTo(b.Period));
        var omitted = Math.Max(0, months.Count - MaxMonths);
        if (omitted > 0)
        {
            months.RemoveRange(0, omitted);
        }

        return new TrajectoryPicture(months, omitted, target, targetDate, indicator?.Unit ?? string.Empty,
            indicator?.Direction == IndicatorDirection.Down);
    }

    /// <summary>Writes the picture into both parts of <paramref name="mail"/>.</summary>
    public void WriteTo(MailDocument mail)
    {
        if (_months.Count == 0)
        {
            mail.Paragraph("暂无月度轨迹数据。");
            return;
        }

        var unitNote = _unit.Length == 0 ? string.Empty : "，单位：" + _unit;
        var scaleNote = _min < 0 ? "图中各条以 0 为轴按同一比例绘制，负值向左。" : "图中各条从 0 起按同一比例绘制。";
        var directionNote = _down ? "该指标越低越好。" : "该指标越高越好。";
        if (_omitted > 0)
        {
            mail.Paragraph($"仅显示最近 {_months.Count} 个月，更早的 {_omitted} 个月从略。");
        }

        WriteHtml(mail.Html, unitNote, scaleNote + directionNote);
        WriteText(mail.Text, unitNote, directionNote);
    }

    private void WriteHtml(StringBuilder html, string unitNote, string note)
    {
        html.Append("<p style=\"margin:6px 0;font-size:12px;color:#555555;\">")
            .Append(Swatch(AheadColor)).Append(_down ? " 实际（不高于应达）　" : " 实际（不低于应达）　")
            .Append(Swatch(BehindColor)).Append(_down ? " 实际（高于应达）　" : " 实际（低于应达）　")
            .Append(Swatch(ExpectedColor)).Append(" 规划应达　")
            .Append(Swatch(TargetColor)).Append(" 目标")
            .Append("<br>").Append(MailText.Html(note + unitNote.TrimStart('，'))).Append("</p>\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"border-collapse:collapse;margin:4px 0 8px 0;font-size:12px;\">\n<tr>")
            .Append("<th align=\"left\" style=\"").Append(MailDocument.HeaderStyle).Append("\">月份</th>")
            .Append("<th align=\"right\" style=\"").Append(MailDocument.HeaderStyle).Append("text-align:right;\">实际</th>")
            .Append("<th align=\"right\" style=\"").Append(MailDocument.HeaderStyle).Append("text-align:right;\">应达</th>")
            .Append("<th align=\"right\" style=\"").Append(MailDocument.HeaderStyle).Append("text-align:right;\">差距</th>")
            .Append("<th align=\"left\" width=\"300\" style=\"").Append(MailDocument.HeaderStyle).Append("width:300px;\">图示</th></tr>\n");

        foreach (var month in _months)
        {
            var period = month.Period.ToString();
            var figures = Figures(month);
            html.Append("<tr data-period=\"").Append(period).Append("\">");
            Cell(html, period, left: true);
            Cell(html, figures.Actual, left: false);
            Cell(html, figures.Expected, left: false);
            Cell(html, figures.Gap, left: false);
            html.Append("<td width=\"300\" style=\"").Append(MailDocument.CellStyle).Append("width:300px;vertical-align:middle;\">");
            if (month.Actual is { } actual)
            {
                Bar(html, actual, Behind(month) switch { true => BehindColor, false => AheadColor, null => PlainColor }, "实际 " + DisplayNumber.AttachUnit(figures.Actual, _unit));
            }

            if (month.Expected is { } expected)
            {
                Bar(html, expected, ExpectedColor, "应达 " + DisplayNumber.AttachUnit(figures.Expected, _unit));
            }

            html.Append("</td></tr>\n");
        }

        if (_target is { } target)
        {
            var label = "目标" + (_targetDate is { } date ? "（" + date.ToString() + "）" : string.Empty);
            html.Append("<tr data-target=\"").Append(_targetDate?.ToString() ?? string.Empty).Append("\">");
            Cell(html, label, left: true);
            Cell(html, DisplayNumber.None, left: false);
            Cell(html, DisplayNumber.Format(target), left: false);
            Cell(html, DisplayNumber.None, left: false);
            html.Append("<td width=\"300\" style=\"").Append(MailDocument.CellStyle).Append("width:300px;vertical-align:middle;\">");
            Bar(html, target, TargetColor, label + " " + DisplayNumber.WithUnit(target, _unit));
            html.Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private void WriteText(StringBuilder text, string unitNote, string directionNote)
    {
        text.Append("月度轨迹（实际 / 规划应达 / 差距").Append(unitNote).Append("；").Append(directionNote).Append("）：\n");
        foreach (var month in _months)
        {
            var figures = Figures(month);
            text.Append(month.Period.ToString()).Append("  实际 ").Append(figures.Actual)
                .Append("  应达 ").Append(figures.Expected)
                .Append("  差距 ").Append(figures.Gap);
            if (Behind(month) == true)
            {
                text.Append("  （落后）");
            }

            text.Append('\n');
        }

        if (_target is { } target)
        {
            text.Append("目标").Append(_targetDate is { } date ? "（" + date.ToString() + "）" : string.Empty)
                .Append("  ").Append(DisplayNumber.WithUnit(target, _unit)).Append('\n');
        }

        text.Append('\n');
    }

    private static void Widen(double? value, ref double min, ref double max)
    {
        if (value is { } v && double.IsFinite(v))
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
    }

    /// <summary>True when the month's actual is on the wrong side of its expected value; null when either is missing.</summary>
    private bool? Behind(TrajectoryMonth month)
    {
        if (month.Actual is not { } actual || month.Expected is not { } expected)
        {
            return null;
        }

        var tolerance = 1e-9 * Math.Max(1, Math.Abs(expected));
        return _down ? actual > expected + tolerance : actual < expected - tolerance;
    }

    /// <summary>The month's actual, expected and signed gap, formatted together so that they never contradict each other.</summary>
    private static (string Actual, string Expected, string Gap) Figures(TrajectoryMonth month)
    {
        double? gap = month.Actual is { } actual && month.Expected is { } expected ? actual - expected : null;
        var texts = DisplayNumber.Together(month.Actual, month.Expected, gap);
        return (texts[0], texts[1], DisplayNumber.WithSign(texts[2]));
    }

    private static void Cell(StringBuilder html, string text, bool left) =>
        html.Append("<td align=\"").Append(left ? "left" : "right").Append("\" style=\"").Append(MailDocument.CellStyle)
            .Append(left ? "white-space:nowrap;" : "text-align:right;white-space:nowrap;").Append("\">")
            .Append(MailText.Html(text)).Append("</td>");

    private static string Swatch(string color) =>
        "<span style=\"color:" + color + ";font-size:14px;\">■</span>";

    /// <summary>One bar from the zero axis to <paramref name="value"/>, as a row of up to three cells whose widths add up to 100%.</summary>
    private void Bar(StringBuilder html, double value, string color, string title)
    {
        var range = _max - _min;
        if (!double.IsFinite(value) || range <= 0)
        {
            return;
        }

        var low = Math.Min(value, 0);
        var high = Math.Max(value, 0);
        var lead = (int)Math.Round((low - _min) / range * 100);
        var width = high > low ? Math.Max(1, (int)Math.Round((high - low) / range * 100)) : 0;
        if (width == 0)
        {
            return;
        }

        lead = Math.Clamp(lead, 0, 100 - width);
        var rest = 100 - lead - width;
        html.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"border-collapse:collapse;margin:1px 0;\"><tr>");
        Spacer(html, lead);
        html.Append("<td width=\"").Append(Percent(width)).Append("\" height=\"").Append(BarHeight).Append("\" bgcolor=\"").Append(color)
            .Append("\" title=\"").Append(MailText.Html(title)).Append("\" style=\"width:").Append(Percent(width)).Append(";height:")
            .Append(BarHeight).Append("px;background-color:").Append(color).Append(";font-size:1px;line-height:1px;\">&nbsp;</td>");
        Spacer(html, rest);
        html.Append("</tr></table>");
    }

    private static void Spacer(StringBuilder html, int width)
    {
        if (width > 0)
        {
            html.Append("<td width=\"").Append(Percent(width)).Append("\" height=\"").Append(BarHeight).Append("\" style=\"width:")
                .Append(Percent(width)).Append(";height:").Append(BarHeight).Append("px;font-size:1px;line-height:1px;\">&nbsp;</td>");
        }
    }

    private static string Percent(int value) => value.ToString(CultureInfo.InvariantCulture) + "%";
}
