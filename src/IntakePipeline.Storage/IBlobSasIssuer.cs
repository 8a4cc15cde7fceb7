namespace IntakePipeline.Storage;

/// <summary>
/// Issues shared access signatures for one container or one blob, so that a person or a tool can reach exactly that
/// without any other credential. Made by <see cref="StorageClientFactory.CreateSasIssuer"/>; no Azure Storage SDK type
/// crosses this interface.
/// </summary>
/// <remarks>
/// With an account key (Azurite, or an account that allows Shared Key) it issues a <see cref="BlobSasKind.Service"/>
/// SAS, signed locally with the key. With an Entra identity it issues a <see cref="BlobSasKind.UserDelegation"/> SAS,
/// signed with a user delegation key the service hands to that identity (it needs the
/// <c>generateUserDelegationKey</c> action, which Storage Blob Delegator, Contributor and Owner include); Azure lets
/// such a key, and so the SAS, live at most 7 days. A connection that itself authenticates with a SAS cannot issue one.
/// A SAS never grants delete: <see cref="BlobSasAccess"/> has no such permission.
/// </remarks>
public interface IBlobSasIssuer
{
    /// <summary>The longest a user delegation key, and so a user delegation SAS, may live: 7 days.</summary>
    static readonly TimeSpan MaxUserDelegationLifetime = TimeSpan.FromDays(7);

    /// <summary>The kind of SAS this issuer signs.</summary>
    BlobSasKind Kind { get; }

    /// <summary>
    /// The longest lifetime this issuer grants: <see cref="MaxUserDelegationLifetime"/> for a user
    /// delegation SAS; <see langword="null"/> for a service SAS, which the service does not bound.
    /// </summary>
    TimeSpan? MaxLifetime { get; }

    /// <summary>Issues a SAS for a whole container.</summary>
    /// <param name="container">The container name.</param>
    /// <param name="access">What the SAS allows; at least one permission.</param>
    /// <param name="lifetime">How long it is valid from now; positive and at most <see cref="MaxLifetime"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The container's URL with the SAS, and its expiry.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="access"/> is empty, or <paramref name="lifetime"/> is out of range.</exception>
    /// <exception cref="BlobSasUnavailableException">This connection cannot issue a SAS, or the service refused the user delegation key.</exception>
    Task<BlobSas> IssueForContainerAsync(string container, BlobSasAccess access, TimeSpan lifetime, CancellationToken cancellationToken = default);

    /// <summary>Issues a read-only SAS for one blob, such as a report a mail links to.</summary>
    /// <param name="container">The container name.</param>
    /// <param name="name">The blob name, e.g. <c>2024-06/遵义-6月.csv.report.html</c>; it need not exist yet.</param>
    /// <param name="lifetime">How long it is valid from now; positive and at most <see cref="MaxLifetime"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The blob's URL with the SAS, and its expiry.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lifetime"/> is out of range.</exception>
    /// <exception cref="BlobSasUnavailableException">This connection cannot issue a SAS, or the service refused the user delegation key.</exception>
    Task<BlobSas> IssueForBlobReadAsync(string container, string name, TimeSpan lifetime, CancellationToken cancellationToken = default);
}
