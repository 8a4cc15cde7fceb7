using IntakePipeline.Storage.Internals;
using IntakePipeline.Testing;

namespace IntakePipeline.Storage.Tests;

/// <summary>Stores on the shared Azurite, and unique names so that tests never see each other's data.</summary>
internal static class TestStorage
{
    internal static StorageClientFactory Factory(AzuriteServer server) =>
        new(StorageConnection.Parse(server.ConnectionString));

    internal static AzureBlobStore BlobStore(AzuriteServer server, int? pageSize = null) =>
        new(Factory(server).CreateBlobServiceClient(), pageSize);

    internal static ITableStore TableStore(AzuriteServer server) => Factory(server).CreateTableStore();

    internal static IQueueStore QueueStore(AzuriteServer server) => Factory(server).CreateQueueStore();

    /// <summary>A fresh container name: lowercase letters and digits.</summary>
    internal static string ContainerName(string prefix = "t") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)];

    /// <summary>A fresh table name: letters and digits, starting with a letter.</summary>
    internal static string TableName() => "t" + Guid.NewGuid().ToString("N")[..20];
}
