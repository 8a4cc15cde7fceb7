namespace IntakePipeline.Pipeline;

/// <summary>
/// The names of the tables, bound to the configuration section <c>Tables</c> (<c>Tables__Scorecard</c>, …). The
/// defaults are the documented names (docs/tables.md) that reporting tools rely on; change them only for tests or
/// side-by-side deployments.
/// </summary>
public sealed class TableNames
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Tables";

    /// <summary>The plan's indicators. Default <c>PlanIndicators</c>.</summary>
    public string PlanIndicators { get; set; } = nameof(PlanIndicators);

    /// <summary>The plan's target points. Default <c>PlanTargets</c>.</summary>
    public string PlanTargets { get; set; } = nameof(PlanTargets);

    /// <summary>One row per processed submission. Default <c>Submissions</c>.</summary>
    public string Submissions { get; set; } = nameof(Submissions);

    /// <summary>The accepted values. Default <c>Observations</c>.</summary>
    public string Observations { get; set; } = nameof(Observations);

    /// <summary>The issues of every submission. Default <c>ValidationIssues</c>.</summary>
    public string ValidationIssues { get; set; } = nameof(ValidationIssues);

    /// <summary>The monthly judgements. Default <c>Scorecard</c>.</summary>
    public string Scorecard { get; set; } = nameof(Scorecard);

    /// <summary>The latest month's judgement per scope and indicator. Default <c>ScorecardLatest</c>.</summary>
    public string ScorecardLatest { get; set; } = nameof(ScorecardLatest);

    /// <summary>The open and resolved alerts. Default <c>Alerts</c>.</summary>
    public string Alerts { get; set; } = nameof(Alerts);

    /// <summary>The durable email outbox. Default <c>Outbox</c>.</summary>
    public string Outbox { get; set; } = nameof(Outbox);

    /// <summary>The blob versions processed. Default <c>BlobReceipts</c>.</summary>
    public string BlobReceipts { get; set; } = nameof(BlobReceipts);

    /// <summary>The blob versions given up on. Default <c>Poison</c>.</summary>
    public string Poison { get; set; } = nameof(Poison);

    /// <summary>Facts about this installation, such as the first period the deadline check ran. Default <c>Installation</c>.</summary>
    public string Installation { get; set; } = nameof(Installation);

    /// <summary>Every table name, in the order above.</summary>
    public IReadOnlyList<string> All =>
    [
        PlanIndicators, PlanTargets, Submissions, Observations, ValidationIssues, Scorecard, ScorecardLatest, Alerts,
        Outbox, BlobReceipts, Poison, Installation,
    ];
}
