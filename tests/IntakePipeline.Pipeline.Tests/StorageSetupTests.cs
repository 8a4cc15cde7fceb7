using IntakePipeline.Pipeline.Tests.Fixtures;
using IntakePipeline.Storage;
using IntakePipeline.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class StorageSetupTests(AzuriteServer azurite)
{
    [Fact]
    public void Containers_AllSubmitters_IntakeAndReportsForTenCodes()
    {
        Assert.Equal(21, StorageSetup.Containers.Count);
        Assert.Contains(StorageSetup.LocksContainer, StorageSetup.Containers);
        Assert.Contains("intake-520300", StorageSetup.Containers);
        Assert.Contains("reports-522700", StorageSetup.Containers);
        Assert.Contains("intake-520000", StorageSetup.Containers);
        Assert.Contains("reports-520000", StorageSetup.Containers);
    }

    [Fact]
    public async Task EnsureAsync_FreshTables_CreatesEveryTableAndContainerThenNothing()
    {
        var factory = new StorageClientFactory(StorageConnection.Parse(azurite.ConnectionString));
        var names = TestPipeline.Prefixed("s" + Guid.NewGuid().ToString("N")[..8]);
        var queues = new QueuesOptions { Events = "e" + Guid.NewGuid().ToString("N")[..8] };
        var setup = new StorageSetup(factory.CreateBlobStore(), factory.CreateTableStore(), factory.CreateQueueStore(), Options.Create(names), Options.Create(queues), NullLogger<StorageSetup>.Instance);

        var created = await setup.EnsureAsync();
        var again = await setup.EnsureAsync();

        Assert.True(created >= names.All.Count + 2);
        Assert.Equal(0, await factory.CreateQueueStore().CountAsync(queues.Poison));
        Assert.Equal(0, again);
        var tables = factory.CreateTableStore();
        foreach (var table in names.All)
        {
            Assert.False(await tables.CreateTableIfNotExistsAsync(table));
        }

        var blobs = factory.CreateBlobStore();
        foreach (var container in StorageSetup.Containers)
        {
            Assert.NotNull(await blobs.GetContainerAsync(container));
        }
    }
}
