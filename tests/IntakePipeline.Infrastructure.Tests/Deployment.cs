using System.Text.Json.Nodes;
using IntakePipeline.Infrastructure.Tests.Arm;

namespace IntakePipeline.Infrastructure.Tests;

/// <summary>
/// <c>infra/main.bicep</c>, compiled and evaluated for a plan kind and a cloud with example parameters: what a
/// deployment with those values would create. Nothing is deployed; these are the template's own statements.
/// </summary>
internal static class Deployment
{
    public const string FlexConsumption = "FlexConsumption";
    public const string ElasticPremium = "ElasticPremium";

    public static IReadOnlyList<string> PlanKinds { get; } = [FlexConsumption, ElasticPremium];

    /// <summary>The parameters every evaluation gets unless overridden: the required ones, and some mail settings.</summary>
    public static Dictionary<string, JsonNode?> ExampleParameters() => new()
    {
        ["environmentName"] = "gz-prod",
        ["smtpHost"] = "smtp.example.cn",
        ["smtpFrom"] = "intake@example.cn",
        ["smtpUserName"] = "intake",
        ["recipients"] = new JsonObject
        {
            ["Province"] = new JsonArray("sheng@example.cn", "ban@example.cn"),
            ["520300"] = new JsonArray("zunyi@example.cn"),
        },
        ["operationsRecipients"] = new JsonArray("ops@example.cn"),
    };

    /// <summary>Evaluates main.bicep with <see cref="ExampleParameters"/>, the plan kind and any overrides.</summary>
    public static async Task<ArmTemplate> EvaluateAsync(
        string planKind = FlexConsumption,
        AzureCloud? cloud = null,
        IReadOnlyDictionary<string, JsonNode?>? overrides = null)
    {
        var parameters = ExampleParameters();
        parameters["planKind"] = planKind;
        foreach (var (name, value) in overrides ?? new Dictionary<string, JsonNode?>())
        {
            parameters[name] = value?.DeepClone();
        }

        return new ArmTemplate(await BicepCompiler.MainTemplateAsync(), parameters, cloud ?? AzureCloud.Global);
    }

    public static IEnumerable<ArmResource> OfType(this ArmTemplate template, string type) =>
        template.AllResources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public static ArmResource Single(this ArmTemplate template, string type) => Assert.Single(template.OfType(type));

    /// <summary>The function app's settings, by name.</summary>
    public static Dictionary<string, string> AppSettings(this ArmTemplate template) =>
        template.Single("Microsoft.Web/sites").Properties["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(s => s!["name"]!.GetValue<string>(), s => ArmFunctions.Text(s!["value"]));
}
