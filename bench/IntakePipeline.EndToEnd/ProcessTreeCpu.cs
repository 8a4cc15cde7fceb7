using System.Diagnostics;
using System.Globalization;

namespace IntakePipeline.EndToEnd;

/// <summary>The CPU seconds used so far by this process and its descendants (Azurite's node), from <c>/proc</c> on Linux.</summary>
internal static class ProcessTreeCpu
{
    public static double Seconds()
    {
        var own = Environment.ProcessId;
        var total = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        if (!OperatingSystem.IsLinux())
        {
            return total;
        }

        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && StatFields(pid) is { } fields)
            {
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
        }

        foreach (var pid in parents.Keys)
        {
            if (pid != own && IsDescendant(pid, own, parents) && StatFields(pid) is { } fields)
            {
                // utime and stime, in clock ticks (100 per second on Linux).
                total += (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
            }
        }

        return total;
    }

    private static bool IsDescendant(int pid, int ancestor, Dictionary<int, int> parents)
    {
        for (var depth = 0; depth < 16 && parents.TryGetValue(pid, out var parent); depth++)
        {
            if (parent == ancestor)
            {
                return true;
            }

            pid = parent;
        }

        return false;
    }

    /// <summary>The fields of <c>/proc/{pid}/stat</c> after the command name: state, ppid, …; null when it is gone.</summary>
    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var end = stat.LastIndexOf(')');
            return end < 0 ? null : stat[(end + 2)..].Split(' ');
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
