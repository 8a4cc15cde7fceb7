using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace IntakePipeline.Storage.Internals;

/// <summary>The <see cref="IBlobStore"/> adapter on Azure.Storage.Blobs.</summary>
internal sealed class AzureBlobStore : IBlobStore
{
    private readonly BlobServiceClient _service;
    private readonly int? _pageSize;

    /// <param name="service">The service client.</param>
    /// <param name="pageSize">Items per listing page, or <see langword="null"/> for the service default (5,000); tests lower it to exercise the marker.</param>
    internal AzureBlobStore(BlobServiceClient service, int? pageSize = null)
    {
        _service = service;
        _pageSize = pageSize;
    }

    public async Task<bool> CreateContainerIfNotExistsAsync(string container, CancellationToken cancellationToken = default)
    {
        try
        {
            await _service.GetBlobContainerClient(container).CreateAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (StorageErrors.IsAlreadyExists(e))
        {
            return false;
        }
    }

    public async Task<BlobContainerInfo?> GetContainerAsync(string container, CancellationToken cancellationToken = default)
    {
        try
        {
            var properties = await _service.GetBlobContainerClient(container)
                .GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return new BlobContainerInfo(container, properties.Value.ETag.ToString("H"), properties.Value.LastModified);
        }
        catch (RequestFailedException e) when (StorageErrors.IsNotFound(e))
        {
            return null;
        }
    }

    public async IAsyncEnumerable<BlobContainerInfo> ListContainersAsync(
        string? prefix = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var pages = _service.GetBlobContainersAsync(BlobContainerTraits.None, BlobContainerStates.None, prefix, cancellationToken)
            .AsPages(pageSizeHint: _pageSize);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            foreach (var item in page.Values)
            {
                yield return new BlobContainerInfo(item.Name, item.Properties.ETag.ToString("H"), item.Properties.LastModified);
            }
        }
    }

    public Task<BlobWriteResult> PutAsync(
        string container,
        string name,
        ReadOnlyMemory<byte> content,
        BlobPutOptions? options = null,
        CancellationToken cancellationToken = default) =>
        UploadAsync(container, name, BinaryData.FromBytes(content), null, options, cancellationToken);

    public Task<BlobWriteResult> PutAsync(
        string container,
        string name,
        Stream content,
        BlobPutOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return UploadAsync(container, name, null, content, options, cancellationToken);
    }

    public async Task<BlobDownload?> GetAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await Blob(container, name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var details = response.Value.Details;
            var info = new BlobInfo(
                container,
                name,
                details.ETag.ToString("H"),
                details.LastModified,
                details.ContentLength,
                details.ContentType,
                BlobMetadataEncoding.Decode(details.Metadata));
            return new BlobDownload(info, response.Value.Content.ToMemory());
        }
        catch (RequestFailedException e) when (StorageErrors.IsItemNotFound(e))
        {
            return null;
        }
    }

    public async Task<BlobInfo?> GetPropertiesAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await Blob(container, name).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var properties = response.Value;
            return new BlobInfo(
                container,
                name,
                properties.ETag.ToString("H"),
                properties.LastModified,
                properties.ContentLength,
                properties.ContentType,
                BlobMetadataEncoding.Decode(properties.Metadata));
        }
        catch (RequestFailedException e) when (StorageErrors.IsItemNotFound(e))
        {
            return null;
        }
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(
        string container,
        string? prefix = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var pages = _service.GetBlobContainerClient(container)
            .GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix, cancellationToken)
            .AsPages(pageSizeHint: _pageSize);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            foreach (var item in page.Values)
            {
                var properties = item.Properties;
                yield return new BlobInfo(
                    container,
                    item.Name,
                    properties.ETag?.ToString("H") ?? string.Empty,
                    properties.LastModified ?? default,
                    properties.ContentLength ?? 0,
                    properties.ContentType,
                    BlobMetadataEncoding.Decode(item.Metadata));
            }
        }
    }

    public async Task<BlobWriteResult> SetMetadataAsync(
        string container,
        string name,
        IReadOnlyDictionary<string, string> metadata,
        BlobCondition condition = default,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var encoded = BlobMetadataEncoding.Encode(metadata);
        try
        {
            var response = await Blob(container, name)
                .SetMetadataAsync(encoded, ToConditions(condition), cancellationToken).ConfigureAwait(false);
            return new BlobWriteResult(response.Value.ETag.ToString("H"), response.Value.LastModified);
        }
        catch (RequestFailedException e) when (StorageErrors.IsConditionFailed(e))
        {
            throw StorageErrors.ConditionFailed(e, $"Setting metadata on {container}/{name}");
        }
    }

    public async Task<BlobLease?> TryAcquireLeaseAsync(
        string container,
        string name,
        TimeSpan duration,
        CancellationToken cancellationToken = default)
    {
        if (duration != Timeout.InfiniteTimeSpan && (duration < TimeSpan.FromSeconds(15) || duration > TimeSpan.FromSeconds(60)))
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A blob lease lasts 15 to 60 seconds, or is infinite.");
        }

        var client = Blob(container, name).GetBlobLeaseClient();
        try
        {
            var response = await client.AcquireAsync(duration, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new BlobLease(container, name, response.Value.LeaseId, duration);
        }
        catch (RequestFailedException e) when (StorageErrors.IsLeaseHeld(e))
        {
            return null;
        }
    }

    public async Task RenewLeaseAsync(BlobLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        try
        {
            await Blob(lease.Container, lease.Name).GetBlobLeaseClient(lease.LeaseId)
                .RenewAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (StorageErrors.IsLeaseLost(e) || StorageErrors.IsConditionFailed(e))
        {
            throw StorageErrors.ConditionFailed(e, $"Renewing the lease on {lease.Container}/{lease.Name}");
        }
    }

    public async Task<bool> ReleaseLeaseAsync(BlobLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        try
        {
            await Blob(lease.Container, lease.Name).GetBlobLeaseClient(lease.LeaseId)
                .ReleaseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (StorageErrors.IsLeaseLost(e) || StorageErrors.IsConditionFailed(e))
        {
            return false;
        }
    }

    private static BlobRequestConditions? ToConditions(BlobCondition condition) =>
        condition.IfNotExistsRequired ? new BlobRequestConditions { IfNoneMatch = ETag.All }
        : condition.IfMatchETag is { } etag ? new BlobRequestConditions { IfMatch = new ETag(etag) }
        : null;

    private BlobClient Blob(string container, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return _service.GetBlobContainerClient(container).GetBlobClient(name);
    }

    private async Task<BlobWriteResult> UploadAsync(
        string container,
        string name,
        BinaryData? bytes,
        Stream? stream,
        BlobPutOptions? options,
        CancellationToken cancellationToken)
    {
        options ??= new BlobPutOptions();
        var upload = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = options.ContentType },
            Metadata = BlobMetadataEncoding.Encode(options.Metadata),
            Conditions = ToConditions(options.Condition),
        };
        var blob = Blob(container, name);
        try
        {
            var response = bytes is not null
                ? await blob.UploadAsync(bytes, upload, cancellationToken).ConfigureAwait(false)
                : await blob.UploadAsync(stream!, upload, cancellationToken).ConfigureAwait(false);
            return new BlobWriteResult(response.Value.ETag.ToString("H"), response.Value.LastModified);
        }
        catch (RequestFailedException e) when (StorageErrors.IsConditionFailed(e))
        {
            throw StorageErrors.ConditionFailed(e, $"Writing {container}/{name}");
        }
    }
}
