using IntakePipeline.Pipeline;
using IntakePipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Host.Standalone;

/// <summary>Composes the standalone host that <c>intake run</c> runs, and the configuration every storage command reads.</summary>
public static class StandaloneHostExtensions
{
    /// <summary>
    /// Adds the standalone configuration sources in order: the shared <c>host.json</c> (its <c>extensions:queues</c>
    /// settings), <c>appsettings.json</c> next to the program (the local defaults, including
    /// <c>AzureWebJobsStorage=UseDevelopmentStorage=true</c>), environment variables, then <paramref name="args"/>
    /// (<c>--Watcher:PollInterval=00:00:02</c>).
    /// </summary>
    /// <param name="configuration">The builder to add to.</param>
    /// <param name="args">Command-line overrides.</param>
    /// <returns>The same builder.</returns>
    public static IConfigurationBuilder AddStandaloneConfiguration(this IConfigurationBuilder configuration, string[] args)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "host.json"), optional: true)
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args);
    }

    /// <summary>Creates the host builder with <see cref="AddStandaloneConfiguration"/> and every service of <see cref="AddIntakeStandaloneHost"/>.</summary>
    /// <param name="args">Configuration overrides in the command-line configuration form.</param>
    /// <returns>The builder; call <c>Build().RunAsync()</c>.</returns>
    public static HostApplicationBuilder CreateStandaloneHostBuilder(string[] args)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddStandaloneConfiguration(args);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole();
        builder.Services.AddIntakeStandaloneHost(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// Registers the standalone host in start order: Azurite when needed (section <c>Azurite</c>); the pipeline, as the
    /// Functions app registers it; the storage setup and plan publication; the queue listeners that play the
    /// ProcessSubmission and RecordPoison queue triggers with host.json's settings (<see cref="QueueTriggerOptions"/>);
    /// the blob watcher that stands in for Event Grid (section <c>Watcher</c>); the CheckDeadlines and SendAlerts
    /// timers; and the dashboard on localhost (section <c>Dashboard</c>). Every options class is validated on start.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration to bind.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddIntakeStandaloneHost(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddIntakePipeline(configuration);
        services.AddOptions<SchedulesOptions>()
            .Validate(o => TimerFunctions.IsValid(o.CheckDeadlines) && TimerFunctions.IsValid(o.SendAlerts), "Schedules: CheckDeadlines and SendAlerts must be six-field NCRONTAB expressions, such as 0 5 16 * * *.");
        services.AddOptions<QueueTriggerOptions>()
            .Bind(configuration.GetSection(QueueTriggerOptions.SectionName))
            .Validate(o => o.IsValid(), "host.json extensions:queues: maxDequeueCount 1–100, batchSize 1–32, visibilityTimeout not negative and maxPollingInterval at least 10 ms.")
            .ValidateOnStart();
        services.AddOptions<WatcherOptions>()
            .Bind(configuration.GetSection(WatcherOptions.SectionName))
            .Validate(o => o.IsValid(), "Watcher: PollInterval positive, FullScanInterval >= PollInterval, HotMonths 0 to 120.")
            .ValidateOnStart();
        services.AddOptions<DevelopmentStorageOptions>()
            .Bind(configuration.GetSection(DevelopmentStorageOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Location) && o.StartTimeout > TimeSpan.Zero && o.StopGracePeriod >= TimeSpan.Zero,
                "Azurite: Location must be set, StartTimeout positive and StopGracePeriod not negative.")
            .ValidateOnStart();

        services.TryAddSingleton<AzuriteChangeWatch>();
        services.TryAddSingleton<BlobWatcher>();

        // Hosted services start in this order and stop in the reverse one: Azurite outlives the last write.
        services.AddHostedService<DevelopmentStorageLauncher>();
        services.AddHostedService<StorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<AzuriteChangeWatch>());
        // Registered as IHostedService directly: AddHostedService keeps only one registration per implementation type.
        services.AddSingleton<IHostedService>(sp => Listener(sp, "ProcessSubmission", poison: true, async (message, ct) =>
        {
            var outcome = await sp.GetRequiredService<ProcessSubmissionHandler>().HandleAsync(message.Text, message.DequeueCount, ct).ConfigureAwait(false);
            StandaloneLog.FunctionRan(sp.GetRequiredService<ILogger<QueueListener>>(), "ProcessSubmission", outcome.Blob.Container, outcome.Blob.Name, outcome.Kind.ToString(), outcome.CorrelationId);
        }));
        services.AddSingleton<IHostedService>(sp => Listener(sp, "RecordPoison", poison: false, (message, ct) =>
            sp.GetRequiredService<RecordPoisonHandler>().HandleAsync(message.Text, ct)));
        services.AddHostedService(sp => sp.GetRequiredService<BlobWatcher>());
        services.AddHostedService<TimerFunctions>();
        services.TryAddSingleton<DashboardServer>();
        services.AddHostedService(sp => sp.GetRequiredService<DashboardServer>());
        return services;
    }

    private static QueueListener Listener(IServiceProvider services, string function, bool poison, Func<QueueMessage, CancellationToken, Task> run)
    {
        var queues = services.GetRequiredService<IOptions<QueuesOptions>>().Value;
        return new QueueListener(
            function,
            poison ? queues.Events : queues.Poison,
            poison ? queues.Poison : null,
            run,
            poison ? services.GetRequiredService<BlobWatcher>().Seeded : Task.CompletedTask,
            services.GetRequiredService<AzuriteChangeWatch>().Queues,
            services.GetRequiredService<IQueueStore>(),
            services.GetRequiredService<IOptions<QueueTriggerOptions>>().Value,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<QueueListener>>());
    }
}
