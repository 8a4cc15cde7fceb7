using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntakePipeline.Core;
using IntakePipeline.Core.Intake;
using IntakePipeline.Core.Templates;
using IntakePipeline.Core.Validation;
using IntakePipeline.Pipeline.Internals;
using IntakePipeline.Storage;

namespace IntakePipeline.Pipeline;

/// <summary>The report blobs in <c>reports-{code}</c>.</summary>
public sealed partial class SubmissionProcessor
{
    /// <summary>The suffix of the machine-readable report blob.</summary>
    public const string JsonReportSuffix = ".report.json";

    /// <summary>The suffix of the readable report page.</summary>
    public const string HtmlReportSuffix = ".report.html";

    private const int MaxBlobNameLength = 1024;

    /// <summary>
    /// The name of a report blob in <c>reports-{code}</c>: the submitted blob's name plus <paramref name="suffix"/>, or,
    /// when that would exceed the service's 1,024 characters, <c>too-long/{first 16 hex of SHA-256 of the name}</c> plus it.
    /// </summary>
    /// <param name="blobName">The submitted blob's name.</param>
    /// <param name="suffix"><see cref="JsonReportSuffix"/> or <see cref="HtmlReportSuffix"/>.</param>
    /// <returns>The report blob's name.</returns>
    public static string ReportBlobName(string blobName, string suffix)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        ArgumentNullException.ThrowIfNull(suffix);
        return blobName.Length + suffix.Length <= MaxBlobNameLength
            ? blobName + suffix
            : "too-long/" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(blobName)))[..16] + suffix;
    }

    private Task WriteReportsAsync(ValidationReport report, SubmissionFacts facts, CancellationToken cancellationToken)
    {
        var blob = facts.Blob.Container + "/" + facts.Blob.Name;
        var header = new KeyValuePair<string, string>[]
        {
            new("submitter", facts.Submitter),
            new("period", facts.Period.ToString()),
            new("submissionId", facts.SubmissionId),
            new("blob", blob),
            new("correlationId", facts.CorrelationId),
        };
        var received = TimeZoneInfo.ConvertTime(facts.ReceivedAt, _zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var deadline = _deadlines.DeadlineFor(facts.Period).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var pageFacts = new KeyValuePair<string, string>[]
        {
            new("报送单位", SubmitterLabel(facts.Submitter)),
            new("期间", facts.Period.ToString()),
            new("文件", blob),
            new("提交编号", facts.SubmissionId),
            new("接收时间", received + "（北京时间）"),
            new("报送截止", deadline + (facts.Late ? "（本次报送已逾期）" : "（按时报送）")),
            new("关联编号", facts.CorrelationId),
        };
        // The page is one folder deep ({yyyy-MM}/ or too-long/), as templates/ is, so the link is relative to it.
        var template = SubmissionTemplateWriter.BlobName(facts.Period);
        return PutReportsAsync(
            facts.Submitter,
            facts.Blob.Name,
            report,
            header,
            pageFacts,
            ("../" + template, SubmissionBlobName.ReportContainer(facts.Submitter) + "/" + template),
            cancellationToken);
    }

    private async Task PutReportsAsync(
        string submitter,
        string blobName,
        ValidationReport report,
        IReadOnlyList<KeyValuePair<string, string>> header,
        IReadOnlyList<KeyValuePair<string, string>> facts,
        (string Href, string Place)? template,
        CancellationToken cancellationToken)
    {
        var container = SubmissionBlobName.ReportContainer(submitter);
        using (var json = new MemoryStream())
        {
            ValidationReportJson.Write(json, report, header);
            await _blobs.PutAsync(
                container,
                ReportBlobName(blobName, JsonReportSuffix),
                json.GetBuffer().AsMemory(0, (int)json.Length),
                new BlobPutOptions { ContentType = "application/json; charset=utf-8" },
                cancellationToken).ConfigureAwait(false);
        }

        var html = ValidationReportHtml.Render(report, SubmissionBlobName.IntakeContainer(submitter) + "/" + blobName, facts, template);
        await _blobs.PutAsync(
            container,
            ReportBlobName(blobName, HtmlReportSuffix),
            Encoding.UTF8.GetBytes(html),
            new BlobPutOptions { ContentType = "text/html; charset=utf-8" },
            cancellationToken).ConfigureAwait(false);
    }

    private static string SubmitterLabel(string code) =>
        Submitters.Find(code) is { } submitter ? $"{submitter.Name}（{code}）" : code;
}
