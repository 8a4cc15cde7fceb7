using System.Text.RegularExpressions;
using IntakePipeline.Infrastructure.Tests.Arm;

namespace IntakePipeline.Infrastructure.Tests;

public partial class BicepBuildTests
{
    public static TheoryData<string> BicepFiles() => [.. BicepCompiler.AllFiles()];

    [Fact]
    public void AllFiles_Infra_HasMainAndModules()
    {
        Assert.Contains("main.bicep", BicepCompiler.AllFiles());
        Assert.Contains(BicepCompiler.AllFiles(), f => f.StartsWith("modules", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Build_EveryFile_CompilesWithNoErrorOrWarning(string file)
    {
        var build = await BicepCompiler.BuildAsync(file);

        Assert.True(build.Succeeded, build.Describe());
    }

    [Fact]
    public async Task Compiler_IsThePinnedVersion()
    {
        var run = await ToolRun.RunAsync(BicepCompiler.ExecutablePath, ["--version"], TimeSpan.FromMinutes(1));

        Assert.Equal(0, run.ExitCode);
        var pinned = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(BicepCompiler.ExecutablePath)))!;
        Assert.Contains($"Bicep CLI version {pinned} ", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Deployment.FlexConsumption, "AzureCloud")]
    [InlineData(Deployment.ElasticPremium, "AzureCloud")]
    [InlineData(Deployment.ElasticPremium, "AzureChinaCloud")]
    public async Task Evaluate_PlanKindAndCloud_DeploysTheSameResourcesExceptThePlan(string planKind, string cloud)
    {
        var deployment = await Deployment.EvaluateAsync(planKind, AzureCloud.Named(cloud));

        Assert.Equal(
            [
                "Microsoft.Authorization/roleAssignments",
                "Microsoft.EventGrid/systemTopics",
                "Microsoft.EventGrid/systemTopics/eventSubscriptions",
                "Microsoft.Insights/components",
                "Microsoft.KeyVault/vaults",
                "Microsoft.ManagedIdentity/userAssignedIdentities",
                "Microsoft.OperationalInsights/workspaces",
                "Microsoft.Storage/storageAccounts",
                "Microsoft.Storage/storageAccounts/blobServices",
                "Microsoft.Storage/storageAccounts/blobServices/containers",
                "Microsoft.Storage/storageAccounts/queueServices",
                "Microsoft.Storage/storageAccounts/queueServices/queues",
                "Microsoft.Storage/storageAccounts/tableServices",
                "Microsoft.Storage/storageAccounts/tableServices/tables",
                "Microsoft.Web/serverfarms",
                "Microsoft.Web/sites",
                "Microsoft.Web/sites/basicPublishingCredentialsPolicies",
                "Microsoft.Web/sites/config",
            ],
            deployment.AllResources.Select(r => r.Type).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Source_NoHardCodedCloudHostName(string file)
    {
        var source = await File.ReadAllTextAsync(Path.Combine(BicepCompiler.InfraFolder, file));
        var build = await BicepCompiler.BuildAsync(file);

        foreach (var text in new[] { StripComments(source), build.Template?.ToJsonString() ?? string.Empty })
        {
            Assert.DoesNotMatch(CloudHostName(), text);
        }
    }

    [Fact]
    public async Task Evaluate_AzureChinaCloud_EveryEndpointIsChinas()
    {
        var deployment = await Deployment.EvaluateAsync(Deployment.ElasticPremium, AzureCloud.China);
        var urls = deployment.AppSettings().Values.Where(v => v.StartsWith("https://", StringComparison.Ordinal))
            .Concat(deployment.AppSettings().Values.Where(v => v.Contains("SecretUri=", StringComparison.Ordinal)))
            .ToList();

        Assert.NotEmpty(urls);
        Assert.All(urls, url => Assert.Matches(@"\.(core\.chinacloudapi\.cn|vault\.azure\.cn)/", url));
    }

    private static string StripComments(string bicep) => LineComment().Replace(bicep, string.Empty);

    [GeneratedRegex(@"core\.windows\.net|azurewebsites\.net|chinacloudapi\.cn|chinacloudsites\.cn|vault\.azure\.(net|cn)|usgovcloudapi\.net|microsoftonline\.com", RegexOptions.IgnoreCase)]
    private static partial Regex CloudHostName();

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex LineComment();
}
