using System.Text.RegularExpressions;
using IntakePipeline.Host.Cli;
using IntakePipeline.Host.Tests.Cli;
using IntakePipeline.Testing;

namespace IntakePipeline.Host.Tests;

/// <summary>
/// Keeps the documentation's examples honest. In <c>README.md</c> and every <c>docs/*.md</c>, each <c>intake</c> line of
/// a <c>bash</c> block (the commands that need no storage) is run, and each one of an <c>sh</c> block (the commands that
/// need a running pipeline) must parse: the command and its options exist and the files it names are there.
/// <c>StorageCommandsTests</c> runs the storage commands against a real host and Azurite.
/// </summary>
public sealed partial class ReadmeExamplesTests : IDisposable
{
    private const string HostPrefix = "dotnet run --project src/IntakePipeline.Host -- ";
    private const string Helper = "intake() { dotnet run --project src/IntakePipeline.Host -- \"$@\"; }";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("intake-readme-");

    public void Dispose() => _folder.Delete(recursive: true);

    public static TheoryData<string, string> StorageFreeExamples() => Examples("bash");

    public static TheoryData<string, string> StorageExamples() => Examples("sh");

    [Theory]
    [MemberData(nameof(StorageFreeExamples))]
    public async Task StorageFreeExample_Runs_WithTheDocumentedExitCode(string document, string example)
    {
        // "> file" redirections are the shell's business; output files go to a temp folder.
        var words = Words(example).TakeWhile(w => w != ">").ToArray();
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i] is "-o" or "--output")
            {
                words[i + 1] = Path.Combine(_folder.FullName, words[i + 1]);
            }
        }

        var (exitCode, output, error) = await CliRun.RunAsync(words);

        // The documents say the 铜仁 sample is rejected; everything else succeeds.
        Assert.True(exitCode == (example.Contains("铜仁", StringComparison.Ordinal) ? 1 : 0), $"{document}: {example}\n{output}\n{error}");
        Assert.False(string.IsNullOrWhiteSpace(output));
    }

    [Theory]
    [MemberData(nameof(StorageExamples))]
    public void StorageExample_Parses_WithoutErrors(string document, string example)
    {
        var result = IntakeCommandLine.Build().Parse(Words(example));

        Assert.True(result.Errors.Count == 0, $"{document}: {example}\n{string.Join('\n', result.Errors.Select(e => e.Message))}");
    }

    [Fact]
    public void Examples_AreFound()
    {
        Assert.True(StorageFreeExamples().Count >= 6);
        Assert.True(StorageExamples().Count >= 5);
    }

    [Fact]
    public void Readme_TestCommand_IsWhatCiRuns()
    {
        var ci = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, ".ci", "run"));
        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "README.md"));
        var twoCommands = readme.SkipWhile(l => l != "```sh").Skip(1).TakeWhile(l => l != "```").ToArray();

        Assert.Equal([HostPrefix + "run", "dotnet test IntakePipeline.sln"], twoCommands);
        Assert.Contains("dotnet test IntakePipeline.sln", ci);
    }

    [Fact]
    public void Readme_DefinesTheIntakeHelper_BeforeItsFirstUse()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "README.md"));

        var definition = Array.IndexOf(readme, Helper);
        var firstUse = Array.FindIndex(readme, l => l.Contains("`intake ", StringComparison.Ordinal) || l.StartsWith("intake ", StringComparison.Ordinal));

        Assert.True(definition >= 0, "README.md does not define the intake shell helper.");
        Assert.True(definition < firstUse, $"README.md uses intake on line {firstUse + 1}, before the helper on line {definition + 1}.");
    }

    /// <summary>(document, <c>intake …</c> command) for every distinct such line of a <paramref name="language"/> block.</summary>
    private static TheoryData<string, string> Examples(string language)
    {
        var examples = new List<(string Document, string Command)>();
        foreach (var path in Documents())
        {
            var document = Path.GetRelativePath(RepositoryRoot.Path, path);
            var inBlock = false;
            foreach (var line in File.ReadLines(path))
            {
                var text = line.Trim();
                if (text.StartsWith("```", StringComparison.Ordinal))
                {
                    inBlock = !inBlock && text == "```" + language;
                    continue;
                }

                var command = TrailingComment().Replace(text, string.Empty);
                if (inBlock && command.StartsWith(HostPrefix, StringComparison.Ordinal))
                {
                    examples.Add((document, "intake " + command[HostPrefix.Length..]));
                }
                else if (inBlock && command.StartsWith("intake ", StringComparison.Ordinal))
                {
                    examples.Add((document, command));
                }
            }
        }

        var data = new TheoryData<string, string>();
        foreach (var (document, command) in examples.Distinct())
        {
            data.Add(document, command);
        }

        return data;
    }

    private static IEnumerable<string> Documents() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "docs"), "*.md")
            .Order(StringComparer.Ordinal)
            .Prepend(Path.Combine(RepositoryRoot.Path, "README.md"));

    /// <summary>The arguments after <c>intake</c>, with the repository's sample paths made absolute.</summary>
    private static string[] Words(string example) =>
        [.. example.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(w => w.StartsWith("seeds/", StringComparison.Ordinal) ? Path.Combine(RepositoryRoot.Path, w) : w)];

    [GeneratedRegex(@"\s+#.*$")]
    private static partial Regex TrailingComment();
}
