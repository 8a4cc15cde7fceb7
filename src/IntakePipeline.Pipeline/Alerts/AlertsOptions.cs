using IntakePipeline.Core;

namespace IntakePipeline.Pipeline.Alerts;

/// <summary>The alert policy's settings, bound to the configuration section <c>Alerts</c> (<c>Alerts__RollupRequiresComplete</c>, <c>Alerts__MailMonths</c>).</summary>
public sealed class AlertsOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Alerts";

    /// <summary>The default number of months an alert's trajectory picture goes back.</summary>
    public const int DefaultTrajectoryMonths = 24;

    /// <summary>
    /// The default number of months before the current one whose alert changes are still emailed: 2, the month being
    /// reported (the previous calendar month, due by the deadline in this one) and the reporting month before it.
    /// </summary>
    public const int DefaultMailMonths = 2;

    /// <summary>
    /// Whether a province roll-up alert opens or escalates only when every prefecture has reported the month (9 of 9).
    /// A partial roll-up can still resolve or de-escalate an alert. Default <see langword="true"/>.
    /// </summary>
    public bool RollupRequiresComplete { get; set; } = true;

    /// <summary>How many months, up to the alert's month, the trajectory in a notice covers: 1–120. Default <see cref="DefaultTrajectoryMonths"/>.</summary>
    public int TrajectoryMonths { get; set; } = DefaultTrajectoryMonths;

    /// <summary>
    /// How many months before the current month a period's alert changes are still emailed: 0–120. Changes of older
    /// periods (a history loaded at go-live, a correction of an old month) update the <c>Alerts</c> table silently,
    /// whatever the order they arrive in, so a backfill floods no mailbox. Default <see cref="DefaultMailMonths"/>.
    /// </summary>
    public int MailMonths { get; set; } = DefaultMailMonths;

    /// <summary>Whether the alert changes of <paramref name="period"/> are emailed when it is <paramref name="currentMonth"/>.</summary>
    /// <param name="period">The month the changes are about.</param>
    /// <param name="currentMonth">The current month.</param>
    /// <returns><see langword="true"/> when <paramref name="period"/> is at most <see cref="MailMonths"/> before <paramref name="currentMonth"/>.</returns>
    public bool IsMailed(YearMonth period, YearMonth currentMonth) => period >= currentMonth.AddMonths(-MailMonths);

    /// <summary>Whether the values are usable.</summary>
    /// <returns><see langword="true"/> when <see cref="TrajectoryMonths"/> is 1–120 and <see cref="MailMonths"/> 0–120.</returns>
    public bool IsValid() => TrajectoryMonths is >= 1 and <= 120 && MailMonths is >= 0 and <= 120;
}
