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
        var file = new Argument<FileInfo>("file") { Description = "要校验的报送文件：.csv、.xlsx 或 .json，例如 遵义市-2024-06.csv。" }.MustExist();
        var prefecture = CommonOptions.Prefecture();
        var period = CommonOptions.Period();
        var previous = new Option<FileInfo>("--previous") { Description = "上个月的报送文件，作为历史数据参与校验，例如 --previous 遵义市-2024-05.csv。" }.MustExist();
        var json = new Option<bool>("--json") { Description = "输出机器可读的 JSON 报告，而不是表格。" };

        var command = new Command("validate", "按管道的规则校验一个报送文件（不上传）。")
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
