using System.CommandLine;
using IntakePipeline.Core.Templates;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Host.Cli;

/// <summary>
/// <c>intake template --prefecture &lt;code&gt; --period &lt;yyyy-MM&gt; -o &lt;file.xlsx&gt; [--previous &lt;file&gt;]</c>:
/// writes the XLSX template a prefecture fills in.
/// </summary>
internal static class TemplateCommand
{
    public static Command Create()
    {
        var prefecture = CommonOptions.Prefecture();
        var period = CommonOptions.Period();
        var output = new Option<FileInfo>("--output", "-o") { Description = "The .xlsx file to write.", Required = true };
        var previous = new Option<FileInfo>("--previous") { Description = "Last month's submission; its values fill the 上期值 column." }.AcceptExistingOnly();

        var command = new Command("template", "Write the XLSX template for one submitter and month.") { prefecture, period, output, previous };
        command.SetAction(parseResult =>
        {
            if (!CatalogSource.TryLoad(parseResult, out var catalog))
            {
                return ExitCodes.Usage;
            }

            var submitter = parseResult.GetRequiredValue(prefecture);
            var month = parseResult.GetRequiredValue(period);
            IReadOnlyList<Observation>? previousValues = null;
            if (parseResult.GetValue(previous) is { } previousFile)
            {
                previousValues = SubmissionFiles.ReadPrevious(catalog, previousFile, submitter, month.AddMonths(-1), parseResult.InvocationConfiguration.Error);
                if (previousValues is null)
                {
                    return ExitCodes.Usage;
                }
            }

            var target = parseResult.GetRequiredValue(output);
            using (var stream = target.Create())
            {
                new SubmissionTemplateWriter(catalog).Write(stream, submitter, month, previousValues);
            }

            parseResult.InvocationConfiguration.Output.WriteLine($"已生成模板：{target.FullName}（{catalog.IndicatorsFor(submitter).Count} 个指标）");
            return ExitCodes.Success;
        });
        return command;
    }
}
