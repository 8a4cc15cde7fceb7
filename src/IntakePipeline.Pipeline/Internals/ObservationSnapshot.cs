using IntakePipeline.Core.Validation;
using IntakePipeline.Storage;

namespace IntakePipeline.Pipeline.Internals;

/// <summary>
/// A submitter's <c>Observations</c> partition as read before processing one period: the history of the months before
/// the period, and the period's own rows (which the new file replaces).
/// </summary>
/// <param name="History">The accepted values of the months before the period.</param>
/// <param name="PeriodRows">The period's current rows, by indicator code.</param>
internal sealed record ObservationSnapshot(SubmissionHistory History, IReadOnlyDictionary<string, TableRow> PeriodRows);
