namespace IntakePipeline.Pipeline;

/// <summary>What one CheckDeadlines run did.</summary>
/// <param name="Requeued">Submitter periods whose unprocessed files were queued again.</param>
/// <param name="Opened">Missing-submission alerts opened.</param>
/// <param name="Queued">Outbox rows inserted for them.</param>
public sealed record CheckDeadlinesResult(int Requeued, int Opened, int Queued);
