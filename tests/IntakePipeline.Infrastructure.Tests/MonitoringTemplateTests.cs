namespace IntakePipeline.Infrastructure.Tests;

public class MonitoringTemplateTests
{
    [Fact]
    public async Task ApplicationInsights_OnTheWorkspace_WithLocalAuthDisabled()
    {
        var deployment = await Deployment.EvaluateAsync();
        var component = deployment.Single("Microsoft.Insights/components").Properties;
        var workspace = deployment.Single("Microsoft.OperationalInsights/workspaces");

        Assert.True(component["DisableLocalAuth"]!.GetValue<bool>());
        Assert.EndsWith("/providers/Microsoft.OperationalInsights/workspaces/" + workspace.Name, component["WorkspaceResourceId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(workspace.Properties["features"]!["disableLocalAuth"]!.GetValue<bool>());
    }
}
