using System.Collections.Concurrent;
using IntakePipeline.Core.Plan;

namespace IntakePipeline.Core.Evaluation;

/// <summary>
/// Judges an indicator's actuals against its plan trajectory (docs/evaluation.md). Pure: the month is passed in,
/// and nothing is read or written. Safe to share between threads.
/// </summary>
public sealed class TrajectoryEvaluator
{
    private const double FloatTolerance = 1e-9;

    private readonly PlanCatalog _catalog;
    private readonly ThresholdsOptions _thresholds;

    // The catalog never changes, so each (indicator, scope) trajectory is built once.
    private readonly ConcurrentDictionary<(string Indicator, string Scope), TrajectoryPoint[]> _points = new();

    /// <summary>Creates an evaluator over <paramref name="catalog"/> with the given bands and projection settings.</summary>
    public TrajectoryEvaluator(PlanCatalog catalog, ThresholdsOptions thresholds)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(thresholds);
        _catalog = catalog;
        _thresholds = thresholds;
    }

    /// <summary>
    /// The plan points an indicator is judged against in a scope: the in-force points of that scope, or, for a
    /// <c>weighted</c> indicator in a prefecture without its own, the province's (a rate target applies everywhere).
    /// A cumulative indicator starts with an implicit point of 0 at the end of the month before its window opens.
    /// </summary>
    /// <returns>The points in date order; empty when the indicator has none in that scope.</returns>
    public IReadOnlyList<TrajectoryPoint> PointsFor(PlanIndicator indicator, string scope)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(scope);
        var key = (indicator.Code, scope);
        return _points.TryGetValue(key, out var cached) ? cached : _points.GetOrAdd(key, BuildPoints(indicator, scope));
    }

    private TrajectoryPoint[] BuildPoints(PlanIndicator indicator, string scope)
    {
        var targets = _catalog.TargetsInForce(indicator.Code, scope);
        if (targets.Count == 0 && indicator.Aggregation == IndicatorAggregation.Weighted && Submitters.IsPrefecture(scope))
        {
            targets = _catalog.TargetsInForce(indicator.Code, Submitters.Province);
        }

        if (targets.Count == 0)
        {
            return [];
        }

        var points = new List<TrajectoryPoint>(targets.Count + 1);
        if (indicator.Kind == IndicatorKind.Cumulative && indicator.Window is { } window)
        {
            points.Add(new TrajectoryPoint(window.Start.AddMonths(-1), 0, null));
            foreach (var target in targets)
            {
                if (target.Date >= window.Start)
                {
                    points.Add(new TrajectoryPoint(target.Date, target.Value, target));
                }
            }

            return points.Count > 1 ? [.. points] : [];
        }

        foreach (var target in targets)
        {
            points.Add(new TrajectoryPoint(target.Date, target.Value, target));
        }

        return [.. points];
    }

    /// <summary>
    /// The value the plan expects at the end of <paramref name="month"/>. For level and cumulative indicators it is
    /// piecewise-linear between the points; for rate, floor and ceiling indicators it is the value in force (the first
    /// point dated at or after the month), since a growth rate or a floor is not interpolated.
    /// </summary>
    /// <returns>
    /// Null when there are no points, and for level indicators before the first point (a cumulative indicator expects 0
    /// before its window); after the last point, the last point's value.
    /// </returns>
    public double? ExpectedAt(PlanIndicator indicator, string scope, YearMonth month) =>
        ExpectedAt(indicator, PointsFor(indicator, scope), month);

    /// <summary>
    /// Evaluates one indicator in one scope for one month.
    /// </summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="scope">520000 or a prefecture code.</param>
    /// <param name="month">The month judged.</param>
    /// <param name="series">The accepted actuals of this indicator and scope up to <paramref name="month"/>, ascending by month.</param>
    /// <returns>
    /// The scorecard entry. A monthly indicator's actual is the value at <paramref name="month"/>; an annual one's is the
    /// latest value within the 12 months up to it.
    /// </returns>
    public ScorecardEntry Evaluate(PlanIndicator indicator, string scope, YearMonth month, IReadOnlyList<MonthlyValue> series)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(series);
        return Evaluate(indicator, scope, month, series, PointsFor(indicator, scope));
    }

    /// <summary>
    /// Evaluates as <see cref="Evaluate(PlanIndicator, string, YearMonth, IReadOnlyList{MonthlyValue})"/>, but against
    /// <paramref name="points"/> instead of the scope's own, such as the sum of the reporting prefectures' allocations.
    /// </summary>
    internal ScorecardEntry Evaluate(PlanIndicator indicator, string scope, YearMonth month, IReadOnlyList<MonthlyValue> series, IReadOnlyList<TrajectoryPoint> points)
    {
        var actual = ActualAt(indicator.Frequency, month, series);
        if (points.Count == 0)
        {
            return new ScorecardEntry(scope, indicator.Code, month, actual, null, null, null, null, null,
                TrajectoryStatus.InsufficientData, null, null);
        }

        var expected = ExpectedAt(indicator, points, month);
        var target = TargetPoint(points, month);
        var baseline = points[0].Value;
        var span = Span(points[^1].Value, baseline);
        var up = indicator.Direction == IndicatorDirection.Up;
        var entry = new ScorecardEntry(scope, indicator.Code, month, actual, expected, target.Value, target.Date, baseline,
            null, TrajectoryStatus.InsufficientData, null, target.Target?.Source);
        if (actual is not { } a || expected is not { } e)
        {
            return entry;
        }

        var bands = _thresholds.BandsFor(indicator.Code);
        switch (indicator.Kind)
        {
            case IndicatorKind.Floor:
                return entry with
                {
                    Lag = (target.Value - a) / Span(target.Value, 0),
                    Status = a < target.Value ? TrajectoryStatus.Breach : TrajectoryStatus.OnTrack,
                };
            case IndicatorKind.Ceiling:
                return entry with
                {
                    Lag = (a - target.Value) / Span(target.Value, 0),
                    Status = a > target.Value ? TrajectoryStatus.Breach : TrajectoryStatus.OnTrack,
                };
            case IndicatorKind.Rate:
                var rateSpan = Span(target.Value, 0);
                var rateLag = (up ? target.Value - a : a - target.Value) / rateSpan;
                return entry with
                {
                    Lag = rateLag,
                    Status = IsMet(target, a, up, rateSpan, bands) ? TrajectoryStatus.TargetMet : ByBands(rateLag, bands),
                };
            default:
                var lag = (up ? e - a : a - e) / span;
                entry = entry with { Lag = lag };
                if (IsMet(target, a, up, span, bands))
                {
                    return entry with { Status = TrajectoryStatus.TargetMet };
                }

                var status = ByBands(lag, bands);
                var projected = target.Date > month ? Project(series, month, target.Date) : null;
                if (status == TrajectoryStatus.OnTrack && projected is { } p
                    && (up ? target.Value - p : p - target.Value) / span > bands.OnTrack)
                {
                    status = TrajectoryStatus.AtRisk;
                }

                return entry with { Status = status, Projected = projected };
        }
    }

    internal static double? ExpectedAt(PlanIndicator indicator, IReadOnlyList<TrajectoryPoint> points, YearMonth month)
    {
        if (points.Count == 0)
        {
            return null;
        }

        // A growth rate, a floor or a ceiling is in force from the start, not reached along a line.
        if (indicator.Kind is IndicatorKind.Rate or IndicatorKind.Floor or IndicatorKind.Ceiling)
        {
            return TargetPoint(points, month).Value;
        }

        if (month < points[0].Date)
        {
            return indicator.Kind == IndicatorKind.Cumulative && points[0].Target is null ? 0 : null;
        }

        for (var i = 1; i < points.Count; i++)
        {
            var next = points[i];
            if (month <= next.Date)
            {
                var previous = points[i - 1];
                var length = next.Date.MonthsSince(previous.Date);
                if (length <= 0)
                {
                    return next.Value;
                }

                var elapsed = month.MonthsSince(previous.Date);
                return previous.Value + ((next.Value - previous.Value) * elapsed / length);
            }
        }

        return points[^1].Value;
    }

    /// <summary>
    /// The next target: the first point dated at or after the month, else the last. The first point is not a target
    /// when it is the month's own baseline or a cumulative indicator's implicit 0, unless it is the only point.
    /// </summary>
    private static TrajectoryPoint TargetPoint(IReadOnlyList<TrajectoryPoint> points, YearMonth month)
    {
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            if (point.Date < month
                || (i == 0 && points.Count > 1 && (point.Target is null || point.Date == month)))
            {
                continue;
            }

            return point;
        }

        return points[^1];
    }

    private static double? ActualAt(ReportingFrequency frequency, YearMonth month, IReadOnlyList<MonthlyValue> series)
    {
        for (var i = series.Count - 1; i >= 0; i--)
        {
            var value = series[i];
            if (value.Month > month)
            {
                continue;
            }

            if (frequency == ReportingFrequency.Monthly)
            {
                return value.Month == month ? value.Value : null;
            }

            return month.MonthsSince(value.Month) < 12 ? value.Value : null;
        }

        return null;
    }

    private static bool IsMet(TrajectoryPoint target, double actual, bool up, double span, TrajectoryBands bands)
    {
        if (target.Target?.Qualifier == TargetQualifier.About && Math.Abs(actual - target.Value) / span <= bands.OnTrack + FloatTolerance)
        {
            return true;
        }

        return up ? actual >= target.Value : actual <= target.Value;
    }

    private static TrajectoryStatus ByBands(double lag, TrajectoryBands bands) =>
        lag <= bands.OnTrack + FloatTolerance ? TrajectoryStatus.OnTrack
        : lag <= bands.Behind + FloatTolerance ? TrajectoryStatus.Behind
        : TrajectoryStatus.SeriouslyBehind;

    /// <summary>The divisor of a lag: |last − baseline|, or |last| when the plan is flat, or 1 when that is 0 too.</summary>
    private static double Span(double last, double baseline)
    {
        var span = Math.Abs(last - baseline);
        if (span > FloatTolerance)
        {
            return span;
        }

        var magnitude = Math.Abs(last);
        return magnitude > FloatTolerance ? magnitude : 1;
    }

    /// <summary>The least-squares line through the latest actuals up to <paramref name="month"/>, read at <paramref name="at"/>.</summary>
    private double? Project(IReadOnlyList<MonthlyValue> series, YearMonth month, YearMonth at)
    {
        var end = series.Count;
        while (end > 0 && series[end - 1].Month > month)
        {
            end--;
        }

        var count = Math.Min(end, Math.Max(_thresholds.ProjectionPoints, 0));
        if (count < Math.Max(_thresholds.MinProjectionPoints, 2))
        {
            return null;
        }

        // Centre x on the latest month so the sums stay small and the intercept is the fitted current value.
        var origin = series[end - 1].Month;
        double sumX = 0, sumY = 0, sumXx = 0, sumXy = 0;
        for (var i = end - count; i < end; i++)
        {
            double x = series[i].Month.MonthsSince(origin);
            var y = series[i].Value;
            sumX += x;
            sumY += y;
            sumXx += x * x;
            sumXy += x * y;
        }

        var denominator = (count * sumXx) - (sumX * sumX);
        if (Math.Abs(denominator) < FloatTolerance)
        {
            return null;
        }

        var slope = ((count * sumXy) - (sumX * sumY)) / denominator;
        var intercept = (sumY - (slope * sumX)) / count;
        return intercept + (slope * at.MonthsSince(origin));
    }
}
