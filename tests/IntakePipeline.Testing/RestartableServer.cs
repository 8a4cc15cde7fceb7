namespace IntakePipeline.Testing;

/// <summary>
/// One npm tool run as a loopback server that a fixture can stop and start again: the same free ports and the same
/// temp folder every time, one start or stop at a time. The folder is deleted on <see cref="Dispose"/>.
/// </summary>
internal sealed class RestartableServer(string name, string tool, int portCount) : IDisposable
{
    /// <summary>The loopback address every fixture server listens on.</summary>
    internal const string Host = "127.0.0.1";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private ServerProcess? _process;

    /// <summary>The ports, allocated at the first start; null before it.</summary>
    internal int[]? Ports { get; private set; }

    /// <summary>The server's temp folder, created at the first start; null before it.</summary>
    internal string? Folder { get; private set; }

    internal bool IsRunning => _process is { HasExited: false };

    internal string RecentOutput => _process?.RecentOutput ?? string.Empty;

    /// <summary>
    /// Starts the tool with <paramref name="arguments"/> (given the ports and the folder) unless it runs already, and
    /// waits until every port accepts connections and then <paramref name="ready"/>, when given, completes.
    /// </summary>
    internal async Task StartAsync(
        Func<int[], string, IEnumerable<string>> arguments,
        TimeSpan startTimeout,
        Func<CancellationToken, Task>? ready,
        CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsRunning)
            {
                return;
            }

            _process?.Dispose();
            var path = await NpmTools.GetToolAsync(tool, cancellationToken).ConfigureAwait(false);
            Ports ??= FreePorts.Allocate(portCount);
            Folder ??= Directory.CreateTempSubdirectory($"intake-{tool}-").FullName;
            _process = ServerProcess.Start(name, path, arguments(Ports, Folder), Folder);
            await FreePorts.WaitUntilAcceptingAsync(Host, Ports, _process, startTimeout, cancellationToken).ConfigureAwait(false);
            if (ready is not null)
            {
                await ready(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>SIGTERM to the process tree, then SIGKILL after <paramref name="grace"/>; the ports and folder stay.</summary>
    internal async Task StopAsync(TimeSpan grace)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_process is not null)
            {
                await _process.StopAsync(grace).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _process?.Dispose();
        _process = null;
        if (Folder is not null && Directory.Exists(Folder))
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; a failed test must not be masked by cleanup.
            }
        }
    }
}
