using IntakePipeline.Testing;

namespace IntakePipeline.Infrastructure.Tests;

public class DeployScriptTests
{
    private static readonly string _script = Path.Combine(BicepCompiler.InfraFolder, "deploy.sh");

    [Fact]
    public async Task BashN_DeployScript_ParsesCleanly()
    {
        var run = await ToolRun.RunAsync("bash", ["-n", _script], TimeSpan.FromMinutes(1));

        Assert.True(run.ExitCode == 0, run.Error);
    }

    [ShellcheckFact]
    public async Task Shellcheck_DeployScript_FindsNothing()
    {
        var run = await ToolRun.RunAsync(ShellcheckFactAttribute.Executable!, ["--severity=style", _script], TimeSpan.FromMinutes(1));

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
    }

    [Theory]
    [InlineData("", "--cloud must be AzureCloud or AzureChinaCloud")]
    [InlineData("--cloud AzureGermanCloud", "--cloud must be AzureCloud or AzureChinaCloud")]
    [InlineData("--cloud AzureChinaCloud --plan FlexConsumption --location chinanorth3 --resource-group rg --env gz --smtp-host h --smtp-from f@x.cn", "Azure China has no Flex Consumption plan")]
    [InlineData("--cloud AzureCloud --location eastasia", "--resource-group is required")]
    [InlineData("--cloud AzureCloud --bogus", "unknown argument '--bogus'")]
    public async Task DeployScript_BadArguments_StopsBeforeAzure(string arguments, string message)
    {
        var run = await ToolRun.RunAsync("bash", [_script, .. arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)], TimeSpan.FromMinutes(1));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeployScript_PublishesTheFunctionsProjectThatAzureYamlNames()
    {
        var script = await File.ReadAllTextAsync(_script);
        var azureYaml = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "azure.yaml"));

        Assert.Contains("readonly project=\"src/IntakePipeline.Functions/IntakePipeline.Functions.csproj\"", script, StringComparison.Ordinal);
        Assert.Contains("project: ./src/IntakePipeline.Functions\n", azureYaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParametersFile_NamesOnlyParametersOfMain()
    {
        var template = await BicepCompiler.MainTemplateAsync();
        var file = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(BicepCompiler.InfraFolder, "main.parameters.json")))!;

        var declared = template["parameters"]!.AsObject().Select(p => p.Key).ToHashSet();
        Assert.All(file["parameters"]!.AsObject(), p => Assert.Contains(p.Key, declared));
        Assert.DoesNotContain(file["parameters"]!.AsObject(), p => p.Key.Contains("password", StringComparison.OrdinalIgnoreCase));
    }
}
