using System.CommandLine;
using System.Globalization;
using IntakePipeline.Core;
using IntakePipeline.Core.Formatting;
using IntakePipeline.Host.Cli;
using IntakePipeline.Pipeline;
using IntakePipeline.Pipeline.Receipts;
using IntakePipeline.Storage;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// <c>intake demo [--samples &lt;dir&gt;] [--wait 60]</c>: uploads the bundled samples (<c>seeds/samples/{yyyy-MM}/{单位}-….csv|xlsx|json</c>)
/// month by month, waits for a running <c>intake run</c> to process them, then prints what landed: counts per table,
/// the rejected files with their first issues, and the behind-schedule indicators of the latest month.
/// </summary>
/// <remarks>
/// The samples were recorded for past months, and uploaded as they are they would all be late. So that the demo looks
/// like a normal month, they are relabelled (their folder, file name and <c>期间</c> values) to end at the month being
/// collected now, whose deadline is still ahead (<see cref="DeadlinesOptions.CollectingPeriod"/>); the values are
/// unchanged. The demo says so before it starts.
/// </remarks>
internal static class DemoCommand
{
    private static readonly string[] _behind = ["SeriouslyBehind", "Behind", "AtRisk"];

    public static Command Create()
    {
        var samples = new Option<DirectoryInfo?>("--samples") { Description = "The samples folder (default: seeds/samples above the program or the current folder)." };
        var wait = new Option<int>("--wait") { Description = "Seconds to wait for each month's files to be processed.", DefaultValueFactory = _ => 60 };
        var command = new Command("demo", "Upload the bundled sample submissions for several months and prefectures, and show what landed in the tables.")
        {
            samples, wait,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var folder = parseResult.GetValue(samples)?.FullName ?? FindSamples();
            if (folder is null || !Directory.Exists(folder))
            {
                await error.WriteLineAsync("找不到示例文件夹 seeds/samples；请在仓库内运行，或用 --samples 指定。").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            await using var storage = await CliStorage.ConnectAsync(error, cancellationToken).ConfigureAwait(false);
            if (storage is null)
            {
                return ExitCodes.StorageUnavailable;
            }

            return await RunAsync(output, storage, folder, TimeSpan.FromSeconds(Math.Max(1, parseResult.GetValue(wait))), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>The sample files: (submitter, period, path), in period order; files whose name names no submitter are skipped.</summary>
    internal static List<(string Submitter, YearMonth Period, string Path)> ListSamples(string folder)
    {
        var samples = new List<(string, YearMonth, string)>();
        foreach (var directory in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            if (!YearMonth.TryParse(Path.GetFileName(directory), out var period))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
            {
                if (SubmitterOf(Path.GetFileName(file)) is { } submitter)
                {
                    samples.Add((submitter, period, file));
                }
            }
        }

        return samples;
    }

    /// <summary>The submitter a sample's file name starts with: a prefecture's name, or 贵州省… for the province.</summary>
    internal static string? SubmitterOf(string fileName)
    {
        foreach (var submitter in Submitters.Prefectures)
        {
            if (fileName.StartsWith(submitter.Name, StringComparison.Ordinal))
            {
                return submitter.Code;
            }
        }

        return fileName.StartsWith("贵州省", StringComparison.Ordinal) ? Submitters.Province : null;
    }

    private static async Task<int> RunAsync(TextWriter output, CliStorage storage, string folder, TimeSpan wait, CancellationToken cancellationToken)
    {
        var samples = ListSamples(folder);
        if (samples.Count == 0)
        {
            await output.WriteLineAsync($"示例文件夹 {folder} 里没有示例文件（{{yyyy-MM}}/{{单位}}-….csv|xlsx|json）。").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var uploader = new SubmissionUploader(storage);
        var results = new List<(BlobVersion Blob, BlobReceipt? Receipt)>();
        YearMonth? latest = null;
        var months = SampleMonths.EndingAt(samples.Select(s => s.Period), storage.Deadlines.CollectingPeriod(storage.Clock.GetUtcNow()));
        await WriteStoryAsync(output, months, storage.Deadlines).ConfigureAwait(false);

        // Month by month, so that each month is validated against the previous month's accepted values.
        foreach (var month in samples.GroupBy(s => s.Period).OrderBy(g => g.Key))
        {
            latest = months.Relabel(month.Key);
            var uploaded = new List<BlobVersion>();
            foreach (var (submitter, period, path) in month)
            {
                var content = months.Relabel(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), Path.GetExtension(path));
                var name = months.Relabel(Path.GetFileName(path));
                var blob = await uploader.UploadAsync(submitter, months.Relabel(period), name, content, cancellationToken).ConfigureAwait(false);
                uploaded.Add(blob);
                await output.WriteLineAsync($"已上传 {blob.Container}/{blob.Name}").ConfigureAwait(false);
            }

            foreach (var blob in uploaded)
            {
                var receipt = await uploader.WaitAsync(blob, wait, cancellationToken).ConfigureAwait(false);
                results.Add((blob, receipt));
                await output.WriteLineAsync($"　{blob.Container}/{blob.Name}：{OutcomeText(receipt)}{await LatenessAsync(storage, blob, receipt, cancellationToken).ConfigureAwait(false)}")
                    .ConfigureAwait(false);
            }
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("各表行数：").ConfigureAwait(false);
        foreach (var table in new[]
        {
            storage.Names.Submissions, storage.Names.Observations, storage.Names.ValidationIssues, storage.Names.Scorecard,
            storage.Names.ScorecardLatest, storage.Names.PlanIndicators, storage.Names.PlanTargets, storage.Names.BlobReceipts,
        })
        {
            var count = 0;
            await foreach (var row in storage.Tables.QueryAsync(table, TableQuery.All, cancellationToken).ConfigureAwait(false))
            {
                count++;
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"　{table,-18}{count,6}")).ConfigureAwait(false);
        }

        foreach (var (blob, receipt) in results)
        {
            if (receipt?.Outcome == nameof(SubmissionOutcomeKind.Rejected))
            {
                await output.WriteLineAsync().ConfigureAwait(false);
                await output.WriteLineAsync($"被退回的文件：{blob.Container}/{blob.Name}").ConfigureAwait(false);
                await uploader.DescribeAsync(output, blob, receipt, maxIssues: 5, cancellationToken).ConfigureAwait(false);
            }
        }

        if (latest is { } latestMonth)
        {
            await WriteBehindAsync(output, storage, latestMonth, cancellationToken).ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("用 `intake status` 查看报送记录；任何 Azure Tables 客户端（Power BI、Excel）都可直接读取这些表。").ConfigureAwait(false);
        return results.TrueForAll(r => r.Receipt is not null) ? ExitCodes.Success : ExitCodes.TimedOut;
    }

    private static async Task WriteStoryAsync(TextWriter output, SampleMonths months, DeadlinesOptions deadlines)
    {
        var current = months.Latest;
        var deadline = deadlines.DeadlineFor(current).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        await output.WriteLineAsync(
            $"演示：示例文件（seeds/samples）录于 {string.Join("、", months.Recorded)}，这里把它们当作 {string.Join("、", months.Shown)} 的报送上传"
            + "（目录、文件名和“期间”列随之改写，数值不变）。").ConfigureAwait(false);
        await output.WriteLineAsync(
            $"{current} 是正在收集的报送月，截止时间 {deadline}（{deadlines.TimeZone}）尚未到，这个月的文件都是按时报送；"
            + (months.Shown.Count > 1 ? "更早月份的截止时间已过，那几个文件扮演补报，标为逾期。" : string.Empty)).ConfigureAwait(false);
        await output.WriteLineAsync(
            $"示例数值是 {months.Recorded[^1]} 时的水平，却按 {current} 的规划进度评估，所以落后的指标会偏多：这来自示例数据，不是系统故障。").ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
    }

    private static async Task<string> LatenessAsync(CliStorage storage, BlobVersion blob, BlobReceipt? receipt, CancellationToken cancellationToken)
    {
        if (receipt?.SubmissionId is not { } submissionId || !Core.Intake.SubmissionBlobName.TryParse(blob.Container, blob.Name, out var name))
        {
            return string.Empty;
        }

        var row = await storage.Tables.GetAsync(storage.Names.Submissions, name.Submitter, $"{name.Period}|{submissionId}", cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return row?.GetBoolean("Late") switch
        {
            true => "（逾期报送）",
            false => "（按时报送）",
            null => string.Empty,
        };
    }

    private static async Task WriteBehindAsync(TextWriter output, CliStorage storage, YearMonth period, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"{period} 进度落后或有风险的指标：").ConfigureAwait(false);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var indicator in storage.Tables.QueryAsync(storage.Names.PlanIndicators, TableQuery.All, cancellationToken).ConfigureAwait(false))
        {
            names[indicator.RowKey] = indicator.GetString("Name") ?? indicator.RowKey;
        }

        var found = 0;
        await foreach (var row in storage.Tables.QueryAsync(storage.Names.Scorecard, TableQuery.Partition(period.ToString()), cancellationToken).ConfigureAwait(false))
        {
            var status = row.GetString("Status");
            if (status is null || Array.IndexOf(_behind, status) < 0)
            {
                continue;
            }

            found++;
            var parts = row.RowKey.Split('|');
            var scope = Submitters.Find(parts[0])?.Name ?? parts[0];
            var indicator = parts.Length > 1 ? parts[1] : row.RowKey;
            var partial = row.GetInt32("ReportedCount") is { } reported && row.GetInt32("ExpectedCount") is { } expected && reported < expected
                ? string.Create(CultureInfo.InvariantCulture, $"（部分汇总：已报 {reported}/{expected}）")
                : string.Empty;
            var figures = DisplayNumber.Together(row.GetDouble("Actual"), row.GetDouble("Expected"), row.GetDouble("Target"));
            var lag = row.GetDouble("Lag") switch
            {
                > 0 and double behind => "，落后 " + DisplayNumber.Percent(behind),
                < 0 and double ahead => "，超前 " + DisplayNumber.Percent(-ahead),
                _ => string.Empty,
            };
            await output.WriteLineAsync(
                $"　{StatusText(status)}　{scope}　{indicator} {names.GetValueOrDefault(indicator, string.Empty)}：实际 {figures[0]}，应达 {figures[1]}，目标 {figures[2]}{lag}{partial}")
                .ConfigureAwait(false);
        }

        if (found == 0)
        {
            await output.WriteLineAsync("　（无）").ConfigureAwait(false);
        }
    }

    private static string OutcomeText(BlobReceipt? receipt) => receipt?.Outcome switch
    {
        null => "等待超时（intake run 是否在运行？）",
        "Accepted" => "通过 ✔",
        "Rejected" => "退回 ✘",
        "Unchanged" => "与已接收版本相同，未更改",
        var other => other,
    };

    private static string StatusText(string status) => status switch
    {
        "SeriouslyBehind" => "严重落后",
        "Behind" => "落后　　",
        _ => "有风险　",
    };

    private static string? FindSamples()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "seeds", "samples");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
