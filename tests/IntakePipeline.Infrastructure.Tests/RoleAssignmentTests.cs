using System.Text.Json.Nodes;
using IntakePipeline.Core;
using IntakePipeline.Core.Intake;
using IntakePipeline.Infrastructure.Tests.Arm;
using IntakePipeline.Pipeline;

namespace IntakePipeline.Infrastructure.Tests;

public class RoleAssignmentTests
{
    [Theory]
    [InlineData(Deployment.FlexConsumption)]
    [InlineData(Deployment.ElasticPremium)]
    public async Task AppIdentity_Roles_AreExactlyTheListedOnesAtTheirScopes(string planKind)
    {
        var deployment = await Deployment.EvaluateAsync(planKind);
        var identity = deployment.Single("Microsoft.ManagedIdentity/userAssignedIdentities").Name;
        var account = $"Microsoft.Storage/storageAccounts/{deployment.Single("Microsoft.Storage/storageAccounts").Name}";
        var vault = $"Microsoft.KeyVault/vaults/{deployment.Single("Microsoft.KeyVault/vaults").Name}";
        var component = $"Microsoft.Insights/components/{deployment.Single("Microsoft.Insights/components").Name}";
        var queues = new QueuesOptions();
        var principal = $"§reference({ArmFunctions.ResourceGroupId}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/{identity}).principalId";

        RoleAssignment Grant(string role, string scope) => new(role, principal, "ServicePrincipal", scope);
        Assert.Equal(
            new[]
            {
                // Host storage (identity-based AzureWebJobsStorage) needs Blob Data Owner on the account.
                Grant(BuiltInRoles.StorageBlobDataOwner, account),
                Grant(BuiltInRoles.StorageQueueDataContributor, $"{account}/queueServices/default/queues/{queues.Events}"),
                Grant(BuiltInRoles.StorageQueueDataContributor, $"{account}/queueServices/default/queues/{queues.Poison}"),
                Grant(BuiltInRoles.StorageTableDataContributor, account),
                Grant(BuiltInRoles.KeyVaultSecretsUser, vault),
                Grant(BuiltInRoles.MonitoringMetricsPublisher, component),
            }.OrderBy(r => r.ToString(), StringComparer.Ordinal),
            RoleAssignment.All(deployment).Where(r => r.Principal == principal).OrderBy(r => r.ToString(), StringComparer.Ordinal));
    }

    [Fact]
    public async Task SubmitterGroups_EachGetsContributorOnItsIntakeAndReaderOnItsReports_AndNothingElse()
    {
        var groups = Submitters.All.ToDictionary(s => s.Code, s => $"group-{s.Code}");
        var deployment = await Deployment.EvaluateAsync(overrides: new Dictionary<string, JsonNode?>
        {
            ["submitterGroups"] = new JsonObject(groups.Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Value))),
        });
        var account = $"Microsoft.Storage/storageAccounts/{deployment.Single("Microsoft.Storage/storageAccounts").Name}/blobServices/default/containers";

        var expected = Submitters.All.SelectMany(s => new[]
        {
            new RoleAssignment(BuiltInRoles.StorageBlobDataContributor, groups[s.Code], "Group", $"{account}/{SubmissionBlobName.IntakeContainer(s.Code)}"),
            new RoleAssignment(BuiltInRoles.StorageBlobDataReader, groups[s.Code], "Group", $"{account}/{SubmissionBlobName.ReportContainer(s.Code)}"),
        });
        Assert.Equal(
            expected.OrderBy(r => r.ToString(), StringComparer.Ordinal),
            RoleAssignment.All(deployment).Where(r => r.PrincipalType == "Group").OrderBy(r => r.ToString(), StringComparer.Ordinal));
    }

    [Fact]
    public async Task SubmitterGroups_OneGiven_OnlyThatSubmitterGetsAccess()
    {
        var deployment = await Deployment.EvaluateAsync(overrides: new Dictionary<string, JsonNode?>
        {
            ["submitterGroups"] = new JsonObject { ["520300"] = "zunyi-officers" },
        });

        var granted = RoleAssignment.All(deployment).Where(r => r.PrincipalType == "Group").ToList();
        Assert.Equal(2, granted.Count);
        Assert.All(granted, r => Assert.Equal("zunyi-officers", r.Principal));
        Assert.All(granted, r => Assert.EndsWith("-520300", r.Scope, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubmitterGroups_NoneGiven_NoGroupAccess()
    {
        var deployment = await Deployment.EvaluateAsync();

        Assert.DoesNotContain(RoleAssignment.All(deployment), r => r.PrincipalType == "Group");
    }

    [Fact]
    public async Task Deployer_Given_MayWriteTheDeploymentContainerOnly()
    {
        var deployment = await Deployment.EvaluateAsync(overrides: new Dictionary<string, JsonNode?> { ["deployerPrincipalId"] = "deployer" });
        var account = deployment.Single("Microsoft.Storage/storageAccounts").Name;

        var granted = Assert.Single(RoleAssignment.All(deployment), r => r.Principal == "deployer");
        Assert.Equal(
            new RoleAssignment(BuiltInRoles.StorageBlobDataContributor, "deployer", "User", $"Microsoft.Storage/storageAccounts/{account}/blobServices/default/containers/{deployment.Outputs["DEPLOYMENT_CONTAINER"]}"),
            granted);
    }

    [Fact]
    public async Task AllRoleAssignments_AreScopedBelowTheResourceGroup_AndNamedDeterministically()
    {
        var deployment = await Deployment.EvaluateAsync(overrides: new Dictionary<string, JsonNode?>
        {
            ["submitterGroups"] = new JsonObject { ["520300"] = "zunyi-officers" },
            ["deployerPrincipalId"] = "deployer",
        });
        var assignments = deployment.OfType("Microsoft.Authorization/roleAssignments").ToList();

        // 6 for the app, 2 for Event Grid, 2 for the group, 1 for the deployer: no others.
        Assert.Equal(11, assignments.Count);
        Assert.All(assignments.Select(RoleAssignment.From), r => Assert.StartsWith("Microsoft.", r.Scope, StringComparison.Ordinal));
        Assert.Equal(assignments.Count, assignments.Select(a => a.Name).Distinct().Count());
        Assert.All(assignments, a => Assert.True(Guid.TryParse(a.Name, out _), a.Name));
    }
}
