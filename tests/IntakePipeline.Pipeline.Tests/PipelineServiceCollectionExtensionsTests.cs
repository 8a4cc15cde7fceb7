using IntakePipeline.Core.Plan;
using IntakePipeline.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class PipelineServiceCollectionExtensionsTests(AzuriteServer azurite)
{
    [Fact]
    public void AddIntakePipeline_Configuration_BindsSectionsAndResolvesTheServices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Tables:Scorecard"] = "ScorecardTest",
            ["Deadlines:DayOfMonth"] = "15",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddIntakePipeline(configuration).BuildServiceProvider();

        Assert.Equal("ScorecardTest", provider.GetRequiredService<IOptions<TableNames>>().Value.Scorecard);
        Assert.Equal("Submissions", provider.GetRequiredService<IOptions<TableNames>>().Value.Submissions);
        Assert.Equal(15, provider.GetRequiredService<IOptions<DeadlinesOptions>>().Value.DayOfMonth);
        Assert.NotEmpty(provider.GetRequiredService<PlanCatalog>().Indicators);
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.NotNull(provider.GetRequiredService<SubmissionProcessor>());
        Assert.NotNull(provider.GetRequiredService<PlanPublisher>());
        Assert.NotNull(provider.GetRequiredService<StorageSetup>());
    }

    [Fact]
    public void AddIntakePipeline_MissingCatalogFolder_FailsValidation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Plan:CatalogPath"] = "/nonexistent/" + Guid.NewGuid().ToString("N"),
        }).Build();
        using var provider = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.None)).AddIntakePipeline(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PlanOptions>>().Value);

        Assert.Contains("Plan:CatalogPath", error.Message, StringComparison.Ordinal);
    }
}
