using IntakePipeline.Host.Tests.Cli;
using IntakePipeline.Testing;

namespace IntakePipeline.Host.Tests;

/// <summary>
/// Runs every <c>intake</c> example in the README's <c>bash</c> blocks (the commands that need no storage), so the manual
/// cannot drift from the program. The storage commands are in <c>sh</c> blocks; <c>StorageCommandsTests</c> runs them
/// against a real host and Azurite.
/// </summary>
public sealed class ReadmeExamplesTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("intake-readme-");

    public void Dispose() => _folder.Delete(recursive: true);

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        var inBlock = false;
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot.Path, "README.md")))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = line == "```bash";
                continue;
            }

            var command = line.Trim();
            if (inBlock && command.StartsWith("dotnet run --project src/IntakePipeline.Host -- ", StringComparison.Ordinal))
            {
                data.Add("intake " + command["dotnet run --project src/IntakePipeline.Host -- ".Length..]);
            }
            else if (inBlock && command.StartsWith("intake ", StringComparison.Ordinal))
            {
                data.Add(command);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task ReadmeExample_Runs_WithTheDocumentedExitCode(string example)
    {
        // "> file" redirections are the shell's business; output files go to a temp folder.
        var words = example.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).TakeWhile(w => w != ">").ToArray();
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i].StartsWith("seeds/", StringComparison.Ordinal))
            {
                words[i] = Path.Combine(RepositoryRoot.Path, words[i]);
            }
            else if (words[i] is "-o" or "--output")
            {
                words[i + 1] = Path.Combine(_folder.FullName, words[i + 1]);
            }
        }

        var (exitCode, output, error) = await CliRun.RunAsync(words);

        // The README says the 铜仁 sample is rejected; everything else succeeds.
        Assert.True(exitCode == (example.Contains("铜仁", StringComparison.Ordinal) ? 1 : 0), $"{example}\n{output}\n{error}");
        Assert.False(string.IsNullOrWhiteSpace(output));
    }

    [Fact]
    public void Examples_AreFound() => Assert.True(Examples().Count >= 6);
}
