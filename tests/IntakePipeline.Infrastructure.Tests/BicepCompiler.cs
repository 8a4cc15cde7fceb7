using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using IntakePipeline.Testing;

namespace IntakePipeline.Infrastructure.Tests;

/// <summary>
/// Compiles Bicep files with the real compiler from the Azure.Bicep.CommandLine.linux-x64 package (restored by the
/// project's PackageDownload), offline. Each file is compiled once per test run.
/// </summary>
internal static class BicepCompiler
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<BicepBuild>>> _builds = new();

    /// <summary>The restored <c>bicep</c> executable.</summary>
    public static string ExecutablePath { get; } = typeof(BicepCompiler).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BicepPath").Value!;

    /// <summary>The repository's <c>infra</c> folder.</summary>
    public static string InfraFolder { get; } = Path.Combine(RepositoryRoot.Path, "infra");

    /// <summary>Every <c>.bicep</c> file under <c>infra</c>, relative to it.</summary>
    public static IEnumerable<string> AllFiles() =>
        Directory.EnumerateFiles(InfraFolder, "*.bicep", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(InfraFolder, f))
            .Order(StringComparer.Ordinal);

    /// <summary>Builds <paramref name="relativePath"/> (under <c>infra</c>) to ARM JSON.</summary>
    public static Task<BicepBuild> BuildAsync(string relativePath) =>
        _builds.GetOrAdd(relativePath, path => new Lazy<Task<BicepBuild>>(() => CompileAsync(path))).Value;

    /// <summary>Builds <c>infra/main.bicep</c> and fails when the compiler reports anything.</summary>
    public static async Task<JsonObject> MainTemplateAsync()
    {
        var build = await BuildAsync("main.bicep");
        Assert.True(build.Succeeded, build.Describe());
        return build.Template!;
    }

    private static async Task<BicepBuild> CompileAsync(string relativePath)
    {
        Assert.True(File.Exists(ExecutablePath), $"The Bicep compiler is not at {ExecutablePath}: restore the test project.");
        var output = Path.Combine(Path.GetTempPath(), $"intake-bicep-{Guid.NewGuid():N}.json");
        try
        {
            var run = await ToolRun.RunAsync(
                ExecutablePath,
                ["build", Path.Combine(InfraFolder, relativePath), "--outfile", output],
                TimeSpan.FromMinutes(2),
                InfraFolder);
            var template = run.ExitCode == 0 && File.Exists(output)
                ? JsonNode.Parse(await File.ReadAllTextAsync(output))!.AsObject()
                : null;
            return new BicepBuild(relativePath, run.ExitCode, (run.Output + run.Error).Trim(), template);
        }
        finally
        {
            File.Delete(output);
        }
    }
}

/// <summary>The result of one <c>bicep build</c>.</summary>
/// <param name="File">The file, relative to <c>infra</c>.</param>
/// <param name="ExitCode">The compiler's exit code.</param>
/// <param name="Diagnostics">Everything the compiler printed: errors and linter warnings.</param>
/// <param name="Template">The ARM JSON, when it compiled.</param>
internal sealed record BicepBuild(string File, int ExitCode, string Diagnostics, JsonObject? Template)
{
    /// <summary>Compiled, with no error and no warning.</summary>
    public bool Succeeded => ExitCode == 0 && Template is not null && Diagnostics.Length == 0;

    public string Describe() => $"bicep build {File} exited {ExitCode}:\n{Diagnostics}";
}
