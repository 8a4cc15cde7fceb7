using System.Diagnostics;
using IntakePipeline.Testing;

namespace IntakePipeline.Host.Tests.Reliability;

/// <summary>
/// The built <c>intake</c> executable running <c>intake run</c> as a real child process (<c>dotnet intake.dll run</c>),
/// configured through its environment, with its output kept for assertions and diagnostics.
/// </summary>
internal sealed class IntakeProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly TaskCompletionSource _firstReceived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _received;

    private IntakeProcess(Process process)
    {
        _process = process;
    }

    /// <summary>
    /// The Host project's build output for the configuration of these tests
    /// (<c>src/IntakePipeline.Host/bin/{Debug|Release}/net10.0/intake.dll</c>): it has its own runtimeconfig, deps and
    /// <c>appsettings.json</c>, unlike the copy next to the test assembly.
    /// </summary>
    public static string ExecutablePath
    {
        get
        {
            // The test assembly lives in tests/IntakePipeline.Host.Tests/bin/{Configuration}/{TargetFramework}/.
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = framework.Parent!.Name;
            var path = Path.Combine(RepositoryRoot.Path, "src", "IntakePipeline.Host", "bin", configuration, framework.Name, "intake.dll");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"The intake executable is not built at {path}; build tests/IntakePipeline.Host.Tests first.", path);
        }
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Completes when the host logs its first "Received …" line: it is processing.</summary>
    public Task FirstReceived => _firstReceived.Task;

    /// <summary>How many "Received …" lines (blob versions taken up) this process has logged.</summary>
    public int ReceivedCount => Volatile.Read(ref _received);

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>Starts <c>dotnet intake.dll run</c> with <paramref name="environment"/> added to this process's environment.</summary>
    public static IntakeProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(ExecutablePath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ExecutablePath);
        start.ArgumentList.Add("run");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";

        // The shipped appsettings.json has example recipients, so the host writes .eml files; keep them out of bin/.
        start.Environment["Smtp__PickupDirectory"] = Path.Combine(Path.GetTempPath(), "intake-reliability-mail");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var intake = new IntakeProcess(process);
        process.OutputDataReceived += (_, e) => intake.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => intake.Keep(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException("Could not start dotnet intake.dll run.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return intake;
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM (a graceful stop), then SIGKILL when it has not exited within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            await kill!.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (line.Contains(" Received intake-", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _received);
            _firstReceived.TrySetResult();
        }
    }
}
