namespace IntakePipeline.Storage;

/// <summary>
/// The narrow port over blob storage that the pipeline uses. The Azure adapter behind it is made by
/// <see cref="StorageClientFactory"/>; no Azure Storage SDK type crosses this interface.
/// </summary>
/// <remarks>
/// Container names follow the service rules (3–63 lowercase letters, digits and hyphens). Blob names may hold any
/// Unicode text, such as <c>2024-06/遵义-6月.csv</c>; the adapter encodes them in URLs. Metadata values may hold any
/// text too: see <see cref="BlobPutOptions.Metadata"/> for how they are encoded on the wire.
/// Failures that are not an expected outcome (authentication, throttling after the retries, a container being deleted)
/// surface as <see cref="Azure.RequestFailedException"/>.
/// </remarks>
public interface IBlobStore
{
    /// <summary>Creates the container unless it already exists.</summary>
    /// <param name="container">The container name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when this call created it; <see langword="false"/> when it already existed.</returns>
    Task<bool> CreateContainerIfNotExistsAsync(string container, CancellationToken cancellationToken = default);

    /// <summary>Gets a container's properties.</summary>
    /// <param name="container">The container name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The properties, or <see langword="null"/> when the container does not exist.</returns>
    Task<BlobContainerInfo?> GetContainerAsync(string container, CancellationToken cancellationToken = default);

    /// <summary>Lists the containers whose names start with <paramref name="prefix"/>, following the marker to the end.</summary>
    /// <param name="prefix">The name prefix, or <see langword="null"/> for all containers.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The containers, in name order.</returns>
    IAsyncEnumerable<BlobContainerInfo> ListContainersAsync(string? prefix = null, CancellationToken cancellationToken = default);

    /// <summary>Writes a whole blob from memory, replacing any existing one unless a condition says otherwise.</summary>
    /// <param name="container">The container name; the container must exist.</param>
    /// <param name="name">The blob name.</param>
    /// <param name="content">The bytes to store.</param>
    /// <param name="options">Content type, metadata and condition; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new version's ETag and Last-Modified time.</returns>
    /// <exception cref="StorageConditionFailedException">The <see cref="BlobPutOptions.Condition"/> did not hold.</exception>
    Task<BlobWriteResult> PutAsync(
        string container,
        string name,
        ReadOnlyMemory<byte> content,
        BlobPutOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>Writes a whole blob from a stream, replacing any existing one unless a condition says otherwise.</summary>
    /// <param name="container">The container name; the container must exist.</param>
    /// <param name="name">The blob name.</param>
    /// <param name="content">The stream to read from its current position to its end.</param>
    /// <param name="options">Content type, metadata and condition; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new version's ETag and Last-Modified time.</returns>
    /// <exception cref="StorageConditionFailedException">The <see cref="BlobPutOptions.Condition"/> did not hold.</exception>
    Task<BlobWriteResult> PutAsync(
        string container,
        string name,
        Stream content,
        BlobPutOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>Reads a whole blob with its properties.</summary>
    /// <param name="container">The container name.</param>
    /// <param name="name">The blob name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The content and properties, or <see langword="null"/> when the blob does not exist.</returns>
    /// <exception cref="Azure.RequestFailedException">The container does not exist (404 ContainerNotFound).</exception>
    Task<BlobDownload?> GetAsync(string container, string name, CancellationToken cancellationToken = default);

    /// <summary>Reads a blob's properties and metadata without its content.</summary>
    /// <param name="container">The container name.</param>
    /// <param name="name">The blob name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The properties, or <see langword="null"/> when the blob does not exist.</returns>
    /// <exception cref="Azure.RequestFailedException">The container does not exist (404 ContainerNotFound).</exception>
    Task<BlobInfo?> GetPropertiesAsync(string container, string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the blobs whose names start with <paramref name="prefix"/>, with their metadata, following the marker
    /// page by page to the end.
    /// </summary>
    /// <param name="container">The container name.</param>
    /// <param name="prefix">The name prefix (for example <c>2024-06/</c>), or <see langword="null"/> for all blobs.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The blobs, in name order.</returns>
    IAsyncEnumerable<BlobInfo> ListAsync(string container, string? prefix = null, CancellationToken cancellationToken = default);

    /// <summary>Replaces a blob's metadata. This changes the blob's ETag but not its content.</summary>
    /// <param name="container">The container name.</param>
    /// <param name="name">The blob name; the blob must exist.</param>
    /// <param name="metadata">The complete new metadata; names must be C# identifiers.</param>
    /// <param name="condition">An optional ETag condition.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new ETag and Last-Modified time.</returns>
    /// <exception cref="StorageConditionFailedException">The condition did not hold.</exception>
    Task<BlobWriteResult> SetMetadataAsync(
        string container,
        string name,
        IReadOnlyDictionary<string, string> metadata,
        BlobCondition condition = default,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Tries to take a lease on an existing blob, for a single-processor lock. Create the lock blob first (for example
    /// with <see cref="BlobCondition.IfNotExists"/>).
    /// </summary>
    /// <param name="container">The container name.</param>
    /// <param name="name">The blob name.</param>
    /// <param name="duration">15 to 60 seconds, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The lease, or <see langword="null"/> when someone else holds one.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The duration is not allowed by the service.</exception>
    Task<BlobLease?> TryAcquireLeaseAsync(
        string container,
        string name,
        TimeSpan duration,
        CancellationToken cancellationToken = default);

    /// <summary>Renews a lease for another <see cref="BlobLease.Duration"/>. Call it well before the lease expires.</summary>
    /// <param name="lease">A lease from <see cref="TryAcquireLeaseAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="StorageConditionFailedException">The lease was lost: it expired and someone else took the blob.</exception>
    Task RenewLeaseAsync(BlobLease lease, CancellationToken cancellationToken = default);

    /// <summary>Releases a lease so that another processor can take it at once.</summary>
    /// <param name="lease">A lease from <see cref="TryAcquireLeaseAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when released; <see langword="false"/> when it was no longer held with this id.</returns>
    Task<bool> ReleaseLeaseAsync(BlobLease lease, CancellationToken cancellationToken = default);
}
