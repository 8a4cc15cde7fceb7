using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Storage.Tests;

public sealed class StorageServiceCollectionExtensionsTests
{
    [Fact]
    public void AddIntakeStorage_ConnectionStringAndStorageSection_ResolvesStoresAndOptions()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
            [
                new("AzureWebJobsStorage", "DefaultEndpointsProtocol=https;AccountName=gz;AccountKey=c2VjcmV0;EndpointSuffix=core.chinacloudapi.cn"),
                new("Storage:MaxRetries", "8"),
            ])
            .Build();
        using var provider = new ServiceCollection().AddIntakeStorage(configuration).BuildServiceProvider();

        var connection = provider.GetRequiredService<StorageConnection>();
        var options = provider.GetRequiredService<IOptions<StorageClientOptions>>().Value;

        Assert.Equal(new Uri("https://gz.table.core.chinacloudapi.cn/"), connection.TableServiceUri);
        Assert.Equal(8, options.MaxRetries);
        Assert.Same(provider.GetRequiredService<IBlobStore>(), provider.GetRequiredService<IBlobStore>());
        Assert.NotNull(provider.GetRequiredService<ITableStore>());
    }

    [Fact]
    public void AddIntakeStorage_ConnectionRegisteredFirst_KeepsIt()
    {
        var mine = StorageConnection.Parse("UseDevelopmentStorage=true");
        var services = new ServiceCollection().AddSingleton(mine);

        using var provider = services.AddIntakeStorage(new ConfigurationBuilder().Build()).BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<StorageClientFactory>().Connection);
    }

    [Fact]
    public void AddIntakeStorage_NegativeRetries_FailsValidation()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("AzureWebJobsStorage", "UseDevelopmentStorage=true"), new("Storage:MaxRetries", "-1")])
            .Build();
        using var provider = new ServiceCollection().AddIntakeStorage(configuration).BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageClientOptions>>().Value);
    }
}
