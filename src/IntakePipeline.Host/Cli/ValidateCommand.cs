using System.CommandLine;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Host.Cli;

/// <summary>
/// <c>intake validate &lt;file&gt; --prefecture &lt;code&gt; --period &lt;yyyy-MM&gt; [--previous &lt;file&gt;] [--json]</c>:
/// checks a submission exactly as the pipeline would, and exits 0 when accepted, 1 when rejected, 2 on a usage error.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The submission: .csv, .xlsx or .json." }.AcceptExistingOnly();
        var prefecture = CommonOptions.Prefecture();
        var period = CommonOptions.Period();
        var previous = new Option<FileInfo>("--previous") { Description = "The previous month's submission, used as history." }.AcceptExistingOnly();
        var json = new Option<bool>("--json") { Description = "Print the machine-readable report instead of the table." };

        var command = new Command("validate", "Validate a submission file against the plan, as the pipeline would.")
        {
            file, prefecture, period, previous, json,
        };
        command.SetAction(parseResult =>
        {
            if (!CatalogSource.TryLoad(parseResult, out var catalog))
            {
                return ExitCodes.Usage;
            }

            var submitter = parseResult.GetRequiredValue(prefecture);
            var month = parseResult.GetRequiredValue(period);
            var history = SubmissionHistory.Empty;
            if (parseResult.GetValue(previous) is { } previousFile)
            {
                var previousValues = SubmissionFiles.ReadPrevious(catalog, previousFile, submitter, month.AddMonths(-1), parseResult.InvocationConfiguration.Error);
                if (previousValues is null)
                {
                    return ExitCodes.Usage;
                }

                history = SubmissionHistory.FromObservations(month.AddMonths(-1), previousValues);
            }

            var report = SubmissionFiles.Validate(catalog, parseResult.GetRequiredValue(file), new SubmissionContext(submitter, month, SubmissionFiles.CurrentMonth, history));
            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(json))
            {
                using var stdout = new MemoryStream();
                ValidationReportJson.Write(stdout, report);
                output.WriteLine(System.Text.Encoding.UTF8.GetString(stdout.ToArray()));
            }
            else
            {
                ConsoleReportWriter.Write(output, report, parseResult.GetRequiredValue(file).Name, submitter, month);
            }

            return report.Accepted ? ExitCodes.Success : ExitCodes.Rejected;
        });
        return command;
    }
}
