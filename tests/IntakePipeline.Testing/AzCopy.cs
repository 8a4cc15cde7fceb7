using System.Diagnostics;

namespace IntakePipeline.Testing;

/// <summary>
/// The real AzCopy binary from the pinned npm package <c>@azure-tools/azcopy-linux</c> (installed with <c>npm ci</c>
/// when missing), run as a child process with its logs and job plans in a folder of its own.
/// </summary>
public static class AzCopy
{
    private const string BinaryPath = "@azure-tools/azcopy-linux/dist/bin/azcopy_linux_amd64";

    /// <summary>A hang guard, not a timing: AzCopy retries refused requests for a while before it gives up.</summary>
    private static readonly TimeSpan _hangGuard = TimeSpan.FromMinutes(3);

    /// <summary>The path of the azcopy executable, marked executable (npm unpacks it without the bit).</summary>
    public static async Task<string> GetPathAsync(CancellationToken cancellationToken = default)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The pinned AzCopy package is the Linux x64 build.");
        }

        var path = await NpmTools.GetPackageFileAsync(BinaryPath, cancellationToken).ConfigureAwait(false);
        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return path;
    }

    /// <summary>Runs <c>azcopy</c> with <paramref name="arguments"/> to completion and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var work = Directory.CreateTempSubdirectory("intake-azcopy-").FullName;
        try
        {
            var start = new ProcessStartInfo(await GetPathAsync(cancellationToken).ConfigureAwait(false))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = work,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["AZCOPY_LOG_LOCATION"] = work;
            start.Environment["AZCOPY_JOB_PLAN_LOCATION"] = work;
            start.Environment["AZCOPY_DISABLE_SYSLOG"] = "true";
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start azcopy.");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            guard.CancelAfter(_hangGuard);
            try
            {
                await process.WaitForExitAsync(guard.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"azcopy {string.Join(' ', arguments)} did not finish within {_hangGuard}.");
            }

            return (process.ExitCode, await output.ConfigureAwait(false) + await error.ConfigureAwait(false));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
