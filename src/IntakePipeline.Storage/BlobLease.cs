namespace IntakePipeline.Storage;

/// <summary>A lease held on a blob.</summary>
/// <param name="Container">The container name.</param>
/// <param name="Name">The blob name.</param>
/// <param name="LeaseId">The lease id the service granted.</param>
/// <param name="Duration">The lease duration; <see cref="Timeout.InfiniteTimeSpan"/> for an infinite lease.</param>
public sealed record BlobLease(string Container, string Name, string LeaseId, TimeSpan Duration);
