namespace IntakePipeline.Core.Alerts;

/// <summary>A blob version the pipeline gave up on after its last attempt, as the operations contacts are told of it.</summary>
/// <param name="Container">The container, e.g. <c>intake-520300</c>; empty when the queue message named no blob.</param>
/// <param name="BlobName">The blob name; empty when the message named no blob.</param>
/// <param name="ETag">The version's ETag.</param>
/// <param name="Attempts">The failed attempts recorded.</param>
/// <param name="LastError">The last error recorded.</param>
/// <param name="CorrelationId">The correlation id of the version, for finding its log lines.</param>
public sealed record PoisonNotice(string Container, string BlobName, string ETag, int Attempts, string LastError, string CorrelationId);
