using IntakePipeline.Core.Intake;
using IntakePipeline.Storage;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline;

/// <summary>
/// Links to a submission's reports in <c>reports-{code}</c>, each with a read-only SAS for that one blob that lives
/// <see cref="ReportLinksOptions.Lifetime"/>. Receipts and the <c>intake</c> commands use it, so every link a person
/// is given opens without any other credential.
/// </summary>
public sealed class ReportLinks(IBlobSasIssuer issuer, IOptions<ReportLinksOptions> options)
{
    /// <summary>The signed link to a report of the blob <paramref name="blobName"/> uploaded by <paramref name="submitter"/>.</summary>
    /// <param name="submitter">The submitter's code.</param>
    /// <param name="blobName">The uploaded blob's name in <c>intake-{code}</c>, e.g. <c>2024-06/遵义-6月.csv</c>.</param>
    /// <param name="suffix"><see cref="SubmissionProcessor.HtmlReportSuffix"/> (the page a person reads) or <see cref="SubmissionProcessor.JsonReportSuffix"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report's URL with its SAS.</returns>
    /// <exception cref="BlobSasUnavailableException">The storage connection cannot issue a SAS.</exception>
    public async Task<Uri> ForReportAsync(string submitter, string blobName, string suffix = SubmissionProcessor.HtmlReportSuffix, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(submitter);
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        var sas = await issuer.IssueForBlobReadAsync(
            SubmissionBlobName.ReportContainer(submitter),
            SubmissionProcessor.ReportBlobName(blobName, suffix),
            options.Value.Lifetime,
            cancellationToken).ConfigureAwait(false);
        return sas.Uri;
    }
}
