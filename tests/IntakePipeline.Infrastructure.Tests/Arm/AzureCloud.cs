using System.Text.Json.Nodes;

namespace IntakePipeline.Infrastructure.Tests.Arm;

/// <summary>
/// What ARM's <c>environment()</c> returns in a cloud: the parts this template uses, with the values Azure documents
/// (az cloud show).
/// </summary>
internal sealed record AzureCloud(string Name, string StorageSuffix, string KeyVaultDns, string LoginEndpoint)
{
    public static AzureCloud Global { get; } =
        new("AzureCloud", "core.windows.net", ".vault.azure.net", "https://login.microsoftonline.com/");

    public static AzureCloud China { get; } =
        new("AzureChinaCloud", "core.chinacloudapi.cn", ".vault.azure.cn", "https://login.chinacloudapi.cn/");

    public static IReadOnlyList<AzureCloud> All { get; } = [Global, China];

    public static AzureCloud Named(string name) => All.Single(c => c.Name == name);

    /// <summary>The object <c>environment()</c> returns.</summary>
    public JsonObject ToEnvironment() => new()
    {
        ["name"] = Name,
        ["suffixes"] = new JsonObject { ["storage"] = StorageSuffix, ["keyvaultDns"] = KeyVaultDns },
        ["authentication"] = new JsonObject { ["loginEndpoint"] = LoginEndpoint },
    };
}
