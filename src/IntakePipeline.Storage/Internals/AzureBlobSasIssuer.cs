using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;

namespace IntakePipeline.Storage.Internals;

/// <summary>The <see cref="IBlobSasIssuer"/> adapter on Azure.Storage.Blobs' SAS builders.</summary>
internal sealed class AzureBlobSasIssuer : IBlobSasIssuer
{
    /// <summary>
    /// Azure refuses a user delegation key that outlives 7 days by its own clock, so a full 7 days is asked for as
    /// 7 days less this, which also absorbs a client clock that runs a little fast.
    /// </summary>
    private static readonly TimeSpan _clockSkew = TimeSpan.FromMinutes(5);

    /// <summary>A cached user delegation key signs requests whose expiry is at most this much past its own.</summary>
    private static readonly TimeSpan _keyReuse = TimeSpan.FromHours(1);

    private readonly BlobServiceClient _service;
    private readonly StorageSharedKeyCredential? _sharedKey;
    private readonly StorageAuthentication _authentication;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _keyGate = new(1, 1);
    private UserDelegationKey? _key;

    /// <param name="service">The service client the URLs are built on (and, for a token, that asks for the key).</param>
    /// <param name="authentication">How the connection authenticates.</param>
    /// <param name="sharedKey">The account key, for <see cref="StorageAuthentication.SharedKey"/>.</param>
    /// <param name="time">The clock; <see langword="null"/> for the system clock.</param>
    internal AzureBlobSasIssuer(BlobServiceClient service, StorageAuthentication authentication, StorageSharedKeyCredential? sharedKey, TimeProvider? time = null)
    {
        _service = service;
        _authentication = authentication;
        _sharedKey = sharedKey;
        _time = time ?? TimeProvider.System;
    }

    public BlobSasKind Kind => _authentication == StorageAuthentication.Token ? BlobSasKind.UserDelegation : BlobSasKind.Service;

    public TimeSpan? MaxLifetime => Kind == BlobSasKind.UserDelegation ? IBlobSasIssuer.MaxUserDelegationLifetime : null;

    public Task<BlobSas> IssueForContainerAsync(string container, BlobSasAccess access, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        const BlobSasAccess all = BlobSasAccess.Read | BlobSasAccess.Add | BlobSasAccess.Create | BlobSasAccess.Write | BlobSasAccess.List;
        if (access == BlobSasAccess.None || (access & ~all) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(access), access, "A container SAS needs at least one of Read, Add, Create, Write and List.");
        }

        var builder = new BlobSasBuilder { BlobContainerName = container, Resource = "c" };
        builder.SetPermissions(ContainerPermissions(access));
        return IssueAsync(_service.GetBlobContainerClient(container).Uri, builder, lifetime, cancellationToken);
    }

    public Task<BlobSas> IssueForBlobReadAsync(string container, string name, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var builder = new BlobSasBuilder { BlobContainerName = container, BlobName = name, Resource = "b" };
        builder.SetPermissions(BlobSasPermissions.Read);
        return IssueAsync(_service.GetBlobContainerClient(container).GetBlobClient(name).Uri, builder, lifetime, cancellationToken);
    }

    private async Task<BlobSas> IssueAsync(Uri resource, BlobSasBuilder builder, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, $"A SAS must live more than zero and at most {MaxLifetime}.");
        }

        // Whole seconds: a SAS carries its times to the second, and the user delegation key is signed over its own.
        var now = _time.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        // Plain HTTP only where the endpoint itself is HTTP (Azurite); an Azure account's links work over HTTPS only.
        builder.Protocol = resource.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp;
        var uri = new BlobUriBuilder(resource);
        switch (_authentication)
        {
            case StorageAuthentication.SharedKey:
                builder.ExpiresOn = now + lifetime;
                uri.Sas = builder.ToSasQueryParameters(_sharedKey);
                return new BlobSas(uri.ToUri(), builder.ExpiresOn, BlobSasKind.Service);
            case StorageAuthentication.Token:
                var wanted = now + (lifetime < IBlobSasIssuer.MaxUserDelegationLifetime - _clockSkew ? lifetime : IBlobSasIssuer.MaxUserDelegationLifetime - _clockSkew);
                var key = await GetKeyAsync(now, wanted, cancellationToken).ConfigureAwait(false);
                builder.ExpiresOn = wanted < key.SignedExpiresOn ? wanted : key.SignedExpiresOn;
                uri.Sas = builder.ToSasQueryParameters(key, _service.AccountName);
                return new BlobSas(uri.ToUri(), builder.ExpiresOn, BlobSasKind.UserDelegation);
            default:
                throw new BlobSasUnavailableException(
                    "This storage connection authenticates with a SAS, which cannot issue another SAS. Use an account key or an Entra identity.");
        }
    }

    /// <summary>
    /// A user delegation key that is valid until <paramref name="expiresOn"/>, or within <see cref="_keyReuse"/> of it:
    /// one key serves every link issued within that hour instead of a request per link.
    /// </summary>
    private async Task<UserDelegationKey> GetKeyAsync(DateTimeOffset now, DateTimeOffset expiresOn, CancellationToken cancellationToken)
    {
        await _keyGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_key is { } cached && cached.SignedExpiresOn >= expiresOn - _keyReuse && cached.SignedExpiresOn > now + _keyReuse)
            {
                return cached;
            }

            try
            {
                var response = await _service.GetUserDelegationKeyAsync(
                    new BlobGetUserDelegationKeyOptions(expiresOn) { StartsOn = now - _clockSkew },
                    cancellationToken).ConfigureAwait(false);
                return _key = response.Value;
            }
            catch (RequestFailedException e) when (StorageErrors.IsForbidden(e))
            {
                throw new BlobSasUnavailableException(
                    $"The service refused a user delegation key ({e.Status} {e.ErrorCode}): the identity needs a role with the "
                    + "generateUserDelegationKey action, such as Storage Blob Delegator.",
                    e.Status,
                    e);
            }
        }
        finally
        {
            _keyGate.Release();
        }
    }

    private static BlobContainerSasPermissions ContainerPermissions(BlobSasAccess access)
    {
        var permissions = default(BlobContainerSasPermissions);
        if (access.HasFlag(BlobSasAccess.Read))
        {
            permissions |= BlobContainerSasPermissions.Read;
        }

        if (access.HasFlag(BlobSasAccess.Add))
        {
            permissions |= BlobContainerSasPermissions.Add;
        }

        if (access.HasFlag(BlobSasAccess.Create))
        {
            permissions |= BlobContainerSasPermissions.Create;
        }

        if (access.HasFlag(BlobSasAccess.Write))
        {
            permissions |= BlobContainerSasPermissions.Write;
        }

        if (access.HasFlag(BlobSasAccess.List))
        {
            permissions |= BlobContainerSasPermissions.List;
        }

        return permissions;
    }
}
