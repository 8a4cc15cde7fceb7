using System.Text;
using IntakePipeline.Functions.Functions;
using IntakePipeline.Testing;

namespace IntakePipeline.Functions.Tests.Functions;

[Collection(AzuriteCollection.Name)]
public sealed class ProcessSubmissionFunctionTests(AzuriteServer azurite)
{
    private static readonly byte[] _zunyiSample = File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "seeds", "samples", "2024-06", "遵义市-2024-06.csv"));
    private static readonly byte[] _badFile = Encoding.UTF8.GetBytes("指标代码,数值\nU14,很多\n");

    [Fact]
    public async Task RunAsync_AcceptedFile_WritesAnAcceptedSubmissionRow()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var (_, message) = await app.UploadAsync("520300", $"2024-06/{Guid.NewGuid():N}.csv", _zunyiSample);

        var result = await app.Function<ProcessSubmissionFunction>().RunAsync(message, app.Context(), CancellationToken.None);

        Assert.StartsWith("Accepted", result, StringComparison.Ordinal);
        var row = Assert.Single(await app.RowsAsync(app.Names.Submissions, "520300"));
        Assert.Equal("Accepted", row.GetString("Status"));
    }

    [Fact]
    public async Task RunAsync_RejectedFile_WritesARejectedRowAndQueuesTheReceipt()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var (_, message) = await app.UploadAsync("520300", $"2024-06/{Guid.NewGuid():N}.csv", _badFile);

        var result = await app.Function<ProcessSubmissionFunction>().RunAsync(message, app.Context(), CancellationToken.None);

        Assert.StartsWith("Rejected", result, StringComparison.Ordinal);
        Assert.Equal("Rejected", Assert.Single(await app.RowsAsync(app.Names.Submissions, "520300")).GetString("Status"));
        Assert.Single(await ReceiptMailsAsync(app));
    }

    [Fact]
    public async Task RunAsync_BlobOutsideAPeriodFolder_IsNotASubmissionWithItsReportRowAndReceipt()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var name = $"misplaced/{Guid.NewGuid():N}.csv";
        var (_, message) = await app.UploadAsync("520300", name, _zunyiSample);

        var result = await app.Function<ProcessSubmissionFunction>().RunAsync(message, app.Context(), CancellationToken.None);

        Assert.StartsWith("NotASubmission", result, StringComparison.Ordinal);
        Assert.NotNull(await app.Blobs.GetPropertiesAsync("reports-520300", name + ".report.json"));
        var row = Assert.Single(await app.RowsAsync(app.Names.Submissions, "520300"));
        Assert.StartsWith("none|", row.RowKey, StringComparison.Ordinal);
        Assert.Equal("NotASubmission", row.GetString("Status"));
        Assert.StartsWith("【未处理】", Assert.Single(await ReceiptMailsAsync(app)).GetString("Subject"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SameEventDeliveredThreeTimes_OneSubmissionRowAndOneReceiptMail()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var (_, message) = await app.UploadAsync("520300", $"2024-06/{Guid.NewGuid():N}.csv", _badFile);
        var function = app.Function<ProcessSubmissionFunction>();

        var results = new List<string>();
        for (var delivery = 1; delivery <= 3; delivery++)
        {
            results.Add(await function.RunAsync(message, app.Context(delivery), CancellationToken.None));
        }

        Assert.StartsWith("Rejected", results[0], StringComparison.Ordinal);
        Assert.All(results.Skip(1), r => Assert.StartsWith("Duplicate", r, StringComparison.Ordinal));
        Assert.Single(await app.RowsAsync(app.Names.Submissions, "520300"));
        Assert.Single(await ReceiptMailsAsync(app));
    }

    [Theory]
    [InlineData("520300", "PutBlock")]
    [InlineData("520300", "DeleteBlob")]
    public async Task RunAsync_EventOfAnotherApi_IsIgnored(string submitter, string api)
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var (_, message) = await app.UploadAsync(submitter, $"2024-06/{Guid.NewGuid():N}.csv", _zunyiSample, api);

        var result = await app.Function<ProcessSubmissionFunction>().RunAsync(message, app.Context(), CancellationToken.None);

        Assert.StartsWith("Ignored", result, StringComparison.Ordinal);
        Assert.Empty(await app.RowsAsync(app.Names.Submissions));
    }

    [Fact]
    public async Task RunAsync_EventForAnotherContainer_IsIgnored()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var name = $"2024-06/{Guid.NewGuid():N}.csv";
        await app.Blobs.PutAsync("reports-520300", name, _zunyiSample);
        var blob = new Pipeline.BlobVersion("reports-520300", name, "0x1");
        var message = Pipeline.Events.BlobCreatedEvent.Create(blob, app.Connection.BlobUri(blob.Container, name), "PutBlob", 1, DateTimeOffset.UtcNow);

        var result = await app.Function<ProcessSubmissionFunction>().RunAsync(message, app.Context(), CancellationToken.None);

        Assert.StartsWith("Ignored", result, StringComparison.Ordinal);
        Assert.Empty(await app.RowsAsync(app.Names.Submissions));
    }

    [Fact]
    public async Task RunAsync_StorageUnreachable_ThrowsSoThatTheQueueRetries()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var (_, message) = await app.UploadAsync("520300", $"2024-06/{Guid.NewGuid():N}.csv", _zunyiSample);
        await using var down = await FunctionsApp.StartAsync(azurite, unreachable: true);

        await Assert.ThrowsAnyAsync<Exception>(() => down.Function<ProcessSubmissionFunction>().RunAsync(message, down.Context(), CancellationToken.None));
    }

    [Fact]
    public async Task RecordPoison_PoisonedEvent_WritesAPoisonRowWithTheRecordedErrorAndMailsOperations()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var (blob, message) = await app.UploadAsync("520300", $"2024-06/{Guid.NewGuid():N}.csv", _zunyiSample);
        await app.Receipts.RecordFailureAsync(blob, 5, "RequestFailedException: Server busy");

        await app.Function<RecordPoisonFunction>().RunAsync(message, CancellationToken.None);

        var poison = Assert.Single(await app.RowsAsync(app.Names.Poison, "intake-520300"));
        Assert.Equal(blob.Name, poison.GetString("Name"));
        Assert.Equal(5, poison.GetInt32("Attempts"));
        Assert.Contains("Server busy", poison.GetString("LastError"), StringComparison.Ordinal);
        var mail = Assert.Single(await app.RowsAsync(app.Names.Outbox, "ops@example.cn"));
        Assert.Contains("处理失败", mail.GetString("Subject"), StringComparison.Ordinal);
    }

    private static async Task<List<Storage.TableRow>> ReceiptMailsAsync(FunctionsApp app) =>
        [.. (await app.RowsAsync(app.Names.Outbox, "data@zunyi.example.cn")).Where(r => r.GetString("Kind") == "Receipt")];
}
