using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using IntakePipeline.Storage.Internals;

namespace IntakePipeline.Storage;

/// <summary>
/// Makes the Azure adapters behind <see cref="IBlobStore"/>, <see cref="IBlobSasIssuer"/>, <see cref="IQueueStore"/> and <see cref="ITableStore"/> for one
/// <see cref="StorageConnection"/>. The stores are thread-safe; make them once and share them.
/// </summary>
public sealed class StorageClientFactory
{
    private readonly StorageClientOptions _options;

    /// <summary>Creates the factory.</summary>
    /// <param name="connection">The account and its credentials.</param>
    /// <param name="options">Retry and timeout settings, or <see langword="null"/> for the defaults.</param>
    public StorageClientFactory(StorageConnection connection, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Connection = connection;
        _options = options ?? new StorageClientOptions();
    }

    /// <summary>The connection the stores use.</summary>
    public StorageConnection Connection { get; }

    /// <summary>Creates a blob store on the connection's Blob endpoint.</summary>
    /// <returns>The store.</returns>
    public IBlobStore CreateBlobStore() => new AzureBlobStore(CreateBlobServiceClient());

    /// <summary>Creates a queue store on the connection's Queue endpoint, with base64 message text.</summary>
    /// <returns>The store.</returns>
    public IQueueStore CreateQueueStore() => new AzureQueueStore(CreateQueueServiceClient());

    /// <summary>Creates a table store on the connection's Table endpoint.</summary>
    /// <returns>The store.</returns>
    public ITableStore CreateTableStore() => new AzureTableStore(CreateTableServiceClient());

    /// <summary>
    /// Creates the SAS issuer for the connection's Blob endpoint: a service SAS with an account key, a user delegation
    /// SAS with a token credential.
    /// </summary>
    /// <returns>The issuer.</returns>
    public IBlobSasIssuer CreateSasIssuer() => new AzureBlobSasIssuer(
        CreateBlobServiceClient(),
        Connection.Authentication,
        Connection.Authentication == StorageAuthentication.SharedKey ? new StorageSharedKeyCredential(Connection.AccountName, Connection.AccountKey) : null);

    internal BlobServiceClient CreateBlobServiceClient()
    {
        var options = Configure(new BlobClientOptions());
        options.Audience = new BlobAudience(Connection.TokenAudience.AbsoluteUri);
        return Connection.Authentication switch
        {
            StorageAuthentication.SharedKey => new BlobServiceClient(
                Connection.BlobServiceUri,
                new StorageSharedKeyCredential(Connection.AccountName, Connection.AccountKey),
                options),
            StorageAuthentication.SharedAccessSignature => new BlobServiceClient(
                Connection.BlobServiceUri,
                new AzureSasCredential(Connection.SharedAccessSignature!),
                options),
            _ => new BlobServiceClient(Connection.BlobServiceUri, Connection.Credential!, options),
        };
    }

    internal QueueServiceClient CreateQueueServiceClient()
    {
        var options = Configure(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        options.Audience = new QueueAudience(Connection.TokenAudience.AbsoluteUri);
        return Connection.Authentication switch
        {
            StorageAuthentication.SharedKey => new QueueServiceClient(
                Connection.QueueServiceUri,
                new StorageSharedKeyCredential(Connection.AccountName, Connection.AccountKey),
                options),
            StorageAuthentication.SharedAccessSignature => new QueueServiceClient(
                Connection.QueueServiceUri,
                new AzureSasCredential(Connection.SharedAccessSignature!),
                options),
            _ => new QueueServiceClient(Connection.QueueServiceUri, Connection.Credential!, options),
        };
    }

    internal TableServiceClient CreateTableServiceClient()
    {
        var options = Configure(new TableClientOptions());
        options.Audience = new TableAudience(Connection.TokenAudience.AbsoluteUri.TrimEnd('/'));
        return Connection.Authentication switch
        {
            StorageAuthentication.SharedKey => new TableServiceClient(
                Connection.TableServiceUri,
                new TableSharedKeyCredential(Connection.AccountName, Connection.AccountKey),
                options),
            StorageAuthentication.SharedAccessSignature => new TableServiceClient(
                Connection.TableServiceUri,
                new AzureSasCredential(Connection.SharedAccessSignature!),
                options),
            _ => new TableServiceClient(Connection.TableServiceUri, Connection.Credential!, options),
        };
    }

    private T Configure<T>(T options)
        where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = _options.MaxRetries;
        options.Retry.Delay = _options.RetryDelay;
        options.Retry.MaxDelay = _options.MaxRetryDelay;
        options.Retry.NetworkTimeout = _options.NetworkTimeout;
        if (_options.Transport is { } transport)
        {
            options.Transport = transport;
        }

        return options;
    }
}
