using IntakePipeline.Core;

namespace IntakePipeline.Pipeline.Internals;

/// <summary>What the report blobs say about a submission besides its validation report.</summary>
internal sealed record SubmissionFacts(
    BlobVersion Blob,
    string Submitter,
    YearMonth Period,
    string SubmissionId,
    string CorrelationId,
    DateTimeOffset ReceivedAt,
    bool Late);
