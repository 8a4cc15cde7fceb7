using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Storage;

/// <summary>Registers the storage ports.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="StorageConnection"/> (read with <see cref="StorageConnection.FromConfiguration"/> from
    /// <c>AzureWebJobsStorage</c>), <see cref="StorageClientOptions"/> (section <c>Storage</c>), and singleton
    /// <see cref="StorageClientFactory"/>, <see cref="IBlobStore"/>, <see cref="IBlobSasIssuer"/>, <see cref="IQueueStore"/> and <see cref="ITableStore"/>. Registrations that
    /// already exist are kept, so a test can register its own connection first.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration to read the connection from.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddIntakeStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageClientOptions>()
            .Bind(configuration.GetSection(StorageClientOptions.SectionName))
            .Validate(o => o.MaxRetries >= 0 && o.RetryDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.RetryDelay
                && o.NetworkTimeout > TimeSpan.Zero, "Storage retry settings must be positive, with MaxRetryDelay >= RetryDelay.")
            .ValidateOnStart();
        services.TryAddSingleton(_ => StorageConnection.FromConfiguration(configuration));
        services.TryAddSingleton(sp => new StorageClientFactory(
            sp.GetRequiredService<StorageConnection>(),
            sp.GetRequiredService<IOptions<StorageClientOptions>>().Value));
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageClientFactory>().CreateBlobStore());
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageClientFactory>().CreateSasIssuer());
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageClientFactory>().CreateQueueStore());
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageClientFactory>().CreateTableStore());
        return services;
    }
}
