using System.Text.RegularExpressions;

namespace IntakePipeline.Storage;

// Reading a storage connection string, and redacting one for logs.
public sealed partial class StorageConnection
{
    private const string DefaultEndpointSuffix = "core.windows.net";

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

    /// <summary>Replaces the secrets in a connection string (AccountKey, SharedAccessSignature, SAS <c>sig</c>) with <c>***</c>, for logs.</summary>
    /// <param name="connectionString">Any connection string.</param>
    /// <returns>The redacted text.</returns>
    public static string Redact(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        return SecretPattern().Replace(connectionString, "${name}***");
    }

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

    private static bool IsBase64(string value)
    {
        return value.Length % 4 == 0 && Convert.TryFromBase64String(value, new byte[value.Length], out _);
    }

    [GeneratedRegex("(?<name>(?:AccountKey|SharedAccessSignature)=)[^;]*|(?<name>[?&]sig=)[^&;]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretPattern();
}
