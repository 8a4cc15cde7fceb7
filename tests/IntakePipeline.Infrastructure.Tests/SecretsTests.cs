using System.Text.Json.Nodes;

namespace IntakePipeline.Infrastructure.Tests;

public class SecretsTests
{
    public static TheoryData<string> BicepFiles() => [.. BicepCompiler.AllFiles()];

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Parameters_NamedLikeASecret_AreSecure(string file)
    {
        var template = await TemplateAsync(file);

        foreach (var (name, declaration) in template["parameters"]?.AsObject() ?? [])
        {
            var secretLike = (name.Contains("password", StringComparison.OrdinalIgnoreCase) || name.Contains("secret", StringComparison.OrdinalIgnoreCase))
                && !name.EndsWith("SecretName", StringComparison.Ordinal);
            if (secretLike)
            {
                Assert.Equal("securestring", declaration!["type"]!.GetValue<string>(), ignoreCase: true);
                Assert.Equal(string.Empty, declaration["defaultValue"]?.GetValue<string>() ?? string.Empty);
            }
        }
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Outputs_AreNeverSecureAndReadNoKeys(string file)
    {
        var template = await TemplateAsync(file);

        foreach (var (name, output) in template["outputs"]?.AsObject() ?? [])
        {
            Assert.DoesNotContain("secure", output!["type"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
            var value = output["value"]!.ToJsonString();
            Assert.False(value.Contains("list", StringComparison.OrdinalIgnoreCase) && value.Contains("keys", StringComparison.OrdinalIgnoreCase), $"{name} reads keys: {value}");
            Assert.DoesNotContain("parameters('smtpPassword')", value, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Templates_NeverReadAccountKeysOrBuildConnectionStrings(string file)
    {
        var json = (await TemplateAsync(file)).ToJsonString();

        Assert.DoesNotContain("listKeys", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listAccountSas", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listServiceSas", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey=", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SharedAccessSignature", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SmtpPassword_Given_GoesIntoKeyVaultOnly()
    {
        const string password = "s3cret-smtp-password";
        var deployment = await Deployment.EvaluateAsync(overrides: new Dictionary<string, JsonNode?> { ["smtpPassword"] = password });

        var secret = deployment.Single("Microsoft.KeyVault/vaults/secrets");
        Assert.Equal(password, secret.Properties["value"]!.GetValue<string>());
        Assert.Equal(deployment.Outputs["SMTP_PASSWORD_SECRET_NAME"]!.GetValue<string>(), secret.ShortName);
        var elsewhere = deployment.AllResources.Where(r => r != secret).Select(r => r.Body.ToJsonString())
            .Append(deployment.Outputs.ToJsonString());
        Assert.All(elsewhere, text => Assert.DoesNotContain(password, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SmtpPassword_NotGiven_NoSecretIsWritten()
    {
        var deployment = await Deployment.EvaluateAsync();

        Assert.Empty(deployment.OfType("Microsoft.KeyVault/vaults/secrets"));
    }

    [Fact]
    public async Task KeyVault_UsesRbacAndSoftDelete()
    {
        var vault = (await Deployment.EvaluateAsync()).Single("Microsoft.KeyVault/vaults").Properties;

        Assert.True(vault["enableRbacAuthorization"]!.GetValue<bool>());
        Assert.True(vault["enableSoftDelete"]!.GetValue<bool>());
        Assert.True(vault["enablePurgeProtection"]!.GetValue<bool>());
        Assert.Null(vault["accessPolicies"]);
    }

    private static async Task<JsonObject> TemplateAsync(string file)
    {
        var build = await BicepCompiler.BuildAsync(file);
        Assert.True(build.Succeeded, build.Describe());
        return build.Template!;
    }
}
