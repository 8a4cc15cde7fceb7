using System.Net;
using System.Text.Json;
using IntakePipeline.Host.Functions;
using IntakePipeline.Storage;
using IntakePipeline.Testing;

namespace IntakePipeline.Host.Tests.Functions;

[Collection(AzuriteCollection.Name)]
public sealed class ProcessSubmissionApiTests(AzuriteServer azurite)
{
    [Fact]
    public async Task InvokeAsync_EventGridBlobCreatedWithChineseName_WritesSubmissionObservationsAndReport()
    {
        await using var app = await HandlerTestApp.StartAsync(azurite);
        const string container = "intake-520300";
        const string name = "2024-06/遵义市-2024-06.csv";
        var eTag = await app.UploadAsync(container, name, await File.ReadAllBytesAsync(HandlerTestApp.Sample(name)));

        var response = await app.PostAsync(
            ProcessSubmissionApi.FunctionName,
            InvocationPayloads.Invocation(ProcessSubmissionApi.FunctionName, ProcessSubmissionApi.BindingName, InvocationPayloads.EventGridBlobCreated(container, name, eTag)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await HandlerTestApp.ReadBodyAsync(response);
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        Assert.Contains("遵义市-2024-06.csv：已接受", body.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        var returned = body.GetProperty("ReturnValue");
        Assert.Equal("Accepted", returned.GetProperty("Outcome").GetString());
        Assert.Equal(name, returned.GetProperty("BlobName").GetString());
        var submissionId = returned.GetProperty("SubmissionId").GetString();

        var submissions = await QueryAsync(app.Tables, "Submissions", "520300");
        var submission = Assert.Single(submissions, r => r.GetString("BlobName") == name);
        Assert.Equal($"2024-06|{submissionId}", submission.RowKey);
        Assert.Equal("Accepted", submission.GetString("Status"));
        Assert.Equal(0, submission.GetInt32("ErrorCount"));
        var observations = await QueryAsync(app.Tables, "Observations", "520300");
        var u06 = Assert.Single(observations, r => r.RowKey == "U06|2024-06");
        Assert.Equal(174.8, u06.GetDouble("Value"));
        Assert.Equal(submissionId, u06.GetString("SubmissionId"));
        Assert.NotNull(await app.Blobs.GetPropertiesAsync("reports-520300", name + ".report.json"));
    }

    [Fact]
    public async Task InvokeAsync_CloudEventSentAsJsonText_WritesSubmission()
    {
        await using var app = await HandlerTestApp.StartAsync(azurite);
        const string container = "intake-520500";
        const string name = "2024-06/毕节市-2024-06.json";
        var eTag = await app.UploadAsync(container, name, await File.ReadAllBytesAsync(HandlerTestApp.Sample(name)));

        var response = await app.PostAsync(
            ProcessSubmissionApi.FunctionName,
            InvocationPayloads.Invocation(ProcessSubmissionApi.FunctionName, ProcessSubmissionApi.BindingName, InvocationPayloads.CloudEventBlobCreated(container, name, eTag), asString: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var submissions = await QueryAsync(app.Tables, "Submissions", "520500");
        var submission = Assert.Single(submissions, r => r.GetString("BlobName") == name);
        Assert.Equal("Accepted", submission.GetString("Status"));
        Assert.NotEmpty(await QueryAsync(app.Tables, "Observations", "520500"));
    }

    [Fact]
    public async Task InvokeAsync_SameEventTwice_SecondRewritesTheSameRows()
    {
        await using var app = await HandlerTestApp.StartAsync(azurite);
        const string container = "intake-520300";
        const string name = "2024-05/遵义市-2024-05.csv";
        var eTag = await app.UploadAsync(container, name, await File.ReadAllBytesAsync(HandlerTestApp.Sample(name)));
        var payload = InvocationPayloads.Invocation(ProcessSubmissionApi.FunctionName, ProcessSubmissionApi.BindingName, InvocationPayloads.EventGridBlobCreated(container, name, eTag));

        var first = await HandlerTestApp.ReadBodyAsync(await app.PostAsync(ProcessSubmissionApi.FunctionName, payload));
        var observationsAfterFirst = Values(await QueryAsync(app.Tables, "Observations", "520300"));
        var second = await app.PostAsync(ProcessSubmissionApi.FunctionName, payload);

        // Event Grid delivers at least once: the same version is processed again, onto the same keys.
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var secondBody = await HandlerTestApp.ReadBodyAsync(second);
        Assert.Equal("Accepted", first.GetProperty("ReturnValue").GetProperty("Outcome").GetString());
        Assert.Equal(
            first.GetProperty("ReturnValue").GetProperty("SubmissionId").GetString(),
            secondBody.GetProperty("ReturnValue").GetProperty("SubmissionId").GetString());
        Assert.Single(await QueryAsync(app.Tables, "Submissions", "520300"), r => r.GetString("BlobName") == name);
        Assert.Equal(observationsAfterFirst, Values(await QueryAsync(app.Tables, "Observations", "520300")));
    }

    [Fact]
    public async Task InvokeAsync_BlobDeletedEvent_AnswersOkAndWritesNothing()
    {
        await using var app = await HandlerTestApp.StartAsync(azurite);
        var deleted = InvocationPayloads.EventGridBlobCreated("intake-520400", "2024-06/安顺市-2024-06.csv", "0x8DC9B2C7E1F4A21", "Microsoft.Storage.BlobDeleted");

        var response = await app.PostAsync(
            ProcessSubmissionApi.FunctionName,
            InvocationPayloads.Invocation(ProcessSubmissionApi.FunctionName, ProcessSubmissionApi.BindingName, deleted));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Microsoft.Storage.BlobDeleted", (await HandlerTestApp.ReadBodyAsync(response)).GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(await QueryAsync(app.Tables, "Submissions", "520400"));
    }

    [Theory]
    [InlineData("not json", "不是有效的 JSON")]
    [InlineData("[]", "应为 JSON 对象")]
    [InlineData("{}", "缺少 Data")]
    [InlineData("""{"Data":"event"}""", "缺少 Data")]
    [InlineData("""{"Data":{},"Metadata":{}}""", "缺少绑定“event”")]
    [InlineData("""{"Data":{"myEvent":{}}}""", "Data 中只有：myEvent")]
    [InlineData("""{"Data":{"event":"{not json"}}""", "不是有效的 JSON")]
    [InlineData("""{"Data":{"event":{"id":"1","data":{}}}}""", "缺少 eventType")]
    [InlineData("""{"Data":{"event":{"id":"1","eventType":"Microsoft.Storage.BlobCreated"}}}""", "缺少 data")]
    [InlineData("""{"Data":{"event":{"id":"1","eventType":"Microsoft.Storage.BlobCreated","data":{"url":"https://a.blob.core.windows.net/intake-520300/2024-06/a.csv"}}}}""", "缺少 eTag")]
    [InlineData("""{"Data":{"event":{"id":"1","eventType":"Microsoft.Storage.BlobCreated","data":{"eTag":"0x1"}}}}""", "既没有 data.url")]
    [InlineData("""{"Data":{"event":{"id":"1","eventType":"Microsoft.Storage.BlobCreated","data":{"eTag":"0x1","url":"intake-520300/a.csv"}}}}""", "不是绝对 URL")]
    public async Task InvokeAsync_MalformedPayload_Returns400WithReason(string payload, string expectedReason)
    {
        await using var app = await HandlerTestApp.StartAsync(azurite);

        var response = await app.PostAsync(ProcessSubmissionApi.FunctionName, payload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var log = (await HandlerTestApp.ReadBodyAsync(response)).GetProperty("Logs")[0].GetString();
        Assert.StartsWith("调用请求无效：", log, StringComparison.Ordinal);
        Assert.Contains(expectedReason, log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_StorageDown_Returns500SoTheHostRetries()
    {
        // A server of its own (persistent, so it never falls back to INTAKE_TEST_STORAGE), stopped after startup.
        var own = AzuriteServer.Create(new AzuriteServerOptions { Persistent = true });
        try
        {
            await own.StartAsync();
            await using var app = await HandlerTestApp.StartAsync(own, null, "--Storage:MaxRetries=0");
            const string container = "intake-520500";
            const string name = "2024-06/毕节市-2024-06.json";
            var eTag = await app.UploadAsync(container, name, await File.ReadAllBytesAsync(HandlerTestApp.Sample(name)));
            await own.StopAsync();

            var response = await app.PostAsync(
                ProcessSubmissionApi.FunctionName,
                InvocationPayloads.Invocation(ProcessSubmissionApi.FunctionName, ProcessSubmissionApi.BindingName, InvocationPayloads.EventGridBlobCreated(container, name, eTag)));

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.StartsWith("处理失败，将由 Functions 主机重试", (await HandlerTestApp.ReadBodyAsync(response)).GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await own.DisposeAsync();
        }
    }

    private static List<string> Values(List<TableRow> rows) =>
        [.. rows.Select(r => $"{r.RowKey}={r.GetDouble("Value")}@{r.GetString("SubmissionId")}").Order(StringComparer.Ordinal)];

    private static async Task<List<TableRow>> QueryAsync(ITableStore tables, string table, string partition)
    {
        var rows = new List<TableRow>();
        await foreach (var row in tables.QueryAsync(table, TableQuery.Partition(partition)))
        {
            rows.Add(row);
        }

        return rows;
    }
}
