using IntakePipeline.Infrastructure.Tests.Arm;

namespace IntakePipeline.Infrastructure.Tests;

/// <summary>A role assignment reduced to what it grants: which role, to whom, on what.</summary>
/// <param name="Role">The role definition's id (a GUID).</param>
/// <param name="Principal">The principal id, or a description of where it comes from (<c>§reference(…).principalId</c>).</param>
/// <param name="PrincipalType">User, Group or ServicePrincipal.</param>
/// <param name="Scope">The scope relative to the resource group, e.g. <c>Microsoft.Storage/storageAccounts/st…/queueServices/default/queues/intake-events</c>.</param>
internal sealed record RoleAssignment(string Role, string Principal, string PrincipalType, string Scope)
{
    public static IReadOnlyList<RoleAssignment> All(ArmTemplate deployment) =>
        [.. deployment.OfType("Microsoft.Authorization/roleAssignments").Select(From)];

    public static RoleAssignment From(ArmResource resource)
    {
        var properties = resource.Properties;
        var definition = ArmFunctions.Text(properties["roleDefinitionId"]);
        var prefix = $"/subscriptions/{ArmFunctions.SubscriptionId}/providers/Microsoft.Authorization/roleDefinitions/";
        Assert.StartsWith(prefix, definition, StringComparison.Ordinal);
        var scope = resource.Scope ?? throw new InvalidOperationException($"The role assignment {resource.Name} has no scope: it would apply to the whole resource group.");
        var groupPrefix = ArmFunctions.ResourceGroupId + "/providers/";
        return new RoleAssignment(
            definition[prefix.Length..],
            ArmFunctions.Text(properties["principalId"]),
            ArmFunctions.Text(properties["principalType"]),
            scope.StartsWith(groupPrefix, StringComparison.Ordinal) ? scope[groupPrefix.Length..] : scope);
    }
}
