using IntakePipeline.Core.Evaluation;

namespace IntakePipeline.Pipeline;

/// <summary>
/// What an accepted file wrote to the result tables, handed to the alert tracker so that it judges the alerts without
/// reading them back.
/// </summary>
/// <param name="Entries">The submitter's Scorecard rows of the period, one per indicator the file reports.</param>
/// <param name="IsLatest">Whether the period is the submitter's latest with results (no later month in <c>ScorecardLatest</c>).</param>
/// <param name="RollupEntries">The province roll-up rows of the period this file recomputed; empty for the province's own file.</param>
/// <param name="IsLatestRollup">Whether the period is the latest month any roll-up row has.</param>
public sealed record SubmissionResults(
    IReadOnlyList<ScorecardEntry> Entries,
    bool IsLatest,
    IReadOnlyList<ScorecardEntry> RollupEntries,
    bool IsLatestRollup);
