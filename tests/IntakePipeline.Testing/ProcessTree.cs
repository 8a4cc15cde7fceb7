using System.Diagnostics;
using System.Globalization;

namespace IntakePipeline.Testing;

/// <summary>A process and its descendants, found through <c>/proc</c> on Linux (elsewhere only the process itself).</summary>
internal static class ProcessTree
{
    internal static IReadOnlyList<int> Of(int root)
    {
        var tree = new List<int> { root };
        if (!OperatingSystem.IsLinux())
        {
            return tree;
        }

        var parents = new Dictionary<int, List<int>>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                || ParentOf(directory) is not { } parent)
            {
                continue;
            }

            if (!parents.TryGetValue(parent, out var children))
            {
                parents[parent] = children = [];
            }

            children.Add(pid);
        }

        for (var i = 0; i < tree.Count; i++)
        {
            if (parents.TryGetValue(tree[i], out var children))
            {
                tree.AddRange(children);
            }
        }

        return tree;
    }

    internal static IReadOnlyList<int> StillRunning(IReadOnlyList<int> pids)
    {
        var running = new List<int>();
        foreach (var pid in pids)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                if (!process.HasExited)
                {
                    running.Add(pid);
                }
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }

        return running;
    }

    /// <summary>Sends a signal with the <c>kill</c> command; .NET has no API to send SIGTERM.</summary>
    internal static async Task SignalAsync(IReadOnlyList<int> pids, string signal)
    {
        if (pids.Count == 0)
        {
            return;
        }

        var start = new ProcessStartInfo("kill") { UseShellExecute = false, RedirectStandardError = true };
        start.ArgumentList.Add("-" + signal);
        foreach (var pid in pids)
        {
            start.ArgumentList.Add(pid.ToString(CultureInfo.InvariantCulture));
        }

        using var kill = Process.Start(start) ?? throw new InvalidOperationException("Could not run 'kill'.");
        await kill.StandardError.ReadToEndAsync().ConfigureAwait(false);
        await kill.WaitForExitAsync().ConfigureAwait(false);
    }

    private static int? ParentOf(string procDirectory)
    {
        try
        {
            // The format is "pid (comm) state ppid …"; comm may hold spaces and parentheses, so parse after the last ')'.
            var stat = File.ReadAllText(Path.Combine(procDirectory, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
