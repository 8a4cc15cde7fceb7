using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace IntakePipeline.Testing;

/// <summary>
/// The repository's pinned npm tools (<c>package.json</c> and <c>package-lock.json</c> at the root). When a tool is
/// missing from <c>node_modules/.bin</c>, <c>npm ci</c> installs the locked versions, once, under a lock file that
/// serialises concurrent test processes.
/// </summary>
internal static class NpmTools
{
    private static readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The path of a tool in <c>node_modules/.bin</c>, installing the tools first when it is missing.</summary>
    internal static Task<string> GetToolAsync(string tool, CancellationToken cancellationToken) =>
        GetFileAsync(ToolPath(tool), tool, cancellationToken);

    /// <summary>The path of a file a package ships, <paramref name="relative"/> to <c>node_modules</c>, installing the tools first when it is missing.</summary>
    internal static Task<string> GetPackageFileAsync(string relative, CancellationToken cancellationToken) =>
        GetFileAsync(Path.Combine(RepositoryRoot.Path, "node_modules", relative), relative, cancellationToken);

    private static async Task<string> GetFileAsync(string path, string tool, CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            return path;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var crossProcessLock = await AcquireFileLockAsync(cancellationToken).ConfigureAwait(false);
            if (!File.Exists(path))
            {
                await RunNpmCiAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }

        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"'npm ci' finished but {path} is still missing. Is '{tool}' in package.json?", path);
    }

    private static string ToolPath(string tool) =>
        Path.Combine(RepositoryRoot.Path, "node_modules", ".bin", OperatingSystem.IsWindows() ? tool + ".cmd" : tool);

    private static async Task<FileStream> AcquireFileLockAsync(CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(RepositoryRoot.Path)))[..12];
        var lockPath = Path.Combine(Path.GetTempPath(), $"intake-npm-ci-{hash}.lock");
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another test process is installing; wait for it.
                await Task.Delay(250, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task RunNpmCiAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("Could not start npm. Node.js 20+ with npm must be on PATH.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'npm ci' in {RepositoryRoot.Path} failed with exit code {process.ExitCode}:\n{await output.ConfigureAwait(false)}\n{await error.ConfigureAwait(false)}");
        }
    }
}
