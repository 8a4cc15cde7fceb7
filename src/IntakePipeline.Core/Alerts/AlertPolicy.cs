using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;

namespace IntakePipeline.Core.Alerts;

/// <summary>
/// Decides how a month's scorecard row changes an alert (docs/alerts.md). Pure: it reads
/// nothing and writes nothing, and the same input always gives the same answer. Safe to share between threads.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><see cref="AlertKind.Trajectory"/>: opens on <see cref="TrajectoryStatus.AtRisk"/>,
/// <see cref="TrajectoryStatus.Behind"/> or <see cref="TrajectoryStatus.SeriouslyBehind"/>; escalates when the status
/// worsens along AtRisk → Behind → SeriouslyBehind; de-escalates when it improves but is still one of them; resolves on
/// <see cref="TrajectoryStatus.OnTrack"/> or <see cref="TrajectoryStatus.TargetMet"/>.</item>
/// <item><see cref="AlertKind.Breach"/>: opens on <see cref="TrajectoryStatus.Breach"/> and resolves on any other judged
/// status.</item>
/// <item><see cref="TrajectoryStatus.InsufficientData"/> never changes anything, and the same state is never a change.</item>
/// <item>A partial province roll-up (scope 520000 with fewer reported than expected) neither opens nor escalates an
/// alert unless <c>rollupRequiresComplete</c> is false; it may still de-escalate or resolve one.</item>
/// </list>
/// </remarks>
public sealed class AlertPolicy
{
    private readonly bool _rollupRequiresComplete;

    /// <summary>Creates the policy.</summary>
    /// <param name="rollupRequiresComplete">Whether a province roll-up must be complete (e.g. 9 of 9) to open or escalate an alert. Default true.</param>
    public AlertPolicy(bool rollupRequiresComplete = true)
    {
        _rollupRequiresComplete = rollupRequiresComplete;
    }

    /// <summary>The statuses that keep a trajectory alert open, from the mildest.</summary>
    public static IReadOnlyList<TrajectoryStatus> TrajectoryProblems { get; } =
        [TrajectoryStatus.AtRisk, TrajectoryStatus.Behind, TrajectoryStatus.SeriouslyBehind];

    /// <summary>Whether <paramref name="status"/> is a problem for an alert of <paramref name="kind"/>.</summary>
    /// <param name="kind">Trajectory or Breach.</param>
    /// <param name="status">The month's status.</param>
    /// <returns><see langword="true"/> for AtRisk, Behind and SeriouslyBehind (Trajectory) or Breach (Breach).</returns>
    public static bool IsProblem(AlertKind kind, TrajectoryStatus status) => kind switch
    {
        AlertKind.Trajectory => Rank(status) > 0,
        AlertKind.Breach => status == TrajectoryStatus.Breach,
        _ => false,
    };

    /// <summary>The kind of alert an indicator's statuses feed: Breach for floor and ceiling indicators, else Trajectory.</summary>
    /// <param name="indicatorKind">The indicator's kind.</param>
    /// <returns>The alert kind.</returns>
    public static AlertKind KindFor(IndicatorKind indicatorKind) =>
        indicatorKind is IndicatorKind.Floor or IndicatorKind.Ceiling ? AlertKind.Breach : AlertKind.Trajectory;

    /// <summary>
    /// Decides how <paramref name="entry"/> changes the alert of <paramref name="kind"/> for its scope and indicator.
    /// </summary>
    /// <param name="kind"><see cref="AlertKind.Trajectory"/> or <see cref="AlertKind.Breach"/>.</param>
    /// <param name="state">The alert's state before the month.</param>
    /// <param name="severity">The open alert's severity (its status when last changed); ignored unless <paramref name="state"/> is Open.</param>
    /// <param name="entry">The month's scorecard row.</param>
    /// <returns>The change, or <see langword="null"/> when the alert stays as it is.</returns>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is <see cref="AlertKind.Missing"/>, which no scorecard row decides.</exception>
    public AlertChange? Decide(AlertKind kind, AlertState state, TrajectoryStatus? severity, ScorecardEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (kind is not (AlertKind.Trajectory or AlertKind.Breach))
        {
            throw new ArgumentException($"A {kind} alert is not decided by a scorecard row.", nameof(kind));
        }

        var status = entry.Status;
        if (status == TrajectoryStatus.InsufficientData || (kind == AlertKind.Trajectory && status == TrajectoryStatus.Breach))
        {
            return null;
        }

        var problem = IsProblem(kind, status);
        var mayWorsen = !_rollupRequiresComplete || !IsRollup(entry) || !entry.IsPartial;
        if (state != AlertState.Open)
        {
            return problem && mayWorsen ? AlertChange.Opened : null;
        }

        if (!problem)
        {
            return AlertChange.Resolved;
        }

        if (kind == AlertKind.Breach)
        {
            return null;
        }

        // An open row without a readable severity is taken as the mildest, so any problem status keeps it consistent.
        var before = severity is { } s && Rank(s) > 0 ? Rank(s) : 1;
        var now = Rank(status);
        return now > before ? (mayWorsen ? AlertChange.Escalated : null)
            : now < before ? AlertChange.Deescalated
            : null;
    }

    private static bool IsRollup(ScorecardEntry entry) =>
        entry.Scope == Submitters.Province && entry.ReportedCount is not null && entry.ExpectedCount is not null;

    private static int Rank(TrajectoryStatus status) => status switch
    {
        TrajectoryStatus.AtRisk => 1,
        TrajectoryStatus.Behind => 2,
        TrajectoryStatus.SeriouslyBehind => 3,
        _ => 0,
    };
}
