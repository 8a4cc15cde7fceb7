using System.Diagnostics;
using IntakePipeline.Host.Tests.Standalone;
using IntakePipeline.Storage;
using IntakePipeline.Testing;

namespace IntakePipeline.Host.Tests.Reliability;

/// <summary>
/// "A client other than ours can read them" (issue 3, Done means): <c>tests/js/read-tables.mjs</c> reads Scorecard and
/// Submissions with the npm <c>@azure/data-tables</c> SDK after the standalone host has processed a sample.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class ReadTablesScriptTests(AzuriteServer azurite) : IClassFixture<AzuriteServer>
{
    [Fact]
    public async Task ReadTablesScript_AfterIngest_ReadsTypedRowsWithOurCounts()
    {
        var script = Path.Combine(RepositoryRoot.Path, "tests", "js", "read-tables.mjs");
        var sdk = Path.Combine(RepositoryRoot.Path, "node_modules", "@azure", "data-tables", "package.json");
        Assert.True(File.Exists(sdk), $"{sdk} is missing: run 'npm ci' in {RepositoryRoot.Path}.");

        var period = InProcessHost.CurrentMonth.AddMonths(-1);
        var files = new[]
        {
            GeneratedSubmissions.Create("520100", period, format: 0, mistake: 0),
            GeneratedSubmissions.Create("520300", period, format: 1, mistake: 0),
            GeneratedSubmissions.Create("520000", period, format: 2, mistake: 0),
            GeneratedSubmissions.Create("520500", period, format: 0, mistake: 1),
        };
        await using (var host = await InProcessHost.StartAsync(azurite))
        {
            foreach (var file in files)
            {
                await host.Blobs.CreateContainerIfNotExistsAsync(file.Container);
                var written = await host.Blobs.PutAsync(file.Container, file.Name, file.Content);
                Assert.NotNull(await host.WaitForReceiptAsync(new Pipeline.BlobVersion(file.Container, file.Name, written.ETag), TimeSpan.FromSeconds(60)));
            }
        }

        var tables = new StorageClientFactory(StorageConnection.Parse(azurite.ConnectionString)).CreateTableStore();
        var scorecardRows = await CountAsync(tables, "Scorecard");
        var submissionRows = await CountAsync(tables, "Submissions");

        var (exitCode, output, error) = await RunNodeAsync(script, azurite.ConnectionString);

        Assert.True(exitCode == 0, $"read-tables.mjs exited with {exitCode}:\n{output}\n{error}");
        Assert.Contains($"Scorecard rows: {scorecardRows}\n", output, StringComparison.Ordinal);
        Assert.Contains($"Submissions rows: {submissionRows}\n", output, StringComparison.Ordinal);
        Assert.Contains("Submissions accepted: 3\n", output, StringComparison.Ordinal);
        Assert.True(scorecardRows > 0 && submissionRows == files.Length, output);
    }

    private static async Task<int> CountAsync(ITableStore tables, string table)
    {
        var count = 0;
        await foreach (var row in tables.QueryAsync(table, TableQuery.All with { Select = ["PartitionKey"] }))
        {
            count++;
        }

        return count;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunNodeAsync(string script, string connectionString)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.Environment["AzureWebJobsStorage"] = connectionString;
        using var node = Process.Start(start) ?? throw new InvalidOperationException("Could not start node; Node.js 20+ must be on PATH.");
        var output = node.StandardOutput.ReadToEndAsync();
        var error = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await node.WaitForExitAsync(timeout.Token);
        return (node.ExitCode, (await output).ReplaceLineEndings("\n"), await error);
    }
}
