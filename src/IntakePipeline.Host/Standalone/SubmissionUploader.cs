using System.Globalization;
using IntakePipeline.Core;
using IntakePipeline.Core.Intake;
using IntakePipeline.Pipeline;
using IntakePipeline.Pipeline.Events;
using IntakePipeline.Pipeline.Receipts;
using IntakePipeline.Storage;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// Uploads a file as a prefecture would, queues its BlobCreated event at once as Event Grid would, waits for its
/// receipt, and describes the outcome in Chinese.
/// </summary>
internal sealed class SubmissionUploader(CliStorage storage)
{
    private static readonly TimeSpan _pollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Puts the file into <c>intake-{submitter}/{period}/{fileName}</c> and queues its event.</summary>
    public async Task<BlobVersion> UploadAsync(
        string submitter,
        YearMonth period,
        string fileName,
        ReadOnlyMemory<byte> content,
        CancellationToken cancellationToken = default)
    {
        var container = SubmissionBlobName.IntakeContainer(submitter);
        var name = $"{period}/{fileName}";
        await storage.Blobs.CreateContainerIfNotExistsAsync(container, cancellationToken).ConfigureAwait(false);
        var options = new BlobPutOptions
        {
            ContentType = ContentTypeOf(fileName),
            Metadata = new Dictionary<string, string> { [BlobEventQueue.EventQueuedMetadata] = "true" },
        };
        var written = await storage.Blobs.PutAsync(container, name, content, options, cancellationToken).ConfigureAwait(false);
        var blob = new BlobVersion(container, name, written.ETag);
        await storage.Events.EnqueueAsync(blob, content.Length, cancellationToken: cancellationToken).ConfigureAwait(false);
        return blob;
    }

    /// <summary>Waits until the version has a final receipt, or the time is up (then <see langword="null"/>).</summary>
    public async Task<BlobReceipt?> WaitAsync(BlobVersion blob, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            if (await storage.Receipts.GetAsync(blob, cancellationToken).ConfigureAwait(false) is { Outcome: not BlobReceipt.RetryingOutcome } receipt)
            {
                return receipt;
            }

            if (DateTime.UtcNow >= deadline)
            {
                return null;
            }

            await Task.Delay(_pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Prints the outcome, the counts, the first issues and where the full report is; returns the exit code.</summary>
    public async Task<int> DescribeAsync(TextWriter output, BlobVersion blob, BlobReceipt receipt, int maxIssues, CancellationToken cancellationToken = default)
    {
        var submitter = blob.Container[SubmissionBlobName.IntakeContainerPrefix.Length..];
        var reportUri = (await storage.ReportLinks.ForReportAsync(submitter, blob.Name, cancellationToken: cancellationToken).ConfigureAwait(false)).AbsoluteUri;
        switch (receipt.Outcome)
        {
            case nameof(SubmissionOutcomeKind.Unchanged):
                await output.WriteLineAsync("结果：内容与当前已接收的版本完全相同，未做任何更改。").ConfigureAwait(false);
                return Cli.ExitCodes.Success;
            case nameof(SubmissionOutcomeKind.NotASubmission):
                await output.WriteLineAsync("结果：退回 ✘　文件名不符合 {yyyy-MM}/{文件名}.csv|.xlsx|.json 的规则，未作为报送处理。").ConfigureAwait(false);
                await output.WriteLineAsync($"报告：{reportUri}").ConfigureAwait(false);
                return Cli.ExitCodes.Rejected;
            case BlobReceipt.PoisonedOutcome:
                await output.WriteLineAsync("结果：处理失败，已重试多次仍未成功（见 Poison 表），请联系管理员；修复后可用 `intake retry --poison` 重新处理。").ConfigureAwait(false);
                return Cli.ExitCodes.Rejected;
            case nameof(SubmissionOutcomeKind.Stale):
                await output.WriteLineAsync("结果：该版本已被更新的上传取代，以最新版本为准。").ConfigureAwait(false);
                return Cli.ExitCodes.Success;
            case nameof(SubmissionOutcomeKind.Superseded):
                await output.WriteLineAsync("结果：通过校验，但同一期间已有更晚上传的文件被接收，以较晚的文件为准。").ConfigureAwait(false);
                return Cli.ExitCodes.Success;
            case nameof(SubmissionOutcomeKind.Missing):
                await output.WriteLineAsync("结果：文件在处理前已被删除。").ConfigureAwait(false);
                return Cli.ExitCodes.Rejected;
        }

        var accepted = receipt.Outcome == nameof(SubmissionOutcomeKind.Accepted);
        if (receipt.SubmissionId is { } submissionId && SubmissionBlobName.TryParse(blob.Container, blob.Name, out var parsed))
        {
            var row = await storage.Tables.GetAsync(storage.Names.Submissions, submitter, $"{parsed.Period}|{submissionId}", cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            var counts = row is null
                ? string.Empty
                : string.Create(CultureInfo.InvariantCulture, $"　{row.GetInt32("RowCount") ?? 0} 行，{row.GetInt32("ErrorCount") ?? 0} 个错误，{row.GetInt32("WarningCount") ?? 0} 条警告")
                    + (row.GetBoolean("Late") == true ? "，逾期报送" : string.Empty);
            await output.WriteLineAsync((accepted ? "结果：通过 ✔" : "结果：退回 ✘") + counts + $"（报送编号 {submissionId}）").ConfigureAwait(false);
            await WriteIssuesAsync(output, submissionId, maxIssues, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync(accepted ? "结果：通过 ✔" : "结果：退回 ✘").ConfigureAwait(false);
        }

        await output.WriteLineAsync($"完整报告：{reportUri}").ConfigureAwait(false);
        var jsonUri = await storage.ReportLinks.ForReportAsync(submitter, blob.Name, SubmissionProcessor.JsonReportSuffix, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"　　　　　{jsonUri.AbsoluteUri}").ConfigureAwait(false);
        return accepted ? Cli.ExitCodes.Success : Cli.ExitCodes.Rejected;
    }

    /// <summary>Prints the first issues of a submission, errors and warnings in their stored order.</summary>
    public async Task WriteIssuesAsync(TextWriter output, string submissionId, int maxIssues, CancellationToken cancellationToken = default)
    {
        var shown = 0;
        var total = 0;
        await foreach (var issue in storage.Tables.QueryAsync(storage.Names.ValidationIssues, TableQuery.Partition(submissionId), cancellationToken).ConfigureAwait(false))
        {
            total++;
            if (shown >= maxIssues)
            {
                continue;
            }

            shown++;
            var severity = string.Equals(issue.GetString("Severity"), "error", StringComparison.OrdinalIgnoreCase) ? "错误" : "警告";
            var where = issue.GetInt32("Row") is { } rowNumber ? $"第 {rowNumber} 行" : "文件";
            if (issue.GetString("Column") is { Length: > 0 } column)
            {
                where += $"「{column}」列";
            }

            await output.WriteLineAsync($"　{severity}　{where}　[{issue.GetString("Code")}] {issue.GetString("Message")}").ConfigureAwait(false);
        }

        if (total > shown)
        {
            await output.WriteLineAsync($"　……另有 {total - shown} 条，见完整报告。").ConfigureAwait(false);
        }
    }

    /// <summary>The content type stored with an upload, by extension.</summary>
    public static string ContentTypeOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => "text/csv",
        ".json" => "application/json",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    };
}
