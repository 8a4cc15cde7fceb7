using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using IntakePipeline.Testing;

namespace IntakePipeline.Storage.Tests.Internals;

[Collection(AzuriteCollection.Name)]
public sealed class AzureTableStoreTests(AzuriteServer azurite)
{
    private readonly ITableStore _store = TestStorage.TableStore(azurite);

    [Fact]
    public async Task CreateTableIfNotExistsAsync_CalledTwice_CreatesOnceAndSucceedsTwice()
    {
        var table = TestStorage.TableName();

        Assert.True(await _store.CreateTableIfNotExistsAsync(table));
        Assert.False(await _store.CreateTableIfNotExistsAsync(table));
    }

    [Fact]
    public async Task InsertAsync_ExistingEntity_ThrowsConditionFailedAndKeepsTheFirst()
    {
        var table = await NewTableAsync();
        await _store.InsertAsync(table, new TableRow("520300", "U01|2024-06") { ["Value"] = 1.0 });

        var error = await Assert.ThrowsAsync<StorageConditionFailedException>(
            () => _store.InsertAsync(table, new TableRow("520300", "U01|2024-06") { ["Value"] = 2.0 }));

        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Equal(1.0, (await _store.GetAsync(table, "520300", "U01|2024-06"))!.GetDouble("Value"));
    }

    [Fact]
    public async Task UpsertAsync_Merge_KeepsPropertiesTheRowLacks()
    {
        var table = await NewTableAsync();
        await _store.UpsertAsync(table, new TableRow("p", "r") { ["Value"] = 1.0, ["Unit"] = "%" });

        await _store.UpsertAsync(table, new TableRow("p", "r") { ["Value"] = 2.0 }, TableUpsertMode.Merge);
        var row = await _store.GetAsync(table, "p", "r");

        Assert.Equal(2.0, row!.GetDouble("Value"));
        Assert.Equal("%", row.GetString("Unit"));
    }

    [Fact]
    public async Task UpsertAsync_Replace_DropsPropertiesTheRowLacks()
    {
        var table = await NewTableAsync();
        await _store.UpsertAsync(table, new TableRow("p", "r") { ["Value"] = 1.0, ["Unit"] = "%" });

        await _store.UpsertAsync(table, new TableRow("p", "r") { ["Value"] = 2.0 }, TableUpsertMode.Replace);
        var row = await _store.GetAsync(table, "p", "r");

        Assert.Equal(2.0, row!.GetDouble("Value"));
        Assert.Null(row["Unit"]);
    }

    [Fact]
    public async Task GetAsync_MissingEntity_ReturnsNull()
    {
        var table = await NewTableAsync();

        Assert.Null(await _store.GetAsync(table, "p", "nothing"));
    }

    [Fact]
    public async Task GetAsync_MissingTable_Throws()
    {
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => _store.GetAsync(TestStorage.TableName(), "p", "r"));

        Assert.Equal(404, error.Status);
        Assert.Equal("TableNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task GetAsync_Select_ReturnsOnlyTheSelectedProperties()
    {
        var table = await NewTableAsync();
        await _store.UpsertAsync(table, new TableRow("p", "r") { ["Value"] = 1.5, ["Unit"] = "%", ["Note"] = "备注" });

        var row = await _store.GetAsync(table, "p", "r", ["Value"]);

        Assert.Equal(["Value"], row!.Properties.Keys);
        Assert.NotNull(row.ETag);
    }

    [Fact]
    public async Task GetAsync_KeysWithChineseQuoteAndEscapedText_RoundTrip()
    {
        var table = await NewTableAsync();
        var partition = "遵义市's";
        var rowKey = $"U01|{TableKeys.Escape("2024-06/遵义-6月.csv")}|50%";
        await _store.UpsertAsync(table, new TableRow(partition, rowKey) { ["Value"] = 3.0 });

        var row = await _store.GetAsync(table, partition, rowKey);
        var deleted = await _store.DeleteAsync(table, partition, rowKey);

        Assert.Equal(rowKey, row!.RowKey);
        Assert.Equal("2024-06/遵义-6月.csv", TableKeys.Unescape(row.RowKey.Split('|')[1]));
        Assert.True(deleted);
    }

    [Fact]
    public async Task DeleteAsync_ExistingThenMissing_ReturnsTrueThenFalse()
    {
        var table = await NewTableAsync();
        await _store.UpsertAsync(table, new TableRow("p", "r") { ["Value"] = 1.0 });

        Assert.True(await _store.DeleteAsync(table, "p", "r"));
        Assert.False(await _store.DeleteAsync(table, "p", "r"));
        Assert.Null(await _store.GetAsync(table, "p", "r"));
    }

    [Fact]
    public async Task DeleteAsync_MissingTable_Throws()
    {
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => _store.DeleteAsync(TestStorage.TableName(), "p", "r"));

        Assert.Equal("TableNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task DeleteAsync_StaleETag_ThrowsConditionFailedAndKeepsTheEntity()
    {
        var table = await NewTableAsync();
        var first = await _store.UpsertAsync(table, new TableRow("p", "r") { ["Value"] = 1.0 });
        var second = await _store.UpsertAsync(table, new TableRow("p", "r") { ["Value"] = 2.0 });

        var error = await Assert.ThrowsAsync<StorageConditionFailedException>(() => _store.DeleteAsync(table, "p", "r", first));

        Assert.Equal(412, error.Status);
        Assert.NotEqual(first, second);
        Assert.True(await _store.DeleteAsync(table, "p", "r", second));
    }

    [Fact]
    public async Task UpsertAsync_TypedProperties_RoundTripWithTheirTypes()
    {
        var table = await NewTableAsync();
        var at = new DateTimeOffset(2024, 6, 10, 23, 59, 59, TimeSpan.FromHours(8)).AddTicks(1234567);
        var written = new TableRow("520300", "U01|2024-06")
        {
            ["Whole"] = 7.0,
            ["Fraction"] = 0.1,
            ["Negative"] = -1e-9,
            ["Count"] = 42,
            ["Big"] = 5_000_000_000L,
            ["SmallLong"] = 7L,
            ["At"] = at,
            ["Late"] = true,
            ["Name"] = "常住人口城镇化率",
            ["Empty"] = string.Empty,
        };

        await _store.UpsertAsync(table, written);
        var read = await _store.GetAsync(table, "520300", "U01|2024-06");
        var queried = Assert.Single(await ToListAsync(_store.QueryAsync(table, TableQuery.Partition("520300"))));

        foreach (var row in new[] { read!, queried })
        {
            Assert.Equal(written.Properties.Count, row.Properties.Count);
            foreach (var (name, value) in written.Properties)
            {
                Assert.Equal(value.GetType(), row.Properties[name].GetType());
                Assert.Equal(value, row.Properties[name]);
            }

            Assert.Equal(TimeSpan.Zero, row.GetDateTimeOffset("At")!.Value.Offset);
            Assert.NotNull(row.Timestamp);
            Assert.NotNull(row.ETag);
        }
    }

    [Fact]
    public async Task UpsertAsync_WholeDouble_IsSentAndStoredAsEdmDouble()
    {
        // Power BI fixes a column's type from what it reads, so 7.0 must be stored as Edm.Double, never as Edm.Int32.
        var table = await NewTableAsync();
        var recording = new RecordingTransport(HttpClientTransport.Shared);
        var store = new StorageClientFactory(
            StorageConnection.Parse(azurite.ConnectionString),
            new StorageClientOptions { Transport = recording }).CreateTableStore();

        await store.UpsertAsync(table, new TableRow("p", "r") { ["Value"] = 7.0, ["Count"] = 7, ["Big"] = 7L });
        var sent = Assert.Single(recording.Requests, r => r.Method is "PATCH" or "PUT").Body;
        var stored = await ReadWithFullMetadataAsync(table, "p", "r");

        Assert.Contains("\"Value@odata.type\":\"Edm.Double\"", sent, StringComparison.Ordinal);
        Assert.Contains("\"Big@odata.type\":\"Edm.Int64\"", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("Count@odata.type", sent, StringComparison.Ordinal);
        Assert.Contains("\"Value\":7.0", stored, StringComparison.Ordinal);
        Assert.Contains("\"Count\":7,", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_FilterAndSelect_ReturnsMatchingRowsWithSelectedColumns()
    {
        var table = await NewTableAsync();
        for (var i = 0; i < 10; i++)
        {
            await _store.UpsertAsync(table, new TableRow(i < 5 ? "520100" : "520300", $"U{i:D2}|2024-06")
            {
                ["Value"] = i * 1.5,
                ["Unit"] = "万人",
                ["Superseded"] = i % 2 == 0,
            });
        }

        var query = new TableQuery
        {
            Filter = TableFilter.Create($"PartitionKey eq {"520300"} and Superseded eq {false}"),
            Select = ["Value"],
            PageSize = 2,
        };
        var rows = await ToListAsync(_store.QueryAsync(table, query));

        Assert.Equal(["U05|2024-06", "U07|2024-06", "U09|2024-06"], rows.Select(r => r.RowKey));
        Assert.All(rows, r => Assert.Equal(["Value"], r.Properties.Keys));
        Assert.Equal([7.5, 10.5, 13.5], rows.Select(r => r.GetDouble("Value")!.Value));
    }

    [Fact]
    public async Task QueryAsync_MoreThanOneThousandEntities_FollowsContinuationToTheEnd()
    {
        var table = await NewTableAsync();
        const int Count = 1250;
        for (var start = 0; start < Count; start += TableBatchOperation.MaxBatchSize)
        {
            var batch = new List<TableBatchOperation>();
            for (var i = start; i < Math.Min(Count, start + TableBatchOperation.MaxBatchSize); i++)
            {
                batch.Add(TableBatchOperation.UpsertReplace(new TableRow("2024-06", $"{i:D5}") { ["Value"] = (double)i }));
            }

            await _store.SubmitBatchAsync(table, batch);
        }

        var rows = await ToListAsync(_store.QueryAsync(table, new TableQuery { Filter = TableFilter.Create($"PartitionKey eq {"2024-06"}"), PageSize = 1000 }));
        var unfiltered = await ToListAsync(_store.QueryAsync(table, TableQuery.All));

        Assert.Equal(Count, rows.Count);
        Assert.Equal(Enumerable.Range(0, Count).Select(i => $"{i:D5}"), rows.Select(r => r.RowKey));
        Assert.Equal(Count, unfiltered.Count);
    }

    [Fact]
    public async Task SubmitBatchAsync_InsertOfExistingEntityAtIndex37_ReportsIndex37AndAppliesNothing()
    {
        var table = await NewTableAsync();
        await _store.InsertAsync(table, new TableRow("520300", "r037") { ["Value"] = -1.0 });
        var batch = Enumerable.Range(0, 50)
            .Select(i => TableBatchOperation.Insert(new TableRow("520300", $"r{i:D3}") { ["Value"] = (double)i }))
            .ToList();

        var error = await Assert.ThrowsAsync<TableBatchFailedException>(() => _store.SubmitBatchAsync(table, batch));
        var rows = await ToListAsync(_store.QueryAsync(table, TableQuery.Partition("520300")));

        Assert.Equal(37, error.FailedIndex);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Equal(409, error.Status);
        var only = Assert.Single(rows);
        Assert.Equal(-1.0, only.GetDouble("Value"));
    }

    [Fact]
    public async Task SubmitBatchAsync_MixedActions_AppliesAllAtOnce()
    {
        var table = await NewTableAsync();
        await _store.UpsertAsync(table, new TableRow("p", "merge") { ["Keep"] = "yes", ["Value"] = 1.0 });
        await _store.UpsertAsync(table, new TableRow("p", "replace") { ["Drop"] = "yes", ["Value"] = 1.0 });
        await _store.UpsertAsync(table, new TableRow("p", "delete") { ["Value"] = 1.0 });

        await _store.SubmitBatchAsync(table,
        [
            TableBatchOperation.UpsertMerge(new TableRow("p", "merge") { ["Value"] = 2.0 }),
            TableBatchOperation.UpsertReplace(new TableRow("p", "replace") { ["Value"] = 2.0 }),
            TableBatchOperation.Insert(new TableRow("p", "insert") { ["Value"] = 2.0 }),
            TableBatchOperation.Delete("p", "delete"),
        ]);
        var rows = (await ToListAsync(_store.QueryAsync(table, TableQuery.Partition("p")))).ToDictionary(r => r.RowKey);

        Assert.Equal(["insert", "merge", "replace"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("yes", rows["merge"].GetString("Keep"));
        Assert.Null(rows["replace"]["Drop"]);
        Assert.All(rows.Values, r => Assert.Equal(2.0, r.GetDouble("Value")));
    }

    [Theory]
    [InlineData(0, 1, false)]
    [InlineData(101, 1, false)]
    [InlineData(10, 2, false)]
    [InlineData(10, 1, true)]
    public async Task SubmitBatchAsync_BatchBreakingServiceRules_ThrowsArgumentExceptionBeforeAnyCall(
        int count,
        int partitions,
        bool duplicateRowKey)
    {
        var batch = Enumerable.Range(0, count)
            .Select(i => TableBatchOperation.UpsertMerge(new TableRow($"p{i % partitions}", duplicateRowKey ? "same" : $"r{i}")))
            .ToList();

        // The table does not exist: reaching the service would fail with TableNotFound, not ArgumentException.
        await Assert.ThrowsAsync<ArgumentException>(() => _store.SubmitBatchAsync(TestStorage.TableName(), batch));
    }

    [Fact]
    public async Task SubmitBatchAsync_OneHundredOperations_IsAccepted()
    {
        var table = await NewTableAsync();
        var batch = Enumerable.Range(0, 100).Select(i => TableBatchOperation.Insert(new TableRow("p", $"{i:D3}"))).ToList();

        await _store.SubmitBatchAsync(table, batch);

        Assert.Equal(100, (await ToListAsync(_store.QueryAsync(table, TableQuery.All))).Count);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private async Task<string> NewTableAsync()
    {
        var table = TestStorage.TableName();
        await _store.CreateTableIfNotExistsAsync(table);
        return table;
    }

    /// <summary>Reads an entity as raw JSON with full OData metadata, which names every property's Edm type.</summary>
    private async Task<string> ReadWithFullMetadataAsync(string table, string partitionKey, string rowKey)
    {
        var capture = new FullMetadataCapture();
        var options = new TableClientOptions();
        options.AddPolicy(capture, HttpPipelinePosition.PerCall);
        var connection = StorageConnection.Parse(azurite.ConnectionString);
        var client = new TableClient(
            connection.TableServiceUri,
            table,
            new TableSharedKeyCredential(connection.AccountName, connection.AccountKey),
            options);
        await client.GetEntityAsync<TableEntity>(partitionKey, rowKey);
        return capture.ResponseBody ?? throw new InvalidOperationException("No response was captured.");
    }

    private sealed class FullMetadataCapture : HttpPipelinePolicy
    {
        public string? ResponseBody { get; private set; }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            message.Request.Uri.Query = message.Request.Uri.Query.Replace("minimalmetadata", "fullmetadata", StringComparison.Ordinal);
            message.Request.Headers.SetValue("Accept", "application/json;odata=fullmetadata");
            await ProcessNextAsync(message, pipeline);
            ResponseBody = message.Response.Content.ToString();
        }
    }
}
