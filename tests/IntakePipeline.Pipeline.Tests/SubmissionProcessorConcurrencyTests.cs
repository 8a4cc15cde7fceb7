using IntakePipeline.Core;
using IntakePipeline.Pipeline.Tests.Fixtures;
using IntakePipeline.Testing;

namespace IntakePipeline.Pipeline.Tests;

/// <summary>
/// Invocations that meet: several instances each take a batch of messages, so files of one month, versions of one
/// period and months of one submitter are processed at once or out of order.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SubmissionProcessorConcurrencyTests(AzuriteServer azurite)
{
    [Fact]
    public async Task HandleAsync_NinePrefecturesOfOneMonthAtOnce_RollupCountsEveryOne()
    {
        var pipeline = await TestPipeline.CreateAsync(azurite);
        var uploads = new List<BlobVersion>();
        for (var i = 0; i < Submitters.Prefectures.Count; i++)
        {
            var code = Submitters.Prefectures[i].Code;
            uploads.Add(await pipeline.UploadAsync(code, TestPipeline.UniqueFile("2024-06", code, "csv"), SubmissionFiles.Utf8Csv(("U14", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "万户"))));
        }

        var outcomes = await Task.WhenAll(uploads.Select(u => pipeline.Handler.HandleAsync(u)));

        Assert.All(outcomes, o => Assert.Equal(SubmissionOutcomeKind.Accepted, o.Kind));
        var rollup = await pipeline.RowAsync(pipeline.Names.Scorecard, "2024-06", Submitters.Province + "|U14");
        Assert.NotNull(rollup);
        Assert.Equal(45.0, rollup.GetDouble("Actual"));
        Assert.Equal(9, rollup.GetInt32("ReportedCount"));
    }

    [Fact]
    public async Task HandleAsync_EarlierUploadProcessedAfterALaterOne_IsSupersededAndTheLaterValuesStay()
    {
        var pipeline = await TestPipeline.CreateAsync(azurite);
        var earlier = await pipeline.UploadAsync("520300", TestPipeline.UniqueFile("2024-06", "遵义", "csv"), SubmissionFiles.Utf8Csv(("U14", "1", "万户")));
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var later = await pipeline.UploadAsync("520300", TestPipeline.UniqueFile("2024-06", "遵义", "csv"), SubmissionFiles.Utf8Csv(("U14", "2", "万户")));

        var second = await pipeline.Handler.HandleAsync(later);
        var first = await pipeline.Handler.HandleAsync(earlier);

        Assert.Equal(SubmissionOutcomeKind.Accepted, second.Kind);
        Assert.Equal(SubmissionOutcomeKind.Superseded, first.Kind);
        Assert.Equal(2.0, (await pipeline.RowAsync(pipeline.Names.Observations, "520300", "U14|2024-06"))?.GetDouble("Value"));
        var statuses = (await pipeline.RowsAsync(pipeline.Names.Submissions, "520300")).Select(r => r.GetString("Status") ?? string.Empty).Order().ToArray();
        Assert.Equal(["Accepted", "Superseded"], statuses);
    }

    [Fact]
    public async Task HandleAsync_TwoVersionsOfOnePeriodAtOnce_OneAcceptedRowAndTheLaterValues()
    {
        var pipeline = await TestPipeline.CreateAsync(azurite);
        var earlier = await pipeline.UploadAsync("520300", TestPipeline.UniqueFile("2024-06", "遵义", "csv"), SubmissionFiles.Utf8Csv(("U14", "1", "万户"), ("U15", "3", "条")));
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var later = await pipeline.UploadAsync("520300", TestPipeline.UniqueFile("2024-06", "遵义", "csv"), SubmissionFiles.Utf8Csv(("U14", "2", "万户")));

        await Task.WhenAll(pipeline.Handler.HandleAsync(earlier), pipeline.Handler.HandleAsync(later));

        var observations = await pipeline.RowsAsync(pipeline.Names.Observations, "520300");
        Assert.Equal(["U14|2024-06"], observations.Select(o => o.RowKey));
        Assert.Equal(2.0, observations[0].GetDouble("Value"));
        Assert.Single(await pipeline.RowsAsync(pipeline.Names.Submissions, "520300"), r => r.GetString("Status") == "Accepted");
    }

    [Fact]
    public async Task HandleAsync_MonthsOutOfOrder_SameValuesAndStatuses_AndTheLaterMonthIsNotRecomputed()
    {
        var inOrder = await TestPipeline.CreateAsync(azurite);
        var outOfOrder = await TestPipeline.CreateAsync(azurite);
        var may = SubmissionFiles.Utf8Csv(("U14", "3", "万户"));
        var june = SubmissionFiles.Utf8Csv(("U14", "4", "万户"));

        await inOrder.UploadAndHandleAsync("520300", TestPipeline.UniqueFile("2024-05", "遵义", "csv"), may);
        await inOrder.UploadAndHandleAsync("520300", TestPipeline.UniqueFile("2024-06", "遵义", "csv"), june);
        await outOfOrder.UploadAndHandleAsync("520300", TestPipeline.UniqueFile("2024-06", "遵义", "csv"), june);
        var juneBeforeMay = await outOfOrder.RowAsync(outOfOrder.Names.Scorecard, "2024-06", "520300|U14");
        await outOfOrder.UploadAndHandleAsync("520300", TestPipeline.UniqueFile("2024-05", "遵义", "csv"), may);

        Assert.Equal(await ValuesAsync(inOrder), await ValuesAsync(outOfOrder));
        Assert.Equal(await StatusesAsync(inOrder), await StatusesAsync(outOfOrder));
        var juneAfterMay = await outOfOrder.RowAsync(outOfOrder.Names.Scorecard, "2024-06", "520300|U14");
        Assert.Equal(juneBeforeMay?.GetString("Status"), juneAfterMay?.GetString("Status"));
        Assert.Equal(juneBeforeMay?.GetDouble("Projected"), juneAfterMay?.GetDouble("Projected"));
    }

    private static async Task<string[]> ValuesAsync(TestPipeline pipeline) =>
        [.. (await pipeline.RowsAsync(pipeline.Names.Observations, "520300")).Select(r => $"{r.RowKey}={r.GetDouble("Value")}")];

    private static async Task<string[]> StatusesAsync(TestPipeline pipeline) =>
        [.. (await pipeline.RowsAsync(pipeline.Names.Submissions, "520300")).Select(r => $"{r.RowKey[..7]}={r.GetString("Status")}").Order()];
}
