using IntakePipeline.Core.Plan;
using IntakePipeline.Pipeline.Tests.Fixtures;
using IntakePipeline.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class PlanPublisherTests(AzuriteServer azurite)
{
    [Fact]
    public async Task PublishAsync_Catalog_WritesTypedIndicatorAndTargetRows()
    {
        var pipeline = await TestPipeline.CreateAsync(azurite);
        var publisher = new PlanPublisher(pipeline.RealTables, Options.Create(pipeline.Names), NullLogger<PlanPublisher>.Instance);
        var catalog = TestPipeline.Catalog;

        var written = await publisher.PublishAsync(catalog);

        Assert.Equal(catalog.Indicators.Count + catalog.Targets.Count, written);
        var indicators = await pipeline.RowsAsync(pipeline.Names.PlanIndicators);
        Assert.Equal(catalog.Indicators.Count, indicators.Count);
        Assert.All(indicators, r => Assert.Equal("plan", r.PartitionKey));
        var u14 = Assert.Single(indicators, r => r.RowKey == "U14");
        Assert.Equal("老旧小区改造", u14["Name"]);
        Assert.Equal("万户", u14["Unit"]);
        Assert.Equal("cumulative", u14["Kind"]);
        Assert.Equal("up", u14["Direction"]);
        Assert.Equal("sum", u14["Aggregation"]);
        Assert.Equal("monthly", u14["Frequency"]);
        Assert.Equal("2021-01", u14["WindowStart"]);
        Assert.Equal("2025-12", u14["WindowEnd"]);
        Assert.IsType<string>(u14["Category"]);
        Assert.IsType<string>(u14["Source"]);
        var withFlow = catalog.Indicators.First(i => i.Flow2020 is not null);
        Assert.IsType<double>(indicators.Single(r => r.RowKey == withFlow.Code)["Flow2020"]);
        var level = Assert.Single(indicators, r => r.RowKey == "U10");
        Assert.Null(level["WindowStart"]);

        var targets = await pipeline.RowsAsync(pipeline.Names.PlanTargets);
        Assert.Equal(catalog.Targets.Count, targets.Count);
        var zunyi = Assert.Single(targets, r => r.PartitionKey == "U14" && r.RowKey == "520300|2025-12|2022-22");
        Assert.Equal(10.5, zunyi["Value"]);
        Assert.Equal("万户", zunyi["Unit"]);
        Assert.Equal(false, zunyi["Superseded"]);
        Assert.Null(zunyi["Qualifier"]);
        Assert.IsType<string>(zunyi["Source"]);
        var province = Assert.Single(targets, r => r.PartitionKey == "U14" && r.RowKey == "520000|2025-12|2022-22");
        Assert.Equal("以上", province["Qualifier"]);
        var superseded = catalog.Targets.First(t => t.Superseded);
        var supersededRow = Assert.Single(targets, r => r.PartitionKey == superseded.Indicator && r.RowKey == PlanPublisher.TargetRowKey(superseded));
        Assert.Equal(true, supersededRow["Superseded"]);
        var u18 = targets.Where(r => r.PartitionKey == "U18" && r.RowKey.StartsWith("520000|2025-12|2022-22", StringComparison.Ordinal)).ToList();
        Assert.Equal(["520000|2025-12|2022-22", "520000|2025-12|2022-22|2"], u18.Select(r => r.RowKey));
        Assert.Equal([77.5, 77.0], u18.Select(r => (double)r["Value"]!));
    }

    [Fact]
    public async Task PublishAsync_Twice_ChangesNothingButTimestamps()
    {
        var pipeline = await TestPipeline.CreateAsync(azurite);
        var publisher = new PlanPublisher(pipeline.RealTables, Options.Create(pipeline.Names), NullLogger<PlanPublisher>.Instance);
        await publisher.PublishAsync(TestPipeline.Catalog);
        var once = await TableDump.OfAsync(pipeline.RealTables, pipeline.Names);

        await publisher.PublishAsync(TestPipeline.Catalog);

        Assert.Equal(once, await TableDump.OfAsync(pipeline.RealTables, pipeline.Names));
        Assert.Contains("U14 / 520300|2025-12|2022-22", once, StringComparison.Ordinal);
    }

    [Fact]
    public void TargetRowKey_Target_JoinsScopeMonthAndDocument()
    {
        var target = TestPipeline.Catalog.Targets.First(t => t.Indicator == "U01" && t.Scope == "520000" && t.Superseded);

        var key = PlanPublisher.TargetRowKey(target);

        Assert.Equal($"520000|{target.Date}|{target.DocumentId}", key);
        Assert.IsType<PlanTarget>(target);
    }
}
