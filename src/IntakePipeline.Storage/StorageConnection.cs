using System.Text;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace IntakePipeline.Storage;

/// <summary>
/// Where the storage account is and how to authenticate to it, read the way Azure Functions reads
/// <c>AzureWebJobsStorage</c>: either a connection string, or the identity-based
/// <c>AzureWebJobsStorage__blobServiceUri</c> / <c>__queueServiceUri</c> / <c>__tableServiceUri</c> with a token credential. Secrets never
/// appear in <see cref="ToString"/>.
/// </summary>
public sealed partial class StorageConnection
{
    /// <summary>The setting name Azure Functions uses, and this project's default.</summary>
    public const string DefaultName = "AzureWebJobsStorage";

    /// <summary>The key, under <see cref="DefaultName"/>, of the identity-based Blob endpoint (<c>AzureWebJobsStorage__blobServiceUri</c>).</summary>
    public const string BlobServiceUriKey = "blobServiceUri";

    /// <summary>The key of the identity-based Queue endpoint, which the Functions queue trigger reads (<c>AzureWebJobsStorage__queueServiceUri</c>).</summary>
    public const string QueueServiceUriKey = "queueServiceUri";

    /// <summary>The key of the identity-based Table endpoint (<c>AzureWebJobsStorage__tableServiceUri</c>).</summary>
    public const string TableServiceUriKey = "tableServiceUri";

    /// <summary>The key that names the credential kind for the Functions host (<c>AzureWebJobsStorage__credential</c>).</summary>
    public const string CredentialKey = "credential";

    /// <summary>The value of <see cref="CredentialKey"/> for a managed identity.</summary>
    public const string ManagedIdentityCredential = "managedidentity";

    /// <summary>The key of a user-assigned managed identity's client id (<c>AzureWebJobsStorage__clientId</c>).</summary>
    public const string ClientIdKey = "clientId";

    /// <summary>The key of the Entra ID authority host (<c>AzureWebJobsStorage__authorityHost</c>).</summary>
    public const string AuthorityHostKey = "authorityHost";

    /// <summary>Azurite's well-known account name.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known, public account key. It is not a secret.</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const string DefaultEndpointSuffix = "core.windows.net";

    private StorageConnection(
        Uri blobServiceUri,
        Uri queueServiceUri,
        Uri tableServiceUri,
        string? accountName,
        StorageAuthentication authentication,
        bool isDevelopmentStorage)
    {
        BlobServiceUri = blobServiceUri;
        QueueServiceUri = queueServiceUri;
        TableServiceUri = tableServiceUri;
        AccountName = accountName;
        Authentication = authentication;
        IsDevelopmentStorage = isDevelopmentStorage;
    }

    /// <summary>The Blob service endpoint, for example <c>https://acct.blob.core.chinacloudapi.cn/</c>.</summary>
    public Uri BlobServiceUri { get; }

    /// <summary>The Queue service endpoint, for example <c>https://acct.queue.core.chinacloudapi.cn/</c>.</summary>
    public Uri QueueServiceUri { get; }

    /// <summary>The Table service endpoint, for example <c>https://acct.table.core.chinacloudapi.cn/</c>.</summary>
    public Uri TableServiceUri { get; }

    /// <summary>The account name when known (always for Shared Key), else <see langword="null"/>.</summary>
    public string? AccountName { get; }

    /// <summary>How requests are authenticated.</summary>
    public StorageAuthentication Authentication { get; }

    /// <summary>Whether this is <c>UseDevelopmentStorage=true</c>, that is, Azurite on its default local ports.</summary>
    public bool IsDevelopmentStorage { get; }

    /// <summary>
    /// The Entra ID audience for tokens: <c>https://storage.azure.cn</c> for Azure China endpoints,
    /// <c>https://storage.azure.us</c> for Azure Government, else <c>https://storage.azure.com</c>.
    /// </summary>
    public Uri TokenAudience => AudienceFor(BlobServiceUri);

    internal string? AccountKey { get; private init; }

    internal string? SharedAccessSignature { get; private init; }

    internal TokenCredential? Credential { get; private init; }

    /// <summary>
    /// Parses a storage connection string. It understands <c>UseDevelopmentStorage=true</c> (with an optional
    /// <c>DevelopmentStorageProxyUri</c>), <c>DefaultEndpointsProtocol</c> (default https), <c>AccountName</c>,
    /// <c>AccountKey</c>, <c>SharedAccessSignature</c>, <c>EndpointSuffix</c> (default <c>core.windows.net</c>;
    /// Azure China is <c>core.chinacloudapi.cn</c>) and explicit <c>BlobEndpoint</c> / <c>QueueEndpoint</c> / <c>TableEndpoint</c>,
    /// which win over derived ones. Names are case-insensitive; other names (FileEndpoint) are ignored.
    /// </summary>
    /// <param name="connectionString">The connection string.</param>
    /// <returns>The connection.</returns>
    /// <exception cref="FormatException">The string is malformed or incomplete. The message never contains a secret.</exception>
    public static StorageConnection Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var settings = ParseSettings(connectionString);

        if (settings.TryGetValue("UseDevelopmentStorage", out var useDevelopment)
            && bool.TryParse(useDevelopment, out var isDevelopment) && isDevelopment)
        {
            return ForDevelopmentStorage(settings.GetValueOrDefault("DevelopmentStorageProxyUri"));
        }

        var accountName = settings.GetValueOrDefault("AccountName");
        var accountKey = settings.GetValueOrDefault("AccountKey");
        var sas = settings.GetValueOrDefault("SharedAccessSignature");
        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol") ?? "https";
        var suffix = settings.GetValueOrDefault("EndpointSuffix") ?? DefaultEndpointSuffix;
        if (protocol is not ("https" or "http"))
        {
            throw new FormatException($"DefaultEndpointsProtocol must be https or http, not '{protocol}'.");
        }

        var blob = ServiceEndpoint(settings, "BlobEndpoint", "blob", protocol, accountName, suffix);
        var queue = settings.ContainsKey("QueueEndpoint") || !string.IsNullOrEmpty(accountName)
            ? ServiceEndpoint(settings, "QueueEndpoint", "queue", protocol, accountName, suffix)
            : Sibling(blob, "queue") ?? throw new FormatException("The connection string needs an AccountName or an explicit QueueEndpoint.");
        var table = ServiceEndpoint(settings, "TableEndpoint", "table", protocol, accountName, suffix);

        if (!string.IsNullOrEmpty(accountKey))
        {
            if (string.IsNullOrEmpty(accountName))
            {
                throw new FormatException("A connection string with an AccountKey needs an AccountName.");
            }

            if (!IsBase64(accountKey))
            {
                throw new FormatException("The connection string's AccountKey is not valid base64.");
            }

            return new StorageConnection(blob, queue, table, accountName, StorageAuthentication.SharedKey, false)
            {
                AccountKey = accountKey,
            };
        }

        if (!string.IsNullOrEmpty(sas))
        {
            return new StorageConnection(blob, queue, table, accountName, StorageAuthentication.SharedAccessSignature, false)
            {
                SharedAccessSignature = sas.TrimStart('?'),
            };
        }

        throw new FormatException(
            "The connection string has neither an AccountKey nor a SharedAccessSignature. For a managed identity, set "
            + "AzureWebJobsStorage__blobServiceUri, __queueServiceUri and __tableServiceUri instead.");
    }

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

    /// <summary>A blob's URL on <see cref="BlobServiceUri"/>, each path segment of the name escaped.</summary>
    /// <param name="container">The container.</param>
    /// <param name="name">The blob name, e.g. <c>2024-06/遵义-6月.csv</c>.</param>
    /// <returns>The URL, without a SAS.</returns>
    public Uri BlobUri(string container, string name)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(name);
        var segments = name.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = Uri.EscapeDataString(segments[i]);
        }

        return new Uri(BlobServiceUri.AbsoluteUri.TrimEnd('/') + "/" + container + "/" + string.Join('/', segments));
    }

    /// <summary>Replaces the secrets in a connection string (AccountKey, SharedAccessSignature, SAS <c>sig</c>) with <c>***</c>, for logs.</summary>
    /// <param name="connectionString">Any connection string.</param>
    /// <returns>The redacted text.</returns>
    public static string Redact(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        return SecretPattern().Replace(connectionString, "${name}***");
    }

    /// <summary>Describes the connection for logs: endpoints, account and authentication, with secrets shown as <c>***</c>.</summary>
    /// <returns>For example <c>BlobEndpoint=…;TableEndpoint=…;AccountName=acct;AccountKey=***</c>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder()
            .Append("BlobEndpoint=").Append(BlobServiceUri)
            .Append(";TableEndpoint=").Append(TableServiceUri);
        if (AccountName is not null)
        {
            text.Append(";AccountName=").Append(AccountName);
        }

        return Authentication switch
        {
            StorageAuthentication.SharedKey => text.Append(";AccountKey=***").ToString(),
            StorageAuthentication.SharedAccessSignature => text.Append(";SharedAccessSignature=***").ToString(),
            _ => text.Append(";Authentication=Token").ToString(),
        };
    }

    private static Uri AuthorityFor(Uri serviceUri) =>
        serviceUri.Host.EndsWith(".chinacloudapi.cn", StringComparison.OrdinalIgnoreCase) ? AzureAuthorityHosts.AzureChina
        : serviceUri.Host.EndsWith(".usgovcloudapi.net", StringComparison.OrdinalIgnoreCase) ? AzureAuthorityHosts.AzureGovernment
        : AzureAuthorityHosts.AzurePublicCloud;

    private static Uri AudienceFor(Uri serviceUri) =>
        serviceUri.Host.EndsWith(".chinacloudapi.cn", StringComparison.OrdinalIgnoreCase) ? new Uri("https://storage.azure.cn")
        : serviceUri.Host.EndsWith(".usgovcloudapi.net", StringComparison.OrdinalIgnoreCase) ? new Uri("https://storage.azure.us")
        : new Uri("https://storage.azure.com");

    private static StorageConnection ForDevelopmentStorage(string? proxyUri)
    {
        var host = "http://127.0.0.1";
        if (!string.IsNullOrEmpty(proxyUri))
        {
            if (!Uri.TryCreate(proxyUri, UriKind.Absolute, out var proxy))
            {
                throw new FormatException($"DevelopmentStorageProxyUri '{proxyUri}' is not an absolute URI.");
            }

            host = $"{proxy.Scheme}://{proxy.Host}";
        }

        return new StorageConnection(
            new Uri($"{host}:10000/{DevelopmentAccountName}"),
            new Uri($"{host}:10001/{DevelopmentAccountName}"),
            new Uri($"{host}:10002/{DevelopmentAccountName}"),
            DevelopmentAccountName,
            StorageAuthentication.SharedKey,
            true)
        {
            AccountKey = DevelopmentAccountKey,
        };
    }

    private static Dictionary<string, string> ParseSettings(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Split at the first '=' only: keys and signatures end in '=' padding.
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                var shown = part.Length > 20 ? part[..20] + "…" : part;
                throw new FormatException($"The connection string part '{Redact(shown)}' is not of the form Name=Value.");
            }

            settings[part[..equals].Trim()] = part[(equals + 1)..].Trim();
        }

        if (settings.Count == 0)
        {
            throw new FormatException("The connection string is empty.");
        }

        return settings;
    }

    private static Uri ServiceEndpoint(
        Dictionary<string, string> settings,
        string setting,
        string service,
        string protocol,
        string? accountName,
        string suffix)
    {
        if (settings.TryGetValue(setting, out var explicitEndpoint) && !string.IsNullOrEmpty(explicitEndpoint))
        {
            if (!Uri.TryCreate(explicitEndpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new FormatException($"{setting} '{explicitEndpoint}' is not an absolute http(s) URI.");
            }

            return uri;
        }

        if (string.IsNullOrEmpty(accountName))
        {
            throw new FormatException($"The connection string needs an AccountName or an explicit {setting}.");
        }

        return new Uri($"{protocol}://{accountName}.{service}.{suffix}/");
    }

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

    private static bool IsBase64(string value)
    {
        return value.Length % 4 == 0 && Convert.TryFromBase64String(value, new byte[value.Length], out _);
    }

    [GeneratedRegex("(?<name>(?:AccountKey|SharedAccessSignature)=)[^;]*|(?<name>[?&]sig=)[^&;]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretPattern();
}
