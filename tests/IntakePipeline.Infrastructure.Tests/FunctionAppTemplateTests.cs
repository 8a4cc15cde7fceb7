using IntakePipeline.Pipeline;
using IntakePipeline.Pipeline.Mail;
using IntakePipeline.Storage;

namespace IntakePipeline.Infrastructure.Tests;

public class FunctionAppTemplateTests
{
    private const string Storage = StorageConnection.DefaultName;

    [Theory]
    [InlineData(Deployment.FlexConsumption, "FC1", "FlexConsumption")]
    [InlineData(Deployment.ElasticPremium, "EP1", "ElasticPremium")]
    public async Task Plan_PlanKind_HasItsSku(string planKind, string sku, string tier)
    {
        var plan = (await Deployment.EvaluateAsync(planKind)).Single("Microsoft.Web/serverfarms");

        Assert.Equal(sku, plan.Body["sku"]!["name"]!.GetValue<string>());
        Assert.Equal(tier, plan.Body["sku"]!["tier"]!.GetValue<string>());
        Assert.True(plan.Properties["reserved"]!.GetValue<bool>(), "a Linux plan");
    }

    [Theory]
    [InlineData(Deployment.FlexConsumption)]
    [InlineData(Deployment.ElasticPremium)]
    public async Task Site_PlanKind_IsALinuxFunctionAppWithOnlyTheUserAssignedIdentity(string planKind)
    {
        var deployment = await Deployment.EvaluateAsync(planKind);
        var site = deployment.Single("Microsoft.Web/sites");
        var identity = deployment.Single("Microsoft.ManagedIdentity/userAssignedIdentities");
        var identityId = $"{Arm.ArmFunctions.ResourceGroupId}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/{identity.Name}";

        Assert.Equal("functionapp,linux", site.Body["kind"]!.GetValue<string>());
        Assert.Equal("UserAssigned", site.Body["identity"]!["type"]!.GetValue<string>());
        Assert.Equal([identityId], site.Body["identity"]!["userAssignedIdentities"]!.AsObject().Select(p => p.Key));
        Assert.Equal(identityId, site.Properties["keyVaultReferenceIdentity"]!.GetValue<string>());
        Assert.True(site.Properties["httpsOnly"]!.GetValue<bool>());
        Assert.Equal("Disabled", site.Properties["siteConfig"]!["ftpsState"]!.GetValue<string>());
    }

    [Fact]
    public async Task Site_FlexConsumption_DeploysFromTheContainerWithTheIdentityOnDotnetIsolated10()
    {
        var deployment = await Deployment.EvaluateAsync(Deployment.FlexConsumption);
        var config = deployment.Single("Microsoft.Web/sites").Properties["functionAppConfig"]!;
        var identity = deployment.Single("Microsoft.ManagedIdentity/userAssignedIdentities");
        var account = deployment.Single("Microsoft.Storage/storageAccounts").Name;

        Assert.Equal("dotnet-isolated", config["runtime"]!["name"]!.GetValue<string>());
        Assert.Equal("10.0", config["runtime"]!["version"]!.GetValue<string>());
        var storage = config["deployment"]!["storage"]!;
        Assert.Equal("blobContainer", storage["type"]!.GetValue<string>());
        Assert.Equal($"https://{account}.blob.core.windows.net/{deployment.Outputs["DEPLOYMENT_CONTAINER"]}", storage["value"]!.GetValue<string>());
        Assert.Equal("UserAssignedIdentity", storage["authentication"]!["type"]!.GetValue<string>());
        Assert.EndsWith("/userAssignedIdentities/" + identity.Name, storage["authentication"]!["userAssignedIdentityResourceId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(deployment.Single("Microsoft.Web/sites").Properties["siteConfig"]!["linuxFxVersion"]);
    }

    [Fact]
    public async Task Site_ElasticPremium_RunsFromThePackageBlobThroughTheIdentity_WithNoContentShare()
    {
        var deployment = await Deployment.EvaluateAsync(Deployment.ElasticPremium);
        var site = deployment.Single("Microsoft.Web/sites");
        var settings = deployment.AppSettings();
        var account = deployment.Single("Microsoft.Storage/storageAccounts").Name;
        var identity = deployment.Single("Microsoft.ManagedIdentity/userAssignedIdentities");

        Assert.Null(site.Properties["functionAppConfig"]);
        Assert.Equal("DOTNET-ISOLATED|10.0", site.Properties["siteConfig"]!["linuxFxVersion"]!.GetValue<string>());
        Assert.Equal("dotnet-isolated", settings["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("~4", settings["FUNCTIONS_EXTENSION_VERSION"]);
        Assert.Equal(
            $"https://{account}.blob.core.windows.net/{deployment.Outputs["DEPLOYMENT_CONTAINER"]}/{deployment.Outputs["PACKAGE_BLOB_NAME"]}",
            settings["WEBSITE_RUN_FROM_PACKAGE"]);
        Assert.EndsWith("/userAssignedIdentities/" + identity.Name, settings["WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID"], StringComparison.Ordinal);
        Assert.DoesNotContain("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", settings.Keys);
        Assert.DoesNotContain("WEBSITE_CONTENTSHARE", settings.Keys);
    }

    [Fact]
    public async Task AppSettings_FlexConsumption_HasNoRuntimeOrPackageSettings()
    {
        var settings = (await Deployment.EvaluateAsync(Deployment.FlexConsumption)).AppSettings();

        // Flex Consumption refuses these: the runtime and the package come from functionAppConfig.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", settings.Keys);
        Assert.DoesNotContain("WEBSITE_RUN_FROM_PACKAGE", settings.Keys);
    }

    [Theory]
    [InlineData(Deployment.FlexConsumption)]
    [InlineData(Deployment.ElasticPremium)]
    public async Task AppSettings_HostStorage_IsIdentityBasedWithTheCodesNames(string planKind)
    {
        var deployment = await Deployment.EvaluateAsync(planKind);
        var settings = deployment.AppSettings();
        var account = deployment.Single("Microsoft.Storage/storageAccounts").Name;
        var identity = deployment.Single("Microsoft.ManagedIdentity/userAssignedIdentities").Name;

        Assert.Equal($"https://{account}.blob.core.windows.net/", settings[$"{Storage}__{StorageConnection.BlobServiceUriKey}"]);
        Assert.Equal($"https://{account}.queue.core.windows.net/", settings[$"{Storage}__{StorageConnection.QueueServiceUriKey}"]);
        Assert.Equal($"https://{account}.table.core.windows.net/", settings[$"{Storage}__{StorageConnection.TableServiceUriKey}"]);
        Assert.Equal(StorageConnection.ManagedIdentityCredential, settings[$"{Storage}__{StorageConnection.CredentialKey}"]);
        Assert.EndsWith($"/userAssignedIdentities/{identity}).clientId", settings[$"{Storage}__{StorageConnection.ClientIdKey}"], StringComparison.Ordinal);
        Assert.DoesNotContain(Storage, settings.Keys);
        Assert.DoesNotContain(settings, s => s.Value.Contains("AccountKey", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AppSettings_PipelineSections_UseTheOptionsClassesNames()
    {
        var settings = (await Deployment.EvaluateAsync()).AppSettings();

        Assert.Equal(QueuesOptions.DefaultEvents, settings[$"{QueuesOptions.SectionName}__{nameof(QueuesOptions.Events)}"]);
        Assert.Equal(SchedulesOptions.DefaultCheckDeadlines, settings[$"{SchedulesOptions.SectionName}__{nameof(SchedulesOptions.CheckDeadlines)}"]);
        Assert.Equal(SchedulesOptions.DefaultSendAlerts, settings[$"{SchedulesOptions.SectionName}__{nameof(SchedulesOptions.SendAlerts)}"]);
        Assert.Equal("smtp.example.cn", settings[$"{SmtpOptions.SectionName}__{nameof(SmtpOptions.Host)}"]);
        Assert.Equal("587", settings[$"{SmtpOptions.SectionName}__{nameof(SmtpOptions.Port)}"]);
        Assert.True(bool.Parse(settings[$"{SmtpOptions.SectionName}__{nameof(SmtpOptions.StartTls)}"]));
        Assert.Equal("intake", settings[$"{SmtpOptions.SectionName}__{nameof(SmtpOptions.UserName)}"]);
        Assert.Equal("intake@example.cn", settings[$"{SmtpOptions.SectionName}__{nameof(SmtpOptions.From)}"]);
        Assert.Equal(DeadlinesOptions.DefaultDayOfMonth.ToString(System.Globalization.CultureInfo.InvariantCulture), settings[$"{DeadlinesOptions.SectionName}__{nameof(DeadlinesOptions.DayOfMonth)}"]);
        Assert.Equal(DeadlinesOptions.DefaultTimeZone, settings[$"{DeadlinesOptions.SectionName}__{nameof(DeadlinesOptions.TimeZone)}"]);
        Assert.Equal(string.Empty, settings[$"{DeadlinesOptions.SectionName}__{nameof(DeadlinesOptions.FirstPeriod)}"]);
    }

    [Fact]
    public async Task AppSettings_Recipients_OneSettingPerAddressUnderTheSectionsKeys()
    {
        var settings = (await Deployment.EvaluateAsync()).AppSettings();
        var recipients = settings.Where(s => s.Key.StartsWith(RecipientsOptions.SectionName + "__", StringComparison.Ordinal))
            .ToDictionary(s => s.Key, s => s.Value);

        Assert.Equal(
            new Dictionary<string, string>
            {
                [$"{RecipientsOptions.SectionName}__{RecipientsOptions.ProvinceKey}__0"] = "sheng@example.cn",
                [$"{RecipientsOptions.SectionName}__{RecipientsOptions.ProvinceKey}__1"] = "ban@example.cn",
                [$"{RecipientsOptions.SectionName}__520300__0"] = "zunyi@example.cn",
                [$"{RecipientsOptions.SectionName}__{RecipientsOptions.OperationsKey}__0"] = "ops@example.cn",
            },
            recipients);
    }

    [Fact]
    public async Task AppSettings_SmtpPassword_IsAKeyVaultReferenceToTheTemplatesVault()
    {
        var deployment = await Deployment.EvaluateAsync();
        var vault = deployment.Single("Microsoft.KeyVault/vaults").Name;

        Assert.Equal(
            $"@Microsoft.KeyVault(SecretUri=https://{vault}.vault.azure.net/secrets/{deployment.Outputs["SMTP_PASSWORD_SECRET_NAME"]})",
            deployment.AppSettings()[$"{SmtpOptions.SectionName}__{nameof(SmtpOptions.Password)}"]);
    }

    [Fact]
    public async Task AppSettings_NoSmtpUserName_NoPasswordSetting()
    {
        var deployment = await Deployment.EvaluateAsync(overrides: new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["smtpUserName"] = string.Empty });

        // SmtpOptions.Validate wants a user name and a password together, or neither.
        Assert.DoesNotContain($"{SmtpOptions.SectionName}__{nameof(SmtpOptions.Password)}", deployment.AppSettings().Keys);
    }

    [Theory]
    [InlineData(Deployment.FlexConsumption)]
    [InlineData(Deployment.ElasticPremium)]
    public async Task AppSettings_Telemetry_AuthenticatesWithTheIdentity(string planKind)
    {
        var deployment = await Deployment.EvaluateAsync(planKind);
        var settings = deployment.AppSettings();
        var identity = deployment.Single("Microsoft.ManagedIdentity/userAssignedIdentities").Name;
        var component = deployment.Single("Microsoft.Insights/components").Name;

        Assert.Equal($"ClientId=§reference({Arm.ArmFunctions.ResourceGroupId}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/{identity}).clientId;Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.EndsWith($"/components/{component}).ConnectionString", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task BasicPublishingCredentials_FtpAndScm_AreOff()
    {
        var policies = (await Deployment.EvaluateAsync()).OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        Assert.Equal(["ftp", "scm"], policies.Select(p => p.ShortName).Order());
        Assert.All(policies, p => Assert.False(p.Properties["allow"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Site_Tags_NameTheAzdService()
    {
        var site = (await Deployment.EvaluateAsync()).Single("Microsoft.Web/sites");
        var azureYaml = await File.ReadAllTextAsync(Path.Combine(Testing.RepositoryRoot.Path, "azure.yaml"));

        var service = site.Body["tags"]!["azd-service-name"]!.GetValue<string>();
        Assert.Contains($"\n  {service}:\n", azureYaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authentication_ClientAndGroupGiven_SignsInWithEntraIdAndAdmitsOnlyTheGroup()
    {
        var deployment = await Deployment.EvaluateAsync(overrides: new Dictionary<string, System.Text.Json.Nodes.JsonNode?>
        {
            ["dashboardClientId"] = "11111111-2222-3333-4444-555555555555",
            ["dashboardGroupObjectId"] = "99999999-8888-7777-6666-555555555555",
        });
        var auth = Assert.Single(deployment.OfType("Microsoft.Web/sites/config"), c => c.ShortName == "authsettingsV2");
        var aad = auth.Properties["identityProviders"]!["azureActiveDirectory"]!;

        Assert.True(auth.Properties["platform"]!["enabled"]!.GetValue<bool>());
        Assert.True(auth.Properties["globalValidation"]!["requireAuthentication"]!.GetValue<bool>());
        Assert.Equal("RedirectToLoginPage", auth.Properties["globalValidation"]!["unauthenticatedClientAction"]!.GetValue<string>());
        Assert.True(aad["enabled"]!.GetValue<bool>());
        Assert.Equal("11111111-2222-3333-4444-555555555555", aad["registration"]!["clientId"]!.GetValue<string>());
        Assert.Equal($"{Arm.AzureCloud.Global.LoginEndpoint}{Arm.ArmFunctions.TenantId}/v2.0", aad["registration"]!["openIdIssuer"]!.GetValue<string>());
        Assert.Equal(["99999999-8888-7777-6666-555555555555"],
            aad["validation"]!["defaultAuthorizationPolicy"]!["allowedPrincipals"]!["groups"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal($"https://{deployment.Outputs["AZURE_FUNCTION_APP_HOST"]}/api/dashboard/", deployment.Outputs["DASHBOARD_URL"]!.ToString());
    }

    [Fact]
    public async Task Authentication_NoGroupGiven_KeepsTheDashboardClosed()
    {
        var auth = Assert.Single((await Deployment.EvaluateAsync()).OfType("Microsoft.Web/sites/config"), c => c.ShortName == "authsettingsV2");

        Assert.True(auth.Properties["globalValidation"]!["requireAuthentication"]!.GetValue<bool>());
        Assert.Equal("Return401", auth.Properties["globalValidation"]!["unauthenticatedClientAction"]!.GetValue<string>());
        Assert.False(auth.Properties["identityProviders"]!["azureActiveDirectory"]!["enabled"]!.GetValue<bool>());
    }
}
