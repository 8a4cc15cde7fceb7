using System.CommandLine;
using IntakePipeline.Core.Plan;

namespace IntakePipeline.Host.Cli;

/// <summary><c>intake plan export</c> prints the loaded catalog as JSON; <c>intake plan check</c> prints the consistency report.</summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var export = new Command("export", "把载入的规划目录以 JSON 输出到标准输出（格式稳定，供脚本读取）。");
        export.SetAction(parseResult =>
        {
            if (!CatalogSource.TryLoad(parseResult, out var catalog))
            {
                return ExitCodes.Usage;
            }

            using var stdout = new MemoryStream();
            PlanCatalogJson.Write(catalog, stdout);
            parseResult.InvocationConfiguration.Output.WriteLine(System.Text.Encoding.UTF8.GetString(stdout.ToArray()));
            return ExitCodes.Success;
        });

        var check = new Command("check", "输出规划目录的一致性检查：分解合计、单位、重复目标点、修订。");
        check.SetAction(parseResult =>
        {
            if (!CatalogSource.TryLoad(parseResult, out var catalog))
            {
                return ExitCodes.Usage;
            }

            var output = parseResult.InvocationConfiguration.Output;
            var findings = PlanConsistencyCheck.Run(catalog);
            output.WriteLine($"规划目录：{catalog.Indicators.Count} 个指标，{catalog.Targets.Count} 个目标点（{catalog.Targets.Count(t => t.Superseded)} 个已被后续文件修订）。");
            output.WriteLine(findings.Count == 0 ? "一致性检查：未发现问题。" : $"一致性检查：{findings.Count} 项发现（仅供核对，不影响加载）：");
            foreach (var finding in findings)
            {
                output.WriteLine($"- {finding}");
            }

            return ExitCodes.Success;
        });

        return new Command("plan", "查看规划目录。") { export, check };
    }
}
