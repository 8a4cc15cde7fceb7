using System.Diagnostics;
using IntakePipeline.Core.Intake;
using IntakePipeline.Core.Submissions;
using IntakePipeline.Core.Validation;
using IntakePipeline.Pipeline.Internals;
using IntakePipeline.Storage;

namespace IntakePipeline.Pipeline;

/// <summary>A blob in an intake container that is not named as a submission.</summary>
public sealed partial class SubmissionProcessor
{
    /// <summary>The first part of the Submissions RowKey of a blob that is not a submission, in place of a period.</summary>
    public const string NotASubmissionKeyPrefix = "none|";

    /// <summary>
    /// Records a misplaced blob (docs/submitting.md): a <c>not-a-submission</c> report in
    /// <c>reports-{code}</c> that says where the file belongs, then a Submissions row with Status
    /// <c>NotASubmission</c> and RowKey <c>none|{submissionId}</c>, and nothing else. A blob outside the intake
    /// containers gets neither.
    /// </summary>
    private async Task<SubmissionOutcome> HandleNotASubmissionAsync(
        BlobVersion blob,
        BlobDownload download,
        string? submitter,
        string correlationId,
        long started,
        CancellationToken cancellationToken)
    {
        if (submitter is null)
        {
            _logger.NotASubmission(correlationId, blob.Container, blob.Name, false, Stopwatch.GetElapsedTime(started).WholeMilliseconds());
            return new SubmissionOutcome(SubmissionOutcomeKind.NotASubmission, blob, correlationId, null, null, null, 0, 0, 0, 0, []);
        }

        var sha = SubmissionId.Sha256Hex(download.Content.Span);
        var submissionId = SubmissionId.Create(download.Info.LastModified, sha);
        var misplaced = new MisplacedFile(submitter, blob.Name, _deadlines.CollectingPeriod(_time.GetUtcNow()));
        var issue = misplaced.ToIssue();
        var report = new ValidationReport(SubmissionFormats.FromFileName(blob.Name) ?? SubmissionFormat.Csv, null, 0, [issue], []);
        var header = new KeyValuePair<string, string>[]
        {
            new("submitter", submitter),
            new("submissionId", submissionId),
            new("blob", blob.Container + "/" + blob.Name),
            new("correlationId", correlationId),
        };
        var facts = new KeyValuePair<string, string>[]
        {
            new("报送单位", SubmitterLabel(submitter)),
            new("文件", blob.Container + "/" + blob.Name),
            new("处理结果", "不是报送文件（不在期间目录中），未处理"),
            new("正确位置（示例）", $"{misplaced.ExamplePath}（{misplaced.ExamplePeriod} 换成数据所属的月份）"),
            new("提交编号", submissionId),
            new("关联编号", correlationId),
        };
        await PutReportsAsync(submitter, blob.Name, report, header, facts, null, cancellationToken).ConfigureAwait(false);

        await _tables.UpsertAsync(
            _names.Submissions,
            new TableRow(submitter, NotASubmissionKeyPrefix + submissionId)
            {
                ["Status"] = SubmissionStatus.NotASubmission,
                ["BlobName"] = blob.Name,
                ["ContentSha256"] = sha,
                ["ReceivedAt"] = download.Info.LastModified.ToUniversalTime(),
                ["ProcessedAt"] = _time.GetUtcNow(),
                ["RowCount"] = 0,
                ["ErrorCount"] = 1,
                ["WarningCount"] = 0,
                ["ReportBlob"] = SubmissionBlobName.ReportContainer(submitter) + "/" + ReportBlobName(blob.Name, JsonReportSuffix),
                ["CorrelationId"] = correlationId,
            },
            TableUpsertMode.Replace,
            cancellationToken).ConfigureAwait(false);

        _logger.NotASubmission(correlationId, blob.Container, blob.Name, true, Stopwatch.GetElapsedTime(started).WholeMilliseconds());
        return new SubmissionOutcome(SubmissionOutcomeKind.NotASubmission, blob, correlationId, submissionId, submitter, null, 0, 1, 0, 1, [issue]);
    }
}
