using System.Globalization;
using IntakePipeline.Core;
using IntakePipeline.Storage;
using Xunit.Abstractions;

namespace IntakePipeline.Host.Tests.Reliability;

/// <summary>
/// Issue 3 §5 with real processes: the built <c>intake run</c> executable against a persistent-disk Azurite of each
/// test's own. Run them alone with <c>dotnet test tests/IntakePipeline.Host.Tests --filter Category=Reliability</c>.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class RunCommandTests(ITestOutputHelper output)
{
    private const string SeedVariable = "INTAKE_RELIABILITY_SEED";
    private const int CrashFiles = 50;
    private const int Kills = 10;
    private static readonly TimeSpan _ingestTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Run_KilledAtRandomMomentsDuringIngest_TablesMatchCleanRun()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), CultureInfo.InvariantCulture, out var fixedSeed)
            ? fixedSeed
            : Environment.TickCount & int.MaxValue;
        output.WriteLine($"Random seed {seed} (set {SeedVariable}={seed} to repeat the kill moments).");
        var random = new Random(seed);

        await using var storage = await ReliabilityStorage.StartAsync();
        var files = GeneratedSubmissions.Generate(CrashFiles, new YearMonth(2024, 1));
        await storage.UploadAsync(files);

        // Both runs read the very same blob versions (so the same last-modified times and submission ids) and write into
        // two table sets of the same account. One message at a time, so both runs process in the same (listing) order: with
        // history (outliers, projections), the order of a submitter's months decides the results, crash or no crash. The
        // standalone host rebuilds its queue in that order at every start.
        var crashed = new TableSet("Crash");
        var clean = new TableSet("Clean");
        var crashEnvironment = storage.HostEnvironment(crashed, ("extensions__queues__batchSize", "1"));

        var killsWithWorkLeft = 0;
        var killsAfterProgress = 0;
        for (var kill = 1; kill <= Kills; kill++)
        {
            using var host = IntakeProcess.Start(crashEnvironment);
            var before = await crashed.CountFinalReceiptsAsync(storage.Tables);
            string moment;
            if (random.NextDouble() < 0.25)
            {
                // Anywhere in start-up: configuration, storage setup, plan publication, seeding, the first file.
                var delay = random.Next(200, 2500);
                await Task.Delay(delay);
                moment = $"{delay} ms after start";
            }
            else
            {
                // Into the n-th file this process takes up, so that the kills spread over the whole ingest.
                var nth = random.Next(1, 5);
                var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
                while (host.ReceivedCount < nth && !host.HasExited && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(20);
                }

                var delay = random.Next(0, 700);
                await Task.Delay(delay);
                moment = $"{delay} ms after taking up file {nth} of this run";
            }

            Assert.False(host.HasExited, $"intake run exited on its own before kill {kill}:\n{host.Output}");
            await host.KillAsync();
            var after = await crashed.CountFinalReceiptsAsync(storage.Tables);
            output.WriteLine($"Kill {kill}: SIGKILL {moment}; receipts {before} → {after} of {CrashFiles}.");
            killsWithWorkLeft += after < CrashFiles ? 1 : 0;
            killsAfterProgress += after > 0 ? 1 : 0;
        }

        using (var last = IntakeProcess.Start(crashEnvironment))
        {
            Assert.True(await storage.WaitForReceiptsAsync(crashed, CrashFiles, _ingestTimeout, () => !last.HasExited), $"The crashed run did not finish:\n{last.Output}");
            Assert.True(await storage.WaitForMailSentAsync(crashed, TimeSpan.FromSeconds(30)), $"The crashed run's mail was not sent:\n{last.Output}");
            await last.StopAsync(TimeSpan.FromSeconds(10));
        }

        using (var single = IntakeProcess.Start(storage.HostEnvironment(clean, ("extensions__queues__batchSize", "1"))))
        {
            Assert.True(await storage.WaitForReceiptsAsync(clean, CrashFiles, _ingestTimeout, () => !single.HasExited), $"The clean run did not finish:\n{single.Output}");
            Assert.True(await storage.WaitForMailSentAsync(clean, TimeSpan.FromSeconds(30)), $"The clean run's mail was not sent:\n{single.Output}");
            await single.StopAsync(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(Kills, killsWithWorkLeft);
        Assert.True(killsAfterProgress > 0, "No kill landed after the first file was processed.");
        var crashedDump = await crashed.DumpAsync(storage.Tables);
        var cleanDump = await clean.DumpAsync(storage.Tables);
        foreach (var (table, rows) in cleanDump)
        {
            var crashedRows = crashedDump[table];
            var missing = rows.Except(crashedRows).Take(3).ToList();
            var extra = crashedRows.Except(rows).Take(3).ToList();
            output.WriteLine($"{table}: {rows.Count} rows clean, {crashedRows.Count} after the crashes.");
            Assert.True(
                missing.Count == 0 && extra.Count == 0 && rows.Count == crashedRows.Count,
                $"{table} differs: {rows.Count} rows in the clean run, {crashedRows.Count} after the crashes.\n"
                + $"Only in the clean run:\n  {string.Join("\n  ", missing)}\nOnly after the crashes:\n  {string.Join("\n  ", extra)}");
        }

        Assert.True(
            files.Count(f => f.Valid) == cleanDump["Submissions"].Count(r => r.Contains("Status:String=Accepted", StringComparison.Ordinal)),
            "Unexpected rejections:\n" + string.Join("\n", cleanDump["ValidationIssues"].Take(20)));
        Assert.Equal(files.Count(f => f.Valid), cleanDump["Submissions"].Count(r => r.Contains("Status:String=Accepted", StringComparison.Ordinal)));
        Assert.Equal(files.Count(f => !f.Valid), cleanDump["Submissions"].Count(r => r.Contains("Status:String=Rejected", StringComparison.Ordinal)));
        Assert.Empty(crashedDump["Poison"]);
    }

    [Fact]
    public async Task Run_StorageStoppedMidIngest_EveryFileProcessedNoneLost()
    {
        await using var storage = await ReliabilityStorage.StartAsync();
        var tables = new TableSet("Outage");

        // 10 submitters × the 3 hot months, so the watcher polls every folder each second.
        var files = GeneratedSubmissions.Generate(30, ReliabilityStorage.CurrentMonth.AddMonths(-2));
        using var host = IntakeProcess.Start(storage.HostEnvironment(tables, ("Watcher__PollInterval", "00:00:00.500")));
        await WaitForLineAsync(host, "Watching ");
        await storage.UploadAsync(files);
        await Task.WhenAny(host.FirstReceived, Task.Delay(TimeSpan.FromSeconds(30)));
        await Task.Delay(300);

        var before = await tables.CountFinalReceiptsAsync(storage.Tables);
        await storage.Azurite.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(5));
        await storage.Azurite.StartAsync();
        output.WriteLine($"Azurite was stopped for 5 s with {before} of {files.Count} files processed.");

        Assert.True(await storage.WaitForReceiptsAsync(tables, files.Count, _ingestTimeout, () => !host.HasExited), $"Not every file was processed:\n{host.Output}");
        await host.StopAsync(TimeSpan.FromSeconds(10));
        Assert.True(before < files.Count, "The outage came after the ingest had finished; it proved nothing.");

        var outcomes = (await tables.OutcomesAsync(storage.Tables)).ToDictionary(o => o.Blob, o => o.Outcome, StringComparer.Ordinal);
        foreach (var file in files)
        {
            Assert.Equal(file.Valid ? "Accepted" : "Rejected", outcomes[file.Container + "/" + file.Name]);
        }

        var submissions = 0;
        foreach (var submitter in Submitters.All)
        {
            submissions += (await storage.SubmissionsAsync(tables, submitter.Code)).Count;
        }

        Assert.Equal(files.Count, submissions);
        Assert.Empty(await ToListAsync(storage.Tables.QueryAsync(tables.Names.Poison, TableQuery.All)));
    }

    [Fact]
    public async Task Run_IdenticalThenCorrectedReupload_UnchangedThenSupersedesKeepingBothRows()
    {
        await using var storage = await ReliabilityStorage.StartAsync();
        var tables = new TableSet("Reupload");
        const string submitter = "520300";
        var period = ReliabilityStorage.CurrentMonth.AddMonths(-1);
        var original = GeneratedSubmissions.Create(submitter, period, format: 1, mistake: 0);
        var corrected = GeneratedSubmissions.Create(submitter, period, format: 1, mistake: 0, scale: 1.02);

        using var host = IntakeProcess.Start(storage.HostEnvironment(tables, ("Watcher__PollInterval", "00:00:00.500")));
        await WaitForLineAsync(host, "Watching ");

        await storage.UploadAsync(original);
        Assert.True(await storage.WaitForReceiptsAsync(tables, 1, _ingestTimeout, () => !host.HasExited), host.Output);
        var afterFirst = await tables.DumpAsync(storage.Tables);

        await storage.UploadAsync(original);
        Assert.True(await storage.WaitForReceiptsAsync(tables, 2, _ingestTimeout, () => !host.HasExited), host.Output);
        var afterIdentical = await tables.DumpAsync(storage.Tables);

        await storage.UploadAsync(corrected);
        Assert.True(await storage.WaitForReceiptsAsync(tables, 3, _ingestTimeout, () => !host.HasExited), host.Output);
        await host.StopAsync(TimeSpan.FromSeconds(10));

        var outcomes = (await tables.OutcomesAsync(storage.Tables)).Select(o => o.Outcome).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Accepted", "Accepted", "Unchanged"], outcomes);
        foreach (var table in new[] { "Submissions", "Observations", "ValidationIssues", "Scorecard", "ScorecardLatest" })
        {
            Assert.Equal(afterFirst[table], afterIdentical[table]);
        }

        var rows = (await storage.SubmissionsAsync(tables, submitter)).OrderBy(r => r.RowKey, StringComparer.Ordinal).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("Superseded", rows[0].Status);
        Assert.Equal("Accepted", rows[1].Status);
        var currentId = rows[1].RowKey[(period.ToString().Length + 1)..];
        var observations = await ToListAsync(storage.Tables.QueryAsync(tables.Names.Observations, TableQuery.Partition(submitter)));
        Assert.NotEmpty(observations);
        Assert.All(observations, o => Assert.Equal(currentId, o.GetString("SubmissionId")));
    }

    private static async Task WaitForLineAsync(IntakeProcess host, string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!host.Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.False(host.HasExited, $"intake run exited:\n{host.Output}");
            Assert.True(DateTime.UtcNow < deadline, $"intake run did not log '{text}' within 60 s:\n{host.Output}");
            await Task.Delay(100);
        }
    }

    private static async Task<List<TableRow>> ToListAsync(IAsyncEnumerable<TableRow> rows)
    {
        var list = new List<TableRow>();
        await foreach (var row in rows)
        {
            list.Add(row);
        }

        return list;
    }
}
