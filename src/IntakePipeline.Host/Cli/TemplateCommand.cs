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
        var output = new Option<FileInfo>("--output", "-o") { Description = "要写入的 .xlsx 文件，例如 -o 遵义市-2024-07.xlsx。", HelpName = "文件", Required = true };
        output.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo>() is { Directory: { Exists: false } folder })
            {
                result.AddError($"--output 的文件夹“{folder.FullName}”不存在。请先建好文件夹，或换一个路径，例如 -o 遵义市-2024-07.xlsx。");
            }
        });
        var previous = new Option<FileInfo>("--previous") { Description = "上个月的报送文件，其数值填入“上期值”列，例如 --previous 遵义市-2024-06.csv。" }.MustExist();

        var command = new Command("template", "为一个报送单位和月份生成 XLSX 填报模板。") { prefecture, period, output, previous };
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
