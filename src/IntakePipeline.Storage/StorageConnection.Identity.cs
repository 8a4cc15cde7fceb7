using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace IntakePipeline.Storage;

// The identity-based form: service endpoints with an Entra ID token credential, and the cloud they belong to.
public sealed partial class StorageConnection
{
    /// <summary>Creates a token-authenticated connection to explicit service endpoints.</summary>
    /// <param name="blobServiceUri">The Blob service endpoint.</param>
    /// <param name="queueServiceUri">The Queue service endpoint.</param>
    /// <param name="tableServiceUri">The Table service endpoint.</param>
    /// <param name="credential">The credential that issues Entra ID tokens for <see cref="TokenAudience"/>.</param>
    /// <returns>The connection.</returns>
    public static StorageConnection FromServiceUris(Uri blobServiceUri, Uri queueServiceUri, Uri tableServiceUri, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(blobServiceUri);
        ArgumentNullException.ThrowIfNull(queueServiceUri);
        ArgumentNullException.ThrowIfNull(tableServiceUri);
        ArgumentNullException.ThrowIfNull(credential);
        RequireAbsoluteHttp(blobServiceUri, "blobServiceUri");
        RequireAbsoluteHttp(queueServiceUri, "queueServiceUri");
        RequireAbsoluteHttp(tableServiceUri, "tableServiceUri");
        return new StorageConnection(
            blobServiceUri,
            queueServiceUri,
            tableServiceUri,
            AccountFromHost(blobServiceUri),
            StorageAuthentication.Token,
            false)
        {
            Credential = credential,
        };
    }

    /// <summary>
    /// Reads the connection from configuration as Azure Functions does. When the setting <paramref name="name"/> (or
    /// <c>ConnectionStrings:{name}</c>) holds a value, it is parsed as a connection string. Otherwise the section
    /// <paramref name="name"/> gives the identity-based form (environment variables use <c>__</c> for <c>:</c>):
    /// <list type="bullet">
    /// <item><c>blobServiceUri</c>, <c>queueServiceUri</c> and <c>tableServiceUri</c>: the endpoints. A missing one is
    /// derived from another when that is an account endpoint (<c>https://acct.blob.{suffix}</c>).</item>
    /// <item><c>credential</c>: <c>managedidentity</c> for a managed identity only (as in Azure Functions); otherwise
    /// <see cref="DefaultAzureCredential"/>, which also tries a developer's Azure CLI sign-in.</item>
    /// <item><c>clientId</c>: a user-assigned managed identity's client id (optional).</item>
    /// <item><c>authorityHost</c>: <c>AzureChina</c>, <c>AzureGovernment</c>, <c>AzurePublicCloud</c> or a URI. The default
    /// follows the endpoints: Azure China for <c>*.chinacloudapi.cn</c>, else the public cloud.</item>
    /// </list>
    /// </summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="name">The setting name; the default is <see cref="DefaultName"/>.</param>
    /// <param name="credential">
    /// The token credential for the identity-based form, or <see langword="null"/> to use a
    /// <see cref="DefaultAzureCredential"/> built from <c>clientId</c> and <c>authorityHost</c>.
    /// </param>
    /// <returns>The connection.</returns>
    /// <exception cref="InvalidOperationException">Neither form is configured, or a setting is malformed.</exception>
    public static StorageConnection FromConfiguration(
        IConfiguration configuration,
        string name = DefaultName,
        TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(name);

        var connectionString = configuration[name];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = configuration.GetConnectionString(name);
        }

        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            try
            {
                return Parse(connectionString);
            }
            catch (FormatException e)
            {
                throw new InvalidOperationException($"The setting '{name}' is not a valid storage connection string: {e.Message}", e);
            }
        }

        var section = configuration.GetSection(name);
        var blob = OptionalUri(section, BlobServiceUriKey, name);
        var queue = OptionalUri(section, QueueServiceUriKey, name);
        var table = OptionalUri(section, TableServiceUriKey, name);
        var known = blob ?? table ?? queue;
        blob ??= Sibling(known, "blob");
        queue ??= Sibling(known, "queue");
        table ??= Sibling(known, "table");
        if (blob is null || queue is null || table is null)
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set '{name}' to a connection string (UseDevelopmentStorage=true for Azurite), "
                + $"or set '{name}__{BlobServiceUriKey}', '{name}__{QueueServiceUriKey}' and '{name}__{TableServiceUriKey}' for a managed identity.");
        }

        credential ??= CreateCredential(section, blob, name);
        return FromServiceUris(blob, queue, table, credential);
    }

    private static Uri AuthorityFor(Uri serviceUri) =>
        serviceUri.Host.EndsWith(".chinacloudapi.cn", StringComparison.OrdinalIgnoreCase) ? AzureAuthorityHosts.AzureChina
        : serviceUri.Host.EndsWith(".usgovcloudapi.net", StringComparison.OrdinalIgnoreCase) ? AzureAuthorityHosts.AzureGovernment
        : AzureAuthorityHosts.AzurePublicCloud;

    private static Uri AudienceFor(Uri serviceUri) =>
        serviceUri.Host.EndsWith(".chinacloudapi.cn", StringComparison.OrdinalIgnoreCase) ? new Uri("https://storage.azure.cn")
        : serviceUri.Host.EndsWith(".usgovcloudapi.net", StringComparison.OrdinalIgnoreCase) ? new Uri("https://storage.azure.us")
        : new Uri("https://storage.azure.com");

    private static Uri? OptionalUri(IConfigurationSection section, string key, string name)
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"The setting '{name}__{key}' must be an absolute https URI, not '{value}'.");
        }

        return uri;
    }

    /// <summary>The <paramref name="service"/> endpoint of the account that <paramref name="known"/> belongs to, when it is an account endpoint.</summary>
    private static Uri? Sibling(Uri? known, string service)
    {
        if (known is null)
        {
            return null;
        }

        var host = known.Host;
        foreach (var from in (ReadOnlySpan<string>)["blob", "queue", "table"])
        {
            var marker = $".{from}.";
            var at = host.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at > 0)
            {
                return new UriBuilder(known) { Host = string.Concat(host.AsSpan(0, at), $".{service}.", host.AsSpan(at + marker.Length)) }.Uri;
            }
        }

        return null;
    }

    private static TokenCredential CreateCredential(IConfigurationSection section, Uri blobServiceUri, string name)
    {
        var authority = AuthorityHostFor(section, blobServiceUri, name);
        var clientId = section[ClientIdKey];
        if (string.Equals(section[CredentialKey]?.Trim(), ManagedIdentityCredential, StringComparison.OrdinalIgnoreCase))
        {
            var identity = string.IsNullOrWhiteSpace(clientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(clientId.Trim());
            return new Azure.Identity.ManagedIdentityCredential(new ManagedIdentityCredentialOptions(identity) { AuthorityHost = authority });
        }

        var options = new DefaultAzureCredentialOptions { AuthorityHost = authority };
        if (!string.IsNullOrWhiteSpace(clientId))
        {
            options.ManagedIdentityClientId = clientId.Trim();
        }

        return new DefaultAzureCredential(options);
    }

    /// <summary>The <c>authorityHost</c> setting, or the cloud the endpoint belongs to.</summary>
    internal static Uri AuthorityHostFor(IConfigurationSection section, Uri blobServiceUri, string name)
    {
        var authority = section[AuthorityHostKey]?.Trim();
        if (string.IsNullOrEmpty(authority))
        {
            return AuthorityFor(blobServiceUri);
        }

        if (authority.Equals("AzureChina", StringComparison.OrdinalIgnoreCase))
        {
            return AzureAuthorityHosts.AzureChina;
        }

        if (authority.Equals("AzureGovernment", StringComparison.OrdinalIgnoreCase))
        {
            return AzureAuthorityHosts.AzureGovernment;
        }

        if (authority.Equals("AzurePublicCloud", StringComparison.OrdinalIgnoreCase))
        {
            return AzureAuthorityHosts.AzurePublicCloud;
        }

        return Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.Scheme == "https"
            ? uri
            : throw new InvalidOperationException(
                $"The setting '{name}__authorityHost' must be AzureChina, AzureGovernment, AzurePublicCloud or an https URI, not '{authority}'.");
    }

    private static string? AccountFromHost(Uri serviceUri)
    {
        var host = serviceUri.Host;
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        if (serviceUri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || host == "localhost")
        {
            // Azurite and other emulators use path-style URIs: the account is the first path segment.
            var segment = serviceUri.AbsolutePath.Trim('/').Split('/')[0];
            return segment.Length == 0 ? null : segment;
        }

        return dot > 0 ? host[..dot] : null;
    }

    private static void RequireAbsoluteHttp(Uri uri, string name)
    {
        if (!uri.IsAbsoluteUri || uri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"'{uri}' is not an absolute http(s) URI.", name);
        }
    }
}
