using IntakePipeline.Pipeline;
using IntakePipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// The storage that <c>intake upload</c>, <c>demo</c> and <c>status</c> talk to, read from the same configuration as
/// <c>intake run</c>: <c>appsettings.json</c> next to the program, then environment variables.
/// </summary>
internal sealed class CliStorage
{
    private CliStorage(StorageConnection connection, IBlobStore blobs, ITableStore tables, TableNames names)
    {
        Connection = connection;
        Blobs = blobs;
        Tables = tables;
        Names = names;
        Receipts = new BlobReceiptStore(tables, Options.Create(names), TimeProvider.System);
    }

    public StorageConnection Connection { get; }

    public IBlobStore Blobs { get; }

    public ITableStore Tables { get; }

    public TableNames Names { get; }

    public BlobReceiptStore Receipts { get; }

    /// <summary>
    /// Connects, or explains on <paramref name="error"/> why not and returns <see langword="null"/>: the configuration is
    /// broken, or it is the local Azurite and nothing listens (so <c>intake run</c> must be started first).
    /// </summary>
    public static async Task<CliStorage?> ConnectAsync(TextWriter error, CancellationToken cancellationToken = default)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        StorageConnection connection;
        try
        {
            connection = StorageConnection.FromConfiguration(configuration);
        }
        catch (InvalidOperationException e)
        {
            await error.WriteLineAsync($"存储配置有误（AzureWebJobsStorage）：{e.Message}").ConfigureAwait(false);
            return null;
        }

        if (connection.IsDevelopmentStorage
            && !(await DevelopmentStorageLauncher.IsListeningAsync(connection.BlobServiceUri.Port, cancellationToken).ConfigureAwait(false)
                && await DevelopmentStorageLauncher.IsListeningAsync(connection.TableServiceUri.Port, cancellationToken).ConfigureAwait(false)))
        {
            await error.WriteLineAsync("本地存储（Azurite）没有运行：请先在另一个终端运行 `intake run`，再执行本命令。").ConfigureAwait(false);
            await error.WriteLineAsync("(Azurite is not running on 127.0.0.1:10000/10002: start `intake run` first.)").ConfigureAwait(false);
            return null;
        }

        var clientOptions = configuration.GetSection(StorageClientOptions.SectionName).Get<StorageClientOptions>() ?? new StorageClientOptions();
        var names = configuration.GetSection(TableNames.SectionName).Get<TableNames>() ?? new TableNames();
        var factory = new StorageClientFactory(connection, clientOptions);
        return new CliStorage(connection, factory.CreateBlobStore(), factory.CreateTableStore(), names);
    }

    /// <summary>A blob's URL, with each path segment escaped.</summary>
    public Uri BlobUri(string container, string name)
    {
        var segments = name.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = Uri.EscapeDataString(segments[i]);
        }

        return new Uri(Connection.BlobServiceUri.AbsoluteUri.TrimEnd('/') + "/" + container + "/" + string.Join('/', segments));
    }
}
