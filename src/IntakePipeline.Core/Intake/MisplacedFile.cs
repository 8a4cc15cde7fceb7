using IntakePipeline.Core.Submissions;
using IntakePipeline.Core.Validation;
using IntakePipeline.Core.Validation.Internals;

namespace IntakePipeline.Core.Intake;

/// <summary>
/// A blob in a submitter's intake container whose name is not a submission's (<c>{yyyy-MM}/{file}.csv|.xlsx|.json</c>):
/// a file at the container's root, in a folder such as <c>2024-6/</c>, one level too deep, or of another type. It is
/// not processed; the uploader is told where such a file belongs.
/// </summary>
/// <param name="Submitter">The submitter's code, from the container.</param>
/// <param name="BlobName">The blob's name as uploaded, e.g. <c>2024-6/遵义-6月.csv</c>.</param>
/// <param name="ExamplePeriod">The month the advice uses as its example: the month being collected.</param>
public sealed record MisplacedFile(string Submitter, string BlobName, YearMonth ExamplePeriod)
{
    /// <summary>The file's own name: the blob name after its last slash.</summary>
    public string FileName => BlobName[(BlobName.LastIndexOf('/') + 1)..];

    /// <summary>
    /// Where a file like this one belongs, with <see cref="ExamplePeriod"/> as the month, e.g.
    /// <c>intake-520300/2024-07/遵义-6月.csv</c>. A file of another type keeps its stem and gets <c>.xlsx</c>, so the
    /// example is always a valid place.
    /// </summary>
    public string ExamplePath
    {
        get
        {
            var file = SubmissionFormats.FromFileName(FileName) is null ? Path.GetFileNameWithoutExtension(FileName) + ".xlsx" : FileName;
            return $"{SubmissionBlobName.IntakeContainer(Submitter)}/{ExamplePeriod}/{file}";
        }
    }

    /// <summary>The <c>not-a-submission</c> error, with the blob name as its value and a message that says where the file goes.</summary>
    /// <returns>The issue.</returns>
    public ValidationIssue ToIssue() => IssueMessages.NotASubmission(this);
}
