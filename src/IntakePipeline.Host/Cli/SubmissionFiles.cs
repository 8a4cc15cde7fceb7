using IntakePipeline.Core;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;
using IntakePipeline.Core.Submissions;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Host.Cli;

/// <summary>Reads and validates submission files from disk for the CLI, with the clock in China Standard Time.</summary>
internal static class SubmissionFiles
{
    private static readonly TimeZoneInfo _chinaStandardTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>The current month in Guizhou, which bounds the periods a file may report.</summary>
    public static YearMonth CurrentMonth => YearMonth.Of(TimeProvider.System.GetUtcNow(), _chinaStandardTime);

    public static ValidationReport Validate(PlanCatalog catalog, FileInfo file, SubmissionContext context)
    {
        using var stream = file.OpenRead();
        var table = new SubmissionReader().Read(stream, file.Name);
        return new SubmissionValidator(catalog, new ThresholdsOptions()).Validate(table, context);
    }

    /// <summary>
    /// The accepted values of last month's file, for <c>--previous</c>; null, with the reason written to
    /// <paramref name="error"/>, when that file does not pass validation itself.
    /// </summary>
    public static IReadOnlyList<Observation>? ReadPrevious(PlanCatalog catalog, FileInfo file, string submitter, YearMonth period, TextWriter error)
    {
        var report = Validate(catalog, file, new SubmissionContext(submitter, period, CurrentMonth, SubmissionHistory.Empty));
        if (report.Accepted)
        {
            return report.Observations;
        }

        error.WriteLine($"--previous 的文件“{file.Name}”未通过 {period} 的校验（{report.ErrorCount} 个错误），不能作为上期数据。请先用 intake validate 单独校验该文件。");
        return null;
    }
}
