namespace IntakePipeline.Infrastructure.Tests;

/// <summary>A fact that needs ShellCheck (<c>shellcheck</c> on PATH); skipped, visibly, where it is not installed. CI installs it.</summary>
public sealed class ShellcheckFactAttribute : FactAttribute
{
    /// <summary>The shellcheck executable, or null.</summary>
    public static string? Executable { get; } =
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "shellcheck"))
            .FirstOrDefault(File.Exists);

    public ShellcheckFactAttribute()
    {
        if (Executable is null)
        {
            Skip = "ShellCheck (shellcheck) is not installed; .ci/run installs it (apt-get install shellcheck).";
        }
    }
}
