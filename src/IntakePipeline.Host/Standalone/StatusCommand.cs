using System.CommandLine;
using System.Globalization;
using IntakePipeline.Core;
using IntakePipeline.Host.Cli;
using IntakePipeline.Pipeline;
using IntakePipeline.Storage;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// <c>intake status [--prefecture &lt;code&gt;] [--top 20]</c>: the most recent submissions, newest first, with their
/// outcome, counts, lateness and report. A file uploaded outside a period folder is listed too, as 位置不对 with no
/// period, so that an upload never vanishes from view.
/// </summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var prefecture = CommonOptions.Prefecture();
        prefecture.Required = false;
        var top = CommonOptions.WholeNumber("--top", "列出多少条报送，默认 20，例如 --top 50。", minimum: 1, defaultValue: 20);

        var command = new Command("status", "列出最近的报送：结果、行数、错误与警告、是否逾期、报告。") { prefecture, top };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var storage = await CliStorage.ConnectAsync(parseResult.InvocationConfiguration.Error, cancellationToken).ConfigureAwait(false);
            if (storage is null)
            {
                return ExitCodes.StorageUnavailable;
            }

            var code = parseResult.GetValue(prefecture);
            var query = code is null ? TableQuery.All : TableQuery.Partition(code);
            var rows = new List<TableRow>();
            await foreach (var row in storage.Tables.QueryAsync(storage.Names.Submissions, query, cancellationToken).ConfigureAwait(false))
            {
                rows.Add(row);
            }

            await WriteAsync(parseResult.InvocationConfiguration.Output, rows, parseResult.GetValue(top), storage.ReportLinks, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Prints the newest <paramref name="top"/> of <paramref name="rows"/> (Submissions rows) as a table, each with a
    /// signed link to its report page (<c>.report.html</c>, the one a person reads).
    /// </summary>
    internal static async Task WriteAsync(TextWriter output, List<TableRow> rows, int top, ReportLinks links, CancellationToken cancellationToken = default)
    {
        if (rows.Count == 0)
        {
            await output.WriteLineAsync("还没有任何报送。用 `intake upload` 或 `intake demo` 上传文件。").ConfigureAwait(false);
            return;
        }

        rows.Sort((a, b) => Nullable.Compare(b.GetDateTimeOffset("ReceivedAt"), a.GetDateTimeOffset("ReceivedAt")));
        await output.WriteLineAsync("接收时间(UTC)         单位            期间     状态        行数  错误  警告  逾期  报告").ConfigureAwait(false);
        foreach (var row in rows.Take(top))
        {
            var submitter = Submitters.Find(row.PartitionKey);
            // A misplaced file has no period; 无期间 plus a space is as wide as yyyy-MM.
            var period = row.RowKey.StartsWith(Pipeline.SubmissionProcessor.NotASubmissionKeyPrefix, StringComparison.Ordinal) ? "无期间 " : row.RowKey.Split('|')[0];
            var report = row.GetString("BlobName") is { Length: > 0 } blob
                ? (await links.ForReportAsync(row.PartitionKey, blob, cancellationToken: cancellationToken).ConfigureAwait(false)).AbsoluteUri
                : "—";
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{row.GetDateTimeOffset("ReceivedAt"):yyyy-MM-dd HH:mm:ss}   {Pad((submitter?.Name ?? "?") + " " + row.PartitionKey, 16)}{period}  {Pad(StatusText(row.GetString("Status")), 12)}{row.GetInt32("RowCount"),4}  {row.GetInt32("ErrorCount"),4}  {row.GetInt32("WarningCount"),4}  {(row.GetBoolean("Late") == true ? "是" : "否"),2}  {report}"))
                .ConfigureAwait(false);
        }

        if (rows.Count > top)
        {
            await output.WriteLineAsync($"（共 {rows.Count} 条，只列出最新的 {top} 条；用 --top 显示更多。）").ConfigureAwait(false);
        }
    }

    private static string StatusText(string? status) => status switch
    {
        "Accepted" => "通过",
        "Rejected" => "退回",
        "Superseded" => "已被取代",
        "NotASubmission" => "位置不对",
        _ => status ?? "?",
    };

    // Pads by display width, counting a Chinese character as two columns.
    private static string Pad(string text, int width)
    {
        var display = 0;
        foreach (var c in text)
        {
            display += c > 0x2E80 ? 2 : 1;
        }

        return text + new string(' ', Math.Max(1, width - display));
    }
}
