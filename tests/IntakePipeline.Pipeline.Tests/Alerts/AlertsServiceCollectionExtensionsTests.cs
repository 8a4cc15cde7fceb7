using IntakePipeline.Pipeline.Alerts;
using IntakePipeline.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline.Tests.Alerts;

[Collection(AzuriteCollection.Name)]
public sealed class AlertsServiceCollectionExtensionsTests(AzuriteServer azurite)
{
    [Fact]
    public void AddIntakeAlerts_Configuration_BindsAlertsAndResolvesSingletons()
    {
        using var provider = Build(new()
        {
            ["Alerts:RollupRequiresComplete"] = "false",
            ["Deadlines:FirstPeriod"] = "2024-06",
        });

        Assert.False(provider.GetRequiredService<IOptions<AlertsOptions>>().Value.RollupRequiresComplete);
        Assert.Equal(AlertsOptions.DefaultTrajectoryMonths, provider.GetRequiredService<IOptions<AlertsOptions>>().Value.TrajectoryMonths);
        Assert.Equal("2024-06", provider.GetRequiredService<IOptions<DeadlinesOptions>>().Value.FirstPeriod);
        Assert.Same(provider.GetRequiredService<AlertTracker>(), provider.GetRequiredService<AlertTracker>());
        Assert.Same(provider.GetRequiredService<DeadlineChecker>(), provider.GetRequiredService<DeadlineChecker>());
    }

    [Theory]
    [InlineData("Deadlines:FirstPeriod", "2024-6", "Deadlines:FirstPeriod")]
    [InlineData("Deadlines:FirstPeriod", "June", "Deadlines:FirstPeriod")]
    [InlineData("Alerts:TrajectoryMonths", "0", "Alerts:TrajectoryMonths")]
    public void AddIntakeAlerts_BadValue_FailsValidationNamingTheSetting(string key, string value, string named)
    {
        using var provider = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() =>
        {
            _ = provider.GetRequiredService<IOptions<AlertsOptions>>().Value;
            _ = provider.GetRequiredService<IOptions<DeadlinesOptions>>().Value;
        });

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["AzureWebJobsStorage"] = azurite.ConnectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.None))
            .AddIntakePipeline(configuration)
            .AddIntakeAlerts(configuration)
            .BuildServiceProvider();
    }
}
