using IntakePipeline.Core.Intake;
using IntakePipeline.Pipeline;
using IntakePipeline.Pipeline.Receipts;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// Uploads a history folder one month at a time, oldest first, and waits for each month's outcomes before it starts
/// the next, so that every month's history checks see the month before. It then prints a summary that lists each
/// rejected file with its report.
/// </summary>
internal sealed class HistoryUploader(CliStorage storage, HistoryProgress progress, TextWriter output)
{
    private readonly SubmissionUploader _uploader = new(storage);

    /// <summary>
    /// Uploads <paramref name="tree"/>, waiting up to <paramref name="wait"/> for each month's outcomes. Returns the exit
    /// code: success when nothing was rejected, rejected when a file was, timed out (and the later months not
    /// uploaded) when a month's outcomes did not all come in time.
    /// </summary>
    public async Task<int> UploadAsync(SubmissionTree tree, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        var months = tree.Months.ToList();
        await output.WriteLineAsync($"逐月上传 {months.Count} 个月（{months[0].Key} 至 {months[^1].Key}）共 {tree.Files.Count} 个文件，从最早的月份开始；每个月处理完再传下一个月。")
            .ConfigureAwait(false);
        var tally = new UploadTally();
        var rejected = new List<(SubmissionTreeFile File, BlobVersion Blob, BlobReceipt Receipt)>();
        var pending = new List<SubmissionTreeFile>();
        await progress.RunAsync(tree.Files.Count, async () =>
        {
            foreach (var month in months)
            {
                progress.MonthStarted(month.Key, tally);
                var monthTally = new UploadTally();
                var blobs = new List<(SubmissionTreeFile File, BlobVersion Blob)>();
                foreach (var file in month)
                {
                    var content = await File.ReadAllBytesAsync(file.File.FullName, cancellationToken).ConfigureAwait(false);
                    blobs.Add((file, await _uploader.UploadAsync(file.Submitter, file.Period, file.File.Name, content, cancellationToken).ConfigureAwait(false)));
                }

                var deadline = DateTime.UtcNow + wait;
                foreach (var (file, blob) in blobs)
                {
                    var left = deadline - DateTime.UtcNow;
                    if (await _uploader.WaitAsync(blob, left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken).ConfigureAwait(false) is not { } receipt)
                    {
                        pending.Add(file);
                        continue;
                    }

                    var verdict = VerdictOf(receipt);
                    tally.Add(verdict);
                    monthTally.Add(verdict);
                    if (verdict == UploadVerdict.Rejected)
                    {
                        rejected.Add((file, blob, receipt));
                    }

                    progress.FileFinished(month.Key, tally);
                }

                progress.MonthFinished(month.Key, monthTally);
                if (pending.Count > 0)
                {
                    return;
                }
            }
        }).ConfigureAwait(false);

        await output.WriteLineAsync($"结果：{tally.Total} 个文件已处理，{tally}。").ConfigureAwait(false);
        if (rejected.Count > 0)
        {
            await output.WriteLineAsync("退回的文件（请逐个打开报告修改后，把整个文件重新上传到同一月份）：").ConfigureAwait(false);
            foreach (var (file, blob, receipt) in rejected)
            {
                await output.WriteLineAsync($"　{file.Path}　{WhereToLook(file, blob, receipt)}").ConfigureAwait(false);
            }
        }

        if (pending.Count > 0)
        {
            await output.WriteLineAsync($"{pending[0].Period} 有 {pending.Count} 个文件在 {wait.TotalSeconds:0} 秒内没有处理完：{string.Join("、", pending.Select(f => f.Path))}。")
                .ConfigureAwait(false);
            await output.WriteLineAsync("已停止，后面的月份没有上传。`intake run` 是否在运行？可用 `intake status` 查看结果，之后重新运行本命令：已接收的文件会显示为“未变”。")
                .ConfigureAwait(false);
            return Cli.ExitCodes.TimedOut;
        }

        return rejected.Count > 0 ? Cli.ExitCodes.Rejected : Cli.ExitCodes.Success;
    }

    /// <summary>How a processed version counts, with the same verdict as a single upload's exit code.</summary>
    internal static UploadVerdict VerdictOf(BlobReceipt receipt) => receipt.Outcome switch
    {
        nameof(SubmissionOutcomeKind.Unchanged) => UploadVerdict.Unchanged,
        nameof(SubmissionOutcomeKind.Accepted) or nameof(SubmissionOutcomeKind.Superseded) or nameof(SubmissionOutcomeKind.Stale) => UploadVerdict.Accepted,
        _ => UploadVerdict.Rejected,
    };

    private string WhereToLook(SubmissionTreeFile file, BlobVersion blob, BlobReceipt receipt) => receipt.Outcome switch
    {
        BlobReceipt.PoisonedOutcome => "处理失败，已重试多次仍未成功（见 Poison 表），请联系管理员；修复后可用 `intake retry --poison` 重新处理。",
        nameof(SubmissionOutcomeKind.Missing) => "文件在处理前已被删除。",
        _ => $"报告：{storage.BlobUri(SubmissionBlobName.ReportContainer(file.Submitter), blob.Name + ".report.html")}",
    };
}
