namespace IntakePipeline.Pipeline.Alerts;

/// <summary>The alert policy's settings, bound to the configuration section <c>Alerts</c> (<c>Alerts__RollupRequiresComplete</c>).</summary>
public sealed class AlertsOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Alerts";

    /// <summary>The default number of months an alert's trajectory picture goes back.</summary>
    public const int DefaultTrajectoryMonths = 24;

    /// <summary>
    /// Whether a province roll-up alert opens or escalates only when every prefecture has reported the month (9 of 9).
    /// A partial roll-up can still resolve or de-escalate an alert. Default <see langword="true"/>.
    /// </summary>
    public bool RollupRequiresComplete { get; set; } = true;

    /// <summary>How many months, up to the alert's month, the trajectory in a notice covers: 1–120. Default <see cref="DefaultTrajectoryMonths"/>.</summary>
    public int TrajectoryMonths { get; set; } = DefaultTrajectoryMonths;

    /// <summary>Whether the values are usable.</summary>
    /// <returns><see langword="true"/> when <see cref="TrajectoryMonths"/> is 1–120.</returns>
    public bool IsValid() => TrajectoryMonths is >= 1 and <= 120;
}
