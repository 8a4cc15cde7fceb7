using System.Diagnostics;
using System.Globalization;
using IntakePipeline.Core;
using IntakePipeline.Core.Intake;
using IntakePipeline.Core.Plan;
using IntakePipeline.Host.Standalone;
using IntakePipeline.Pipeline;
using IntakePipeline.Pipeline.Events;
using IntakePipeline.Storage;
using IntakePipeline.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IntakePipeline.EndToEnd;

/// <summary>
/// Issue 3 §6 in one run against one Azurite: the 540-file backfill (`--Bench:Years=10`: 1,080 files) through the standalone host's real watcher and
/// handler (in-process, the same composition as <c>intake run</c>), the floor (a bare loop of 100-entity batch upserts
/// of as many entities), their ratio, and the upload → Scorecard latency with the backfill present.
/// </summary>
internal static class EndToEndBenchmark
{
    private const int LatencyUploads = 60;
    private static readonly string[] _planTables = ["PlanIndicators", "PlanTargets"];
    private const string UploadPath = "intake upload (put, then its own event)";
    private const string WatcherPath = "plain SDK put (the watcher queues the event)";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var azurite = new AzuriteServer();
        await azurite.InitializeAsync().ConfigureAwait(false);
        try
        {
            return await RunAsync(azurite, args, output).ConfigureAwait(false);
        }
        finally
        {
            await azurite.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<int> RunAsync(AzuriteServer azurite, string[] args, TextWriter output)
    {
        // --Bench:Years=10 loads 10 years (1,080 files, 2021-01 … 2030-12); the host's clock is then the month after.
        var years = int.Parse(new ConfigurationBuilder().AddCommandLine(args).Build()["Bench:Years"] ?? "5", CultureInfo.InvariantCulture);
        var last = BackfillCorpus.First.AddMonths((years * 12) - 1);
        var clock = new ShiftedClock(last.AddMonths(1));
        var catalog = PlanCatalogLoader.LoadEmbedded();
        var corpus = new BackfillCorpus(catalog);
        var factory = new StorageClientFactory(StorageConnection.Parse(azurite.ConnectionString));
        var blobs = factory.CreateBlobStore();
        var tables = factory.CreateTableStore();
        var counting = new CountingTableStore(factory.CreateTableStore());
        var events = new HostEvents();
        await output.WriteLineAsync($"Azurite {(azurite.IsExternal ? "(external)" : "3.35.0, in memory")} at {Redacted(azurite)}; {Environment.ProcessorCount} cores (shared machine).").ConfigureAwait(false);

        // 1. The backfill's blobs, uploaded before the host starts (not timed): the host finds them all at its first listing.
        var files = corpus.Backfill(years);
        var rows = 0;
        foreach (var prefecture in Submitters.Prefectures)
        {
            await blobs.CreateContainerIfNotExistsAsync(SubmissionBlobName.IntakeContainer(prefecture.Code)).ConfigureAwait(false);
        }

        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (file, token) =>
        {
            await blobs.PutAsync(SubmissionBlobName.IntakeContainer(file.Submitter), file.Name, file.Content, cancellationToken: token).ConfigureAwait(false);
            Interlocked.Add(ref rows, CountLines(file.Content) - 1);
        }).ConfigureAwait(false);
        await output.WriteLineAsync($"Uploaded {files.Count} files ({rows} data rows) for {BackfillCorpus.First} … {last}, 9 prefectures; host clock {YearMonth.Of(clock.GetUtcNow(), TimeZoneInfo.Utc)}.").ConfigureAwait(false);

        // 2. The backfill through the real host.
        double backfillSeconds;
        double startSeconds;
        using (var host = BuildHost(azurite, args, counting, events, clock))
        {
            var started = Stopwatch.GetTimestamp();
            await host.StartAsync().ConfigureAwait(false);
            var seeded = await events.Seeded.WaitAsync(TimeSpan.FromMinutes(2)).ConfigureAwait(false);
            var done = await events.WhenProcessedAsync(files.Count).WaitAsync(TimeSpan.FromMinutes(30)).ConfigureAwait(false);
            startSeconds = Stopwatch.GetElapsedTime(started, seeded).TotalSeconds;
            backfillSeconds = Stopwatch.GetElapsedTime(seeded, done).TotalSeconds;
            await host.StopAsync().ConfigureAwait(false);
        }

        var accepted = events.AcceptedCount;
        var rejected = events.RejectedCount;
        var handlerEntities = events.HandlerEntities;
        var profile = counting.Counters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var entities = profile.Where(p => !_planTables.Contains(p.Key)).Sum(p => p.Value.Entities);

        // 3. The floor: the same number of entities, Scorecard-shaped, in 100-entity batch upserts, one batch at a time.
        var floorSeconds = await FloorAsync(tables, entities).ConfigureAwait(false);

        // 4. Latency: the host runs again over the 540 processed blobs; uploads for the current month, one at a time, first
        //    as `intake upload` makes them (the put, then its event), then as other tools do (a plain put that the watcher
        //    finds). After each phase, the CPU an idle host costs (this process and Azurite's) over a quiet window.
        var runs = new List<LatencyRun>();
        events.Reset();
        using (var host = BuildHost(azurite, args, new CountingTableStore(factory.CreateTableStore()), events, clock))
        {
            await host.StartAsync().ConfigureAwait(false);
            await events.Seeded.WaitAsync(TimeSpan.FromMinutes(2)).ConfigureAwait(false);
            var queue = host.Services.GetRequiredService<BlobEventQueue>();
            var round = 0;
            foreach (var path in new[] { UploadPath, WatcherPath })
            {
                var withEvent = path == UploadPath ? queue : null;
                var latencies = await LatenciesAsync(blobs, tables, corpus, last.AddMonths(1), round++, withEvent).ConfigureAwait(false);
                runs.Add(new LatencyRun(path, latencies, await IdleCpuAsync().ConfigureAwait(false)));
            }

            await host.StopAsync().ConfigureAwait(false);
        }

        Report(output, years, files.Count, accepted, rejected, handlerEntities, entities, startSeconds, backfillSeconds, floorSeconds, runs, profile, args);
        return 0;
    }

    /// <summary>
    /// The CPU (cores busy) of this process and its child processes (Azurite) while idle: after the phase's last
    /// outcome has settled (follow-up scans, tiered JIT), over a minute, so that the window holds one SendAlerts run.
    /// </summary>
    private static async Task<double> IdleCpuAsync()
    {
        await Task.Delay(TimeSpan.FromSeconds(15)).ConfigureAwait(false);
        var window = TimeSpan.FromSeconds(60);
        var before = ProcessTreeCpu.Seconds();
        var started = Stopwatch.GetTimestamp();
        await Task.Delay(window).ConfigureAwait(false);
        return (ProcessTreeCpu.Seconds() - before) / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static IHost BuildHost(AzuriteServer azurite, string[] args, CountingTableStore tables, HostEvents events, TimeProvider clock)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddJsonFile("appsettings.json", optional: true);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Azurite:AutoStart"] = "false",
        });
        builder.Configuration.AddCommandLine(args);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddProvider(events);

        // Registered before the host's own (TryAdd) registration, so the pipeline writes through the counters.
        builder.Services.AddSingleton<ITableStore>(tables);
        builder.Services.AddSingleton(clock);
        builder.Services.AddIntakeStandaloneHost(builder.Configuration);
        return builder.Build();
    }

    private static async Task<double> FloorAsync(ITableStore tables, long entities)
    {
        const string table = "FloorEntities";
        await tables.CreateTableIfNotExistsAsync(table).ConfigureAwait(false);
        var random = new Random(7);
        var started = Stopwatch.GetTimestamp();
        for (long written = 0; written < entities; written += TableBatchOperation.MaxBatchSize)
        {
            var count = (int)Math.Min(TableBatchOperation.MaxBatchSize, entities - written);
            var partition = "p" + (written / TableBatchOperation.MaxBatchSize).ToString("D5", CultureInfo.InvariantCulture);
            var batch = new List<TableBatchOperation>(count);
            for (var i = 0; i < count; i++)
            {
                batch.Add(TableBatchOperation.UpsertReplace(new TableRow(partition, "520100|U" + i.ToString("D3", CultureInfo.InvariantCulture))
                {
                    ["Period"] = "2024-06",
                    ["Actual"] = random.NextDouble() * 100,
                    ["Expected"] = random.NextDouble() * 100,
                    ["Target"] = 100.0,
                    ["TargetDate"] = "2025-12",
                    ["Baseline"] = 50.0,
                    ["Lag"] = random.NextDouble(),
                    ["Status"] = "OnTrack",
                    ["Projected"] = random.NextDouble() * 100,
                    ["Source"] = "黔发改城镇〔2022〕22号 专栏1",
                }));
            }

            await tables.SubmitBatchAsync(table, batch).ConfigureAwait(false);
        }

        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task<List<double>> LatenciesAsync(IBlobStore blobs, ITableStore tables, BackfillCorpus corpus, YearMonth period, int round, BlobEventQueue? queue)
    {
        var latencies = new List<double>(LatencyUploads);
        for (var i = 0; i < LatencyUploads; i++)
        {
            var submitter = Submitters.Prefectures[i % Submitters.Prefectures.Count].Code;
            var (content, indicator, value) = corpus.File(submitter, period, 1 + ((i + 1) * 0.001) + (round * 0.1));
            var started = Stopwatch.GetTimestamp();
            var container = SubmissionBlobName.IntakeContainer(submitter);
            var name = $"{period}/latency-{round}-{i:D2}.csv";
            if (queue is null)
            {
                await blobs.PutAsync(container, name, content).ConfigureAwait(false);
            }
            else
            {
                var put = new BlobPutOptions { Metadata = new Dictionary<string, string> { [BlobEventQueue.EventQueuedMetadata] = "true" } };
                var written = await blobs.PutAsync(container, name, content, put).ConfigureAwait(false);
                await queue.EnqueueAsync(new BlobVersion(container, name, written.ETag), content.Length).ConfigureAwait(false);
            }

            while (true)
            {
                var row = await tables.GetAsync("Scorecard", period.ToString(), submitter + "|" + indicator, ["Actual"]).ConfigureAwait(false);
                if (row?.GetDouble("Actual") is { } actual && Math.Abs(actual - value) <= 1e-9 * Math.Max(1, Math.Abs(value)))
                {
                    break;
                }

                if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException($"No Scorecard row {period} / {submitter}|{indicator} = {value} within 60 s of upload {i}.");
                }

                await Task.Delay(10).ConfigureAwait(false);
            }

            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return latencies;
    }

    private static void Report(
        TextWriter output,
        int years,
        int fileCount,
        int accepted,
        int rejected,
        long handlerEntities,
        long entities,
        double startSeconds,
        double backfillSeconds,
        double floorSeconds,
        List<LatencyRun> runs,
        Dictionary<string, TableCounters> profile,
        string[] args)
    {
        var ratio = backfillSeconds / floorSeconds;
        var c = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine(string.Create(c, $"End-to-end benchmark (standalone host in-process: the events queue, its listener and the watcher){(args.Length > 0 ? " with " + string.Join(' ', args) : string.Empty)}"));
        output.WriteLine("| Measure | Value |");
        output.WriteLine("|---|---|");
        output.WriteLine(string.Create(c, $"| Backfill files (accepted / rejected), {years} years | {fileCount} ({accepted} / {rejected}) |"));
        output.WriteLine(string.Create(c, $"| Host start to watcher seeded | {startSeconds:0.00} s |"));
        output.WriteLine(string.Create(c, $"| Backfill wall time (seeded → last receipt) | {backfillSeconds:0.00} s ({fileCount / backfillSeconds:0.0} files/s, {backfillSeconds / fileCount * 1000:0.0} ms a file) |"));
        output.WriteLine(string.Create(c, $"| Entities written (all writes incl. receipts; handler's own count) | {entities} ({handlerEntities}) — {entities / backfillSeconds:0} /s |"));
        output.WriteLine(string.Create(c, $"| Floor: {entities} entities in 100-entity batch upserts, one loop | {floorSeconds:0.00} s ({entities / floorSeconds:0} /s) |"));
        output.WriteLine(string.Create(c, $"| Ratio backfill / floor (goal ≤ 2) | {ratio:0.00} {(ratio <= 2 ? "met" : "NOT met")} |"));
        foreach (var (path, latencies, idleCpu) in runs)
        {
            latencies.Sort();
            var p50 = Percentile(latencies, 0.50);
            var p95 = Percentile(latencies, 0.95);
            var goal = path == UploadPath ? 500 : 2000;
            output.WriteLine(string.Create(c, $"| Upload → Scorecard latency via {path}, {latencies.Count} uploads, p50 / p95 / max (goal p95 < {goal} ms) | {p50:0} / {p95:0} / {latencies[^1]:0} ms {(p95 < goal ? "met" : "NOT met")} |"));
            output.WriteLine(string.Create(c, $"| Idle host + Azurite CPU after it (goal < 3 %) | {idleCpu * 100:0.0} % of a core {(idleCpu < 0.03 ? "met" : "NOT met")} |"));
        }

        output.WriteLine();
        output.WriteLine(string.Create(c, $"Where the backfill's storage calls went (per file = / {fileCount}; times are summed over the concurrent files):"));
        output.WriteLine("| Table | Entities | Batches | Single writes | Queries | Rows read | Point reads | Write s | Read s |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|");
        var total = new long[6];
        double writeSeconds = 0, readSeconds = 0;
        foreach (var (table, counters) in profile.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(c, $"| {table} | {counters.Entities} | {counters.Batches} | {counters.SingleWrites} | {counters.Queries} | {counters.RowsRead} | {counters.PointReads} | {counters.WriteTime.TotalSeconds:0.0} | {counters.ReadTime.TotalSeconds:0.0} |"));
            if (!_planTables.Contains(table))
            {
                total[0] += counters.Entities;
                total[1] += counters.Batches;
                total[2] += counters.SingleWrites;
                total[3] += counters.Queries;
                total[4] += counters.RowsRead;
                total[5] += counters.PointReads;
                writeSeconds += counters.WriteTime.TotalSeconds;
                readSeconds += counters.ReadTime.TotalSeconds;
            }
        }

        output.WriteLine(string.Create(c, $"| per file (without plan tables) | {total[0] / (double)fileCount:0.0} | {total[1] / (double)fileCount:0.0} | {total[2] / (double)fileCount:0.0} | {total[3] / (double)fileCount:0.0} | {total[4] / (double)fileCount:0.0} | {total[5] / (double)fileCount:0.0} | {writeSeconds / fileCount * 1000:0} ms | {readSeconds / fileCount * 1000:0} ms |"));
    }

    private static double Percentile(List<double> sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static int CountLines(byte[] content)
    {
        var lines = 0;
        foreach (var b in content)
        {
            lines += b == (byte)'\n' ? 1 : 0;
        }

        return lines;
    }

    private static string Redacted(AzuriteServer azurite) => azurite.IsExternal ? "INTAKE_TEST_STORAGE" : azurite.TableEndpoint.ToString();
}
