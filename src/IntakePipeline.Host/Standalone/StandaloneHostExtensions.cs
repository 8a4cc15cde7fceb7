using IntakePipeline.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace IntakePipeline.Host.Standalone;

/// <summary>Composes the standalone host that <c>intake run</c> runs: configuration, storage, pipeline and the watcher.</summary>
public static class StandaloneHostExtensions
{
    /// <summary>
    /// Creates the host builder with the standalone host's configuration: <c>appsettings.json</c> next to the program
    /// (the shipped defaults, including <c>AzureWebJobsStorage=UseDevelopmentStorage=true</c>), then environment
    /// variables (<c>Watcher__PollInterval</c>, <c>AzureWebJobsStorage</c>…), then <paramref name="args"/>
    /// (<c>--Watcher:MaxParallelism=8</c>), and every service of <see cref="AddIntakeStandaloneHost"/>.
    /// </summary>
    /// <param name="args">Configuration overrides in the command-line configuration form.</param>
    /// <returns>The builder; call <c>Build().RunAsync()</c>.</returns>
    public static HostApplicationBuilder CreateStandaloneHostBuilder(string[] args)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Services.AddIntakeStandaloneHost(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// Registers the standalone host: the storage ports and the pipeline (sections <c>Tables</c>, <c>Limits</c>,
    /// <c>Thresholds</c>, <c>Plan</c>, <c>Deadlines</c>), <see cref="WatcherOptions"/> (section <c>Watcher</c>) and
    /// <see cref="DevelopmentStorageOptions"/> (section <c>Azurite</c>), each validated on start, and the hosted services in
    /// start order: Azurite when needed, the storage setup and plan publication, the blob watcher, then the timer
    /// functions (SendAlerts, CheckDeadlines).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration to bind.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddIntakeStandaloneHost(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddIntakePipeline(configuration);
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<WatcherOptions>()
            .Bind(configuration.GetSection(WatcherOptions.SectionName))
            .Validate(o => o.IsValid(), "Watcher: PollInterval, RetryDelay and FullScanInterval (>= PollInterval) must be positive, and TimeZone a known IANA zone.")
            .Validate(o => o.HotMonths is >= 0 and <= 120, "Watcher:HotMonths must be 0 to 120.")
            .Validate(o => o.MaxParallelism is >= 1 and <= 64, "Watcher:MaxParallelism must be 1 to 64.")
            .Validate(o => o.MaxAttempts is >= 1 and <= 100, "Watcher:MaxAttempts must be 1 to 100.")
            .ValidateOnStart();
        services.AddOptions<DevelopmentStorageOptions>()
            .Bind(configuration.GetSection(DevelopmentStorageOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Location) && o.StartTimeout > TimeSpan.Zero && o.StopGracePeriod >= TimeSpan.Zero,
                "Azurite: Location must be set, StartTimeout positive and StopGracePeriod not negative.")
            .ValidateOnStart();

        services.TryAddSingleton<BlobReceiptStore>();
        services.TryAddSingleton<IBlobProcessor, SubmissionBlobProcessor>();
        services.TryAddSingleton<BlobWatcher>();
        services.TryAddSingleton<AlertTimers>();

        // Hosted services start in this order and stop in the reverse one: Azurite outlives the watcher's last write.
        services.AddHostedService<DevelopmentStorageLauncher>();
        services.AddHostedService<StorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<BlobWatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<AlertTimers>());
        return services;
    }
}
