using System.Globalization;
using System.Text;
using IntakePipeline.Core.Alerts.Internals;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Formatting;
using IntakePipeline.Core.Plan;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Dashboard.Internals;

/// <summary>
/// An indicator's trajectory in one scope as an inline SVG: the plan path through its in-force points (each numbered,
/// the number leading to its document and section in the table under the chart), the superseded points faintly, the
/// on-track band on the behind side of the path, the monthly actuals, the projection of the recent trend to the next
/// target date and a line at the month shown. Every mark carries a <c>&lt;title&gt;</c>, which browsers show on hover.
/// </summary>
internal sealed class TrajectoryChart
{
    private const int Width = 760;
    private const int Height = 280;
    private const int Left = 64;
    private const int Right = 24;
    private const int Top = 24;
    private const int Bottom = 30;
    private const string PlanColor = "#34495e";
    private const string ActualColor = "#1f6fb2";
    private const string BandColor = "#2e8b57";

    private readonly PlanIndicator _indicator;
    private readonly IReadOnlyList<TrajectoryPoint> _points;
    private readonly IReadOnlyList<PlanTarget> _superseded;
    private readonly IReadOnlyList<MonthlyValue> _actuals;
    private readonly ScorecardEntry? _entry;
    private readonly YearMonth _period;
    private readonly double _band;
    private readonly YearMonth _start;
    private readonly YearMonth _end;
    private readonly double _min;
    private readonly double _max;

    public TrajectoryChart(
        PlanIndicator indicator,
        IReadOnlyList<TrajectoryPoint> points,
        IReadOnlyList<PlanTarget> superseded,
        IReadOnlyList<MonthlyValue> actuals,
        ScorecardEntry? entry,
        YearMonth period,
        TrajectoryBands bands)
    {
        _indicator = indicator;
        _points = points;
        _superseded = superseded;
        _actuals = actuals;
        _entry = entry;
        _period = period;

        // The band is the lag the on-track status allows, in the indicator's unit (docs/evaluation.md).
        _band = indicator.Kind is IndicatorKind.Floor or IndicatorKind.Ceiling || points.Count == 0
            ? 0
            : bands.OnTrack * Span(indicator, points);

        var months = new List<YearMonth> { period };
        var values = new List<double>();
        foreach (var point in points)
        {
            months.Add(point.Date);
            values.Add(point.Value);
            values.Add(point.Value + (Behind * _band));
        }

        foreach (var target in superseded)
        {
            months.Add(target.Date);
            values.Add(target.Value);
        }

        foreach (var actual in actuals)
        {
            months.Add(actual.Month);
            values.Add(actual.Value);
        }

        if (Projection is { } projection)
        {
            months.Add(projection.Date);
            values.Add(projection.Value);
        }

        _start = months.Min();
        _end = months.Max();
        if (_end == _start)
        {
            _end = _start.AddMonths(1);
        }

        var min = values.Count == 0 ? 0 : values.Min();
        var max = values.Count == 0 ? 1 : values.Max();
        if (indicator.Kind == IndicatorKind.Cumulative || (min >= 0 && min < max * 0.25))
        {
            min = Math.Min(min, 0);
        }

        var pad = max > min ? (max - min) * 0.08 : Math.Max(1, Math.Abs(max) * 0.1);
        _min = min - (min == 0 ? 0 : pad);
        _max = max + pad;
    }

    /// <summary>−1 when the behind side is below the path (higher is better), +1 when above.</summary>
    private int Behind => _indicator.Direction == IndicatorDirection.Down ? 1 : -1;

    private (YearMonth Date, double Value)? Projection =>
        _entry is { Projected: { } projected, TargetDate: { } date } && double.IsFinite(projected) ? (date, projected) : null;

    /// <summary>Writes the chart as an <c>&lt;svg&gt;</c> element labelled <paramref name="label"/>.</summary>
    public void WriteTo(StringBuilder svg, string label)
    {
        svg.Append("<svg viewBox=\"0 0 ").Append(Width).Append(' ').Append(Height).Append("\" width=\"").Append(Width)
            .Append("\" height=\"").Append(Height).Append("\" role=\"img\" aria-label=\"").Append(SafeText.Html(label))
            .Append("\" font-size=\"11\" xmlns=\"http://www.w3.org/2000/svg\">");
        Axes(svg);
        if (_band > 0)
        {
            Band(svg);
        }

        PlanPath(svg);
        foreach (var target in _superseded)
        {
            var (x, y) = (X(target.Date), Y(target.Value));
            svg.Append("<g class=\"superseded\" opacity=\"0.4\"><circle cx=\"").Append(F(x)).Append("\" cy=\"").Append(F(y))
                .Append("\" r=\"5\" fill=\"#fff\" stroke=\"").Append(PlanColor).Append("\" stroke-dasharray=\"2 2\"><title>")
                .Append(SafeText.Html($"{target.Date} 已被替代：{PointText(target.Value, target)}（{target.Source}）")).Append("</title></circle>")
                .Append("<text x=\"").Append(F(x + 7)).Append("\" y=\"").Append(F(y + 14)).Append("\" fill=\"").Append(PlanColor).Append("\">")
                .Append(SafeText.Html(PointText(target.Value, target) + "（已替代）")).Append("</text></g>");
        }

        Actuals(svg);
        if (Projection is { } projection && _actuals.Count > 0)
        {
            var last = _actuals[^1];
            svg.Append("<g class=\"projection\"><line x1=\"").Append(F(X(last.Month))).Append("\" y1=\"").Append(F(Y(last.Value)))
                .Append("\" x2=\"").Append(F(X(projection.Date))).Append("\" y2=\"").Append(F(Y(projection.Value)))
                .Append("\" stroke=\"").Append(ActualColor).Append("\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>")
                .Append("<circle cx=\"").Append(F(X(projection.Date))).Append("\" cy=\"").Append(F(Y(projection.Value)))
                .Append("\" r=\"3.5\" fill=\"#fff\" stroke=\"").Append(ActualColor).Append("\"><title>")
                .Append(SafeText.Html($"按近期趋势外推至 {projection.Date}：{DisplayNumber.WithUnit(projection.Value, _indicator.Unit)}")).Append("</title></circle></g>");
        }

        svg.Append("</svg>");
    }

    private void Axes(StringBuilder svg)
    {
        for (var i = 0; i <= 4; i++)
        {
            var value = _min + ((_max - _min) * i / 4);
            var y = Y(value);
            svg.Append("<line x1=\"").Append(Left).Append("\" x2=\"").Append(Width - Right).Append("\" y1=\"").Append(F(y))
                .Append("\" y2=\"").Append(F(y)).Append("\" stroke=\"#eee\"/><text x=\"").Append(Left - 6).Append("\" y=\"").Append(F(y + 4))
                .Append("\" text-anchor=\"end\" fill=\"#555\">").Append(DisplayNumber.Format(value)).Append("</text>");
        }

        for (var year = _start.Year; year <= _end.Year; year++)
        {
            var january = new YearMonth(year, 1);
            if (january < _start || january > _end)
            {
                continue;
            }

            var x = X(january);
            svg.Append("<line x1=\"").Append(F(x)).Append("\" x2=\"").Append(F(x)).Append("\" y1=\"").Append(Top).Append("\" y2=\"")
                .Append(Height - Bottom).Append("\" stroke=\"#eee\"/><text x=\"").Append(F(x)).Append("\" y=\"").Append(Height - Bottom + 16)
                .Append("\" text-anchor=\"middle\" fill=\"#555\">").Append(year).Append("</text>");
        }

        var now = X(_period);
        svg.Append("<line class=\"period\" x1=\"").Append(F(now)).Append("\" x2=\"").Append(F(now)).Append("\" y1=\"").Append(Top)
            .Append("\" y2=\"").Append(Height - Bottom).Append("\" stroke=\"#999\" stroke-dasharray=\"3 3\"/><text x=\"").Append(F(now))
            .Append("\" y=\"").Append(Top - 8).Append("\" text-anchor=\"middle\" fill=\"#555\">").Append(_period.ToString()).Append("</text>");
    }

    private void Band(StringBuilder svg)
    {
        var path = PathVertices();
        var polygon = new StringBuilder();
        foreach (var (date, value) in path)
        {
            polygon.Append(F(X(date))).Append(',').Append(F(Y(value))).Append(' ');
        }

        for (var i = path.Count - 1; i >= 0; i--)
        {
            polygon.Append(F(X(path[i].Date))).Append(',').Append(F(Y(path[i].Value + (Behind * _band)))).Append(' ');
        }

        svg.Append("<polygon class=\"band\" points=\"").Append(polygon.ToString().TrimEnd()).Append("\" fill=\"").Append(BandColor)
            .Append("\" fill-opacity=\"0.15\" stroke=\"none\"><title>")
            .Append(SafeText.Html($"正常范围：落后规划应达不超过 {DisplayNumber.WithUnit(_band, _indicator.Unit)}")).Append("</title></polygon>");
    }

    private void PlanPath(StringBuilder svg)
    {
        var path = PathVertices();
        if (path.Count > 1)
        {
            svg.Append("<polyline class=\"plan\" fill=\"none\" stroke=\"").Append(PlanColor).Append("\" stroke-width=\"2\" points=\"");
            foreach (var (date, value) in path)
            {
                svg.Append(F(X(date))).Append(',').Append(F(Y(value))).Append(' ');
            }

            svg.Append("\"/>");
        }

        var number = 0;
        foreach (var point in _points)
        {
            if (point.Target is not { } target)
            {
                continue;
            }

            number++;
            var (x, y) = (X(point.Date), Y(point.Value));
            svg.Append("<g class=\"point\"><circle cx=\"").Append(F(x)).Append("\" cy=\"").Append(F(y)).Append("\" r=\"4.5\" fill=\"")
                .Append(PlanColor).Append("\"><title>").Append(SafeText.Html($"[{number}] {point.Date} 规划：{PointText(point.Value, target)}（{target.Source}）"))
                .Append("</title></circle><text x=\"").Append(F(x - 6)).Append("\" y=\"").Append(F(y - 8)).Append("\" text-anchor=\"end\" fill=\"")
                .Append(PlanColor).Append("\">").Append(SafeText.Html($"[{number}] {PointText(point.Value, target)}")).Append("</text></g>");
        }
    }

    private void Actuals(StringBuilder svg)
    {
        if (_actuals.Count > 1)
        {
            svg.Append("<polyline class=\"actual\" fill=\"none\" stroke=\"").Append(ActualColor).Append("\" stroke-width=\"2\" points=\"");
            foreach (var actual in _actuals)
            {
                svg.Append(F(X(actual.Month))).Append(',').Append(F(Y(actual.Value))).Append(' ');
            }

            svg.Append("\"/>");
        }

        foreach (var actual in _actuals)
        {
            svg.Append("<circle class=\"actual\" cx=\"").Append(F(X(actual.Month))).Append("\" cy=\"").Append(F(Y(actual.Value)))
                .Append("\" r=\"3\" fill=\"").Append(ActualColor).Append("\"><title>")
                .Append(SafeText.Html($"{actual.Month} 实际：{DisplayNumber.WithUnit(actual.Value, _indicator.Unit)}")).Append("</title></circle>");
        }
    }

    /// <summary>
    /// The vertices of the plan path: straight lines between the points for levels and cumulative totals; for a rate,
    /// a floor or a ceiling a step, since the value in force holds from the previous point up to its own date.
    /// </summary>
    private List<(YearMonth Date, double Value)> PathVertices()
    {
        var vertices = new List<(YearMonth, double)>();
        var stepped = _indicator.Kind is IndicatorKind.Rate or IndicatorKind.Floor or IndicatorKind.Ceiling;
        for (var i = 0; i < _points.Count; i++)
        {
            var point = _points[i];
            if (stepped && i > 0)
            {
                vertices.Add((_points[i - 1].Date, point.Value));
            }

            vertices.Add((point.Date, point.Value));
        }

        return vertices;
    }

    private string PointText(double value, PlanTarget target) =>
        DisplayNumber.WithUnit(value, _indicator.Unit) + AlertWording.Qualifier(target.Qualifier);

    /// <summary>The divisor of a lag, as the evaluator takes it: a rate's target, else the span from the baseline to the last point.</summary>
    private static double Span(PlanIndicator indicator, IReadOnlyList<TrajectoryPoint> points)
    {
        var span = indicator.Kind == IndicatorKind.Rate ? 0 : Math.Abs(points[^1].Value - points[0].Value);
        return span > 1e-9 ? span : Math.Abs(points[^1].Value);
    }

    private double X(YearMonth month) =>
        Left + ((Width - Left - Right) * (double)month.MonthsSince(_start) / _end.MonthsSince(_start));

    private double Y(double value) =>
        Height - Bottom - ((Height - Top - Bottom) * (value - _min) / (_max - _min));

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
