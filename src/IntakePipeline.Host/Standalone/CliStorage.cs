using IntakePipeline.Core.Dashboard;
using IntakePipeline.Core.Plan;
using IntakePipeline.Pipeline;
using IntakePipeline.Pipeline.Dashboard;
using IntakePipeline.Pipeline.Events;
using IntakePipeline.Pipeline.Receipts;
using IntakePipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// What <c>intake upload</c>, <c>demo</c>, <c>status</c>, <c>retry</c> and <c>sas</c> talk to: the pipeline's own composition
/// (<see cref="PipelineServiceCollectionExtensions.AddIntakePipeline"/>) over the same configuration as <c>intake run</c>,
/// with its settings validated exactly as the hosts validate them.
/// </summary>
internal sealed class CliStorage : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CliStorage(ServiceProvider services)
    {
        _services = services;
    }

    public StorageConnection Connection => _services.GetRequiredService<StorageConnection>();

    public IBlobStore Blobs => _services.GetRequiredService<IBlobStore>();

    public ITableStore Tables => _services.GetRequiredService<ITableStore>();

    public TableNames Names => _services.GetRequiredService<IOptions<TableNames>>().Value;

    public BlobReceiptStore Receipts => _services.GetRequiredService<BlobReceiptStore>();

    public BlobEventQueue Events => _services.GetRequiredService<BlobEventQueue>();

    public IntakeReconciler Reconciler => _services.GetRequiredService<IntakeReconciler>();

    public DeadlinesOptions Deadlines => _services.GetRequiredService<IOptions<DeadlinesOptions>>().Value;

    public TimeProvider Clock => _services.GetRequiredService<TimeProvider>();

    public IBlobSasIssuer SasIssuer => _services.GetRequiredService<IBlobSasIssuer>();

    public ReportLinks ReportLinks => _services.GetRequiredService<ReportLinks>();

    public DashboardQuery Dashboard => _services.GetRequiredService<DashboardQuery>();

    public DashboardRenderer DashboardRenderer => _services.GetRequiredService<DashboardRenderer>();

    public PlanCatalog Catalog => _services.GetRequiredService<PlanCatalog>();

    /// <summary>
    /// Connects, or explains on <paramref name="error"/> why not and returns <see langword="null"/>: a setting is
    /// invalid, or it is the local Azurite and nothing listens (so <c>intake run</c> must be started first).
    /// </summary>
    public static async Task<CliStorage?> ConnectAsync(TextWriter error, CancellationToken cancellationToken = default)
    {
        var configuration = new ConfigurationBuilder().AddStandaloneConfiguration([]).Build();
        var services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddIntakePipeline(configuration)
            .BuildServiceProvider();
        StorageConnection connection;
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            connection = services.GetRequiredService<StorageConnection>();
        }
        catch (Exception e) when (e is OptionsValidationException or InvalidOperationException)
        {
            await error.WriteLineAsync($"配置有误：{e.Message}").ConfigureAwait(false);
            await services.DisposeAsync().ConfigureAwait(false);
            return null;
        }

        if (connection.IsDevelopmentStorage
            && !(await DevelopmentStorageLauncher.IsListeningAsync(connection.BlobServiceUri.Port, cancellationToken).ConfigureAwait(false)
                && await DevelopmentStorageLauncher.IsListeningAsync(connection.QueueServiceUri.Port, cancellationToken).ConfigureAwait(false)
                && await DevelopmentStorageLauncher.IsListeningAsync(connection.TableServiceUri.Port, cancellationToken).ConfigureAwait(false)))
        {
            await error.WriteLineAsync("本地存储（Azurite）没有运行：请先在另一个终端运行 `intake run`，再执行本命令。").ConfigureAwait(false);
            await error.WriteLineAsync("(Azurite is not running on 127.0.0.1:10000–10002: start `intake run` first.)").ConfigureAwait(false);
            await services.DisposeAsync().ConfigureAwait(false);
            return null;
        }

        return new CliStorage(services);
    }

    /// <summary>A blob's URL.</summary>
    public Uri BlobUri(string container, string name) => Connection.BlobUri(container, name);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
