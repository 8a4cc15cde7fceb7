using System.Text;
using Azure.Core;

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
}
