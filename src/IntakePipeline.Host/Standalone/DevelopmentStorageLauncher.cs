using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using IntakePipeline.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// Starts Azurite for <c>UseDevelopmentStorage=true</c> when nothing listens on 127.0.0.1:10000 and :10002, from the
/// repository's pinned npm copy (<c>node_modules/.bin/azurite</c>, installed with <c>npm ci</c> on first use), and stops
/// it when the host stops. Registered before every other hosted service, so storage is up before setup runs.
/// </summary>
internal sealed class DevelopmentStorageLauncher(
    StorageConnection connection,
    IOptions<DevelopmentStorageOptions> options,
    ILogger<DevelopmentStorageLauncher> logger) : IHostedService, IDisposable
{
    private const string Loopback = "127.0.0.1";
    private static readonly int[] _ports = [10000, 10001, 10002];
    private readonly DevelopmentStorageOptions _options = options.Value;
    private Process? _azurite;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        StandaloneLog.StorageEndpoint(logger, connection.ToString() ?? string.Empty);
        if (!connection.IsDevelopmentStorage || !_options.AutoStart)
        {
            return;
        }

        if (await IsListeningAsync(_ports[0], cancellationToken).ConfigureAwait(false)
            && await IsListeningAsync(_ports[2], cancellationToken).ConfigureAwait(false))
        {
            StandaloneLog.AzuriteAlreadyRunning(logger);
            return;
        }

        var root = FindToolsRoot()
            ?? throw new InvalidOperationException(
                "Azurite is not running on 127.0.0.1:10000, and no package.json was found above the program or the current folder "
                + "to install it from. Run 'npm ci' in the repository, start Azurite yourself, or set AzureWebJobsStorage.");
        var tool = Path.Combine(root, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");
        if (!File.Exists(tool))
        {
            StandaloneLog.InstallingAzurite(logger, root);
            await RunNpmCiAsync(root, cancellationToken).ConfigureAwait(false);
        }

        var location = DataFolder(_options);
        Directory.CreateDirectory(location);
        var start = new ProcessStartInfo(tool)
        {
            WorkingDirectory = root,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "--blobHost", Loopback, "--queueHost", Loopback, "--tableHost", Loopback,
            "--location", location, "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--silent",
        })
        {
            start.ArgumentList.Add(argument);
        }

        _azurite = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        _azurite.OutputDataReceived += (_, _) => { };
        _azurite.ErrorDataReceived += (_, _) => { };
        _azurite.BeginOutputReadLine();
        _azurite.BeginErrorReadLine();
        await WaitForPortsAsync(cancellationToken).ConfigureAwait(false);
        StandaloneLog.AzuriteStarted(logger, _azurite.Id, location);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_azurite is not { HasExited: false } azurite)
        {
            return;
        }

        StandaloneLog.StoppingAzurite(logger, azurite.Id);
        if (!OperatingSystem.IsWindows())
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", azurite.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
            if (kill is not null)
            {
                await kill.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        using var grace = new CancellationTokenSource(_options.StopGracePeriod);
        try
        {
            await azurite.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            StandaloneLog.KillingAzurite(logger, azurite.Id, _options.StopGracePeriod.TotalSeconds);
            azurite.Kill(entireProcessTree: true);
            await azurite.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_azurite is { HasExited: false })
        {
            _azurite.Kill(entireProcessTree: true);
        }

        _azurite?.Dispose();
    }

    /// <summary>Azurite's data folder: <see cref="DevelopmentStorageOptions.Location"/>, a relative one taken from the tools' root.</summary>
    internal static string DataFolder(DevelopmentStorageOptions options) =>
        Path.GetFullPath(Path.Combine(FindToolsRoot() ?? Environment.CurrentDirectory, options.Location));

    /// <summary>
    /// The nearest folder, upwards from the program's folder and then from the current folder, whose
    /// <c>package.json</c> names Azurite.
    /// </summary>
    internal static string? FindToolsRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var package = Path.Combine(directory.FullName, "package.json");
                if (File.Exists(package) && File.ReadAllText(package).Contains("\"azurite\"", StringComparison.Ordinal))
                {
                    return directory.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>Whether something accepts TCP connections on a loopback port.</summary>
    internal static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(Loopback, port, attempt.Token).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task WaitForPortsAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + _options.StartTimeout;
        foreach (var port in _ports)
        {
            while (!await IsListeningAsync(port, cancellationToken).ConfigureAwait(false))
            {
                if (_azurite!.HasExited)
                {
                    throw new InvalidOperationException(
                        $"Azurite exited with code {_azurite.ExitCode} before port {port} opened. Is another program using ports 10000–10002?");
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Azurite did not open port {port} within {_options.StartTimeout.TotalSeconds:0} s.");
                }

                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task RunNpmCiAsync(string root, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", ["ci", "--no-audit", "--no-fund"])
        {
            WorkingDirectory = root,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var npm = Process.Start(start)
            ?? throw new InvalidOperationException("Could not start npm. Install Node.js 20+ with npm, or set AzureWebJobsStorage.");
        var output = npm.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = npm.StandardError.ReadToEndAsync(cancellationToken);
        await npm.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'npm ci' in {root} failed with exit code {npm.ExitCode}:\n{await output.ConfigureAwait(false)}\n{await error.ConfigureAwait(false)}");
        }
    }
}
