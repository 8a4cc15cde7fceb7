using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace IntakePipeline.Core.Intake;

/// <summary>
/// Where a submission lives: container <c>intake-{code}</c> names the submitter, and the blob name
/// <c>{yyyy-MM}/{file}.csv|.xlsx|.json</c> (exactly one folder level) names the period. Anything else in an intake
/// container is not a submission. The submitter always comes from the container, never from the file.
/// </summary>
/// <param name="Submitter">The submitter's code, from the container.</param>
/// <param name="Period">The reporting month, from the folder.</param>
/// <param name="FileName">The file's name inside the folder.</param>
public sealed partial record SubmissionBlobName(string Submitter, YearMonth Period, string FileName)
{
    /// <summary>The prefix of every intake container.</summary>
    public const string IntakeContainerPrefix = "intake-";

    /// <summary>The prefix of every report container.</summary>
    public const string ReportContainerPrefix = "reports-";

    /// <summary>The intake container of a submitter.</summary>
    public static string IntakeContainer(string submitter) => IntakeContainerPrefix + submitter;

    /// <summary>The report container of a submitter.</summary>
    public static string ReportContainer(string submitter) => ReportContainerPrefix + submitter;

    /// <summary>The submitter that owns an intake container, or null when it is not one of ours.</summary>
    public static string? SubmitterOf(string container) =>
        container.StartsWith(IntakeContainerPrefix, StringComparison.Ordinal)
        && Submitters.Find(container[IntakeContainerPrefix.Length..]) is { } submitter
            ? submitter.Code
            : null;

    /// <summary>Reads a blob's container and name; false when the blob is not a submission.</summary>
    public static bool TryParse(string container, string blobName, [NotNullWhen(true)] out SubmissionBlobName? result)
    {
        result = null;
        var match = SubmissionPattern().Match(blobName);
        if (SubmitterOf(container) is not { } submitter || !match.Success
            || !YearMonth.TryParse(match.Groups["period"].Value, out var period))
        {
            return false;
        }

        result = new SubmissionBlobName(submitter, period, match.Groups["file"].Value);
        return true;
    }

    [GeneratedRegex(@"^(?<period>\d{4}-\d{2})/(?<file>[^/]+\.(?i:csv|xlsx|json))$", RegexOptions.CultureInvariant)]
    private static partial Regex SubmissionPattern();
}
