using System.Text;
using Azure;
using IntakePipeline.Testing;

namespace IntakePipeline.Storage.Tests.Internals;

[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobStoreTests(AzuriteServer azurite)
{
    private readonly IBlobStore _store = TestStorage.BlobStore(azurite);

    [Fact]
    public async Task CreateContainerIfNotExistsAsync_CalledTwice_CreatesOnceAndSucceedsTwice()
    {
        var container = TestStorage.ContainerName();

        var first = await _store.CreateContainerIfNotExistsAsync(container);
        var second = await _store.CreateContainerIfNotExistsAsync(container);

        Assert.True(first);
        Assert.False(second);
        Assert.NotNull(await _store.GetContainerAsync(container));
    }

    [Fact]
    public async Task GetContainerAsync_Missing_ReturnsNull()
    {
        Assert.Null(await _store.GetContainerAsync(TestStorage.ContainerName()));
    }

    [Fact]
    public async Task PutAsync_ThenGetAsync_ReturnsContentAndTheSameVersion()
    {
        var container = await NewContainerAsync();
        var content = Encoding.UTF8.GetBytes("指标代码,数值\nU01,62.5\n");

        var written = await _store.PutAsync(container, "2024-06/a.csv", content, new BlobPutOptions { ContentType = "text/csv" });
        var read = await _store.GetAsync(container, "2024-06/a.csv");

        Assert.NotNull(read);
        Assert.Equal(content, read.Content.ToArray());
        Assert.Equal(written.ETag, read.Info.ETag);
        Assert.Equal(written.LastModified, read.Info.LastModified);
        Assert.Equal("text/csv", read.Info.ContentType);
        Assert.Equal(content.Length, read.Info.ContentLength);
    }

    [Fact]
    public async Task PutAsync_Stream_StoresTheStreamContent()
    {
        var container = await NewContainerAsync();
        var content = Encoding.UTF8.GetBytes(new string('x', 300_000));
        using var stream = new MemoryStream(content);

        await _store.PutAsync(container, "big.bin", stream);
        var read = await _store.GetAsync(container, "big.bin");

        Assert.Equal(content, read!.Content.ToArray());
    }

    [Fact]
    public async Task GetAsync_MissingBlob_ReturnsNull()
    {
        var container = await NewContainerAsync();

        Assert.Null(await _store.GetAsync(container, "nothing.csv"));
        Assert.Null(await _store.GetPropertiesAsync(container, "nothing.csv"));
    }

    [Fact]
    public async Task GetAsync_MissingContainer_Throws()
    {
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => _store.GetAsync(TestStorage.ContainerName(), "a.csv"));

        Assert.Equal("ContainerNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task PutAsync_IfNotExistsTwice_SecondFailsAndKeepsTheFirst()
    {
        var container = await NewContainerAsync();
        var ifNotExists = new BlobPutOptions { Condition = BlobCondition.IfNotExists };

        await _store.PutAsync(container, "once.txt", "first"u8.ToArray(), ifNotExists);
        var error = await Assert.ThrowsAsync<StorageConditionFailedException>(
            () => _store.PutAsync(container, "once.txt", "second"u8.ToArray(), ifNotExists));

        Assert.Equal(409, error.Status);
        Assert.Equal("BlobAlreadyExists", error.ErrorCode);
        Assert.Equal("first"u8.ToArray(), (await _store.GetAsync(container, "once.txt"))!.Content.ToArray());
    }

    [Fact]
    public async Task PutAsync_StaleIfMatch_FailsAndCurrentIfMatchSucceeds()
    {
        var container = await NewContainerAsync();
        var v1 = await _store.PutAsync(container, "doc.txt", "v1"u8.ToArray());
        var v2 = await _store.PutAsync(container, "doc.txt", "v2"u8.ToArray());

        var error = await Assert.ThrowsAsync<StorageConditionFailedException>(
            () => _store.PutAsync(container, "doc.txt", "v3"u8.ToArray(), new BlobPutOptions { Condition = BlobCondition.IfMatch(v1.ETag) }));
        var v3 = await _store.PutAsync(container, "doc.txt", "v3"u8.ToArray(), new BlobPutOptions { Condition = BlobCondition.IfMatch(v2.ETag) });

        Assert.Equal(412, error.Status);
        Assert.NotEqual(v2.ETag, v3.ETag);
        Assert.Equal("v3"u8.ToArray(), (await _store.GetAsync(container, "doc.txt"))!.Content.ToArray());
    }

    [Fact]
    public async Task ListAsync_ChineseNamesWithPrefix_ListsOnlyThatPeriodDecoded()
    {
        var container = await NewContainerAsync();
        string[] names = ["2024-05/遵义-5月.csv", "2024-06/遵义-6月.csv", "2024-06/贵阳 六月.xlsx", "2024-06x/other.csv", "readme.txt"];
        foreach (var name in names)
        {
            await _store.PutAsync(container, name, Encoding.UTF8.GetBytes(name));
        }

        var listed = await ToListAsync(_store.ListAsync(container, "2024-06/"));
        var read = await _store.GetAsync(container, "2024-06/遵义-6月.csv");

        Assert.Equal(["2024-06/贵阳 六月.xlsx", "2024-06/遵义-6月.csv"], listed.Select(b => b.Name).Order(StringComparer.Ordinal));
        Assert.Equal("2024-06/遵义-6月.csv", Encoding.UTF8.GetString(read!.Content.Span));
        Assert.Equal("2024-06/遵义-6月.csv", read.Info.Name);
    }

    [Fact]
    public async Task ListAsync_MoreBlobsThanAPage_FollowsTheMarkerToTheEnd()
    {
        var pagedStore = TestStorage.BlobStore(azurite, pageSize: 5);
        var container = await NewContainerAsync();
        for (var i = 0; i < 23; i++)
        {
            await _store.PutAsync(container, $"2024-06/{i:D2}.csv", "x"u8.ToArray(), new BlobPutOptions { Metadata = new Dictionary<string, string> { ["n"] = $"{i}" } });
        }

        var listed = await ToListAsync(pagedStore.ListAsync(container, "2024-06/"));

        Assert.Equal(23, listed.Count);
        Assert.Equal(23, listed.Select(b => b.Name).Distinct().Count());
        Assert.All(listed, b => Assert.Equal(b.Name[8..10].TrimStart('0').PadLeft(1, '0'), b.Metadata["n"]));
        Assert.All(listed, b => Assert.False(string.IsNullOrEmpty(b.ETag)));
    }

    [Fact]
    public async Task ListAsync_AfterPut_ReportsTheSameQuotedETagAsPutAndGet()
    {
        var container = await NewContainerAsync();
        var written = await _store.PutAsync(container, "2024-06/遵义.csv", "x"u8.ToArray());

        var listed = Assert.Single(await ToListAsync(_store.ListAsync(container)));
        var read = await _store.GetAsync(container, "2024-06/遵义.csv");

        Assert.StartsWith("\"", written.ETag, StringComparison.Ordinal);
        Assert.Equal(written.ETag, listed.ETag);
        Assert.Equal(written.ETag, read!.Info.ETag);
    }

    [Fact]
    public async Task ListAsync_EmptyContainer_YieldsNothing()
    {
        var container = await NewContainerAsync();

        Assert.Empty(await ToListAsync(_store.ListAsync(container)));
    }

    [Fact]
    public async Task SetMetadataAsync_ChineseValues_RoundTripAndKeepContent()
    {
        var container = await NewContainerAsync();
        var put = await _store.PutAsync(
            container,
            "2024-06/遵义-6月.csv",
            "data"u8.ToArray(),
            new BlobPutOptions { Metadata = new Dictionary<string, string> { ["uploader"] = "张三", ["submitter"] = "520300" } });
        var metadata = new Dictionary<string, string>
        {
            ["uploader"] = "李四（遵义市统计局）",
            ["note"] = "6月数据 100% 已核对",
            ["submitter"] = "520300",
        };

        var written = await _store.SetMetadataAsync(container, "2024-06/遵义-6月.csv", metadata, BlobCondition.IfMatch(put.ETag));
        var properties = await _store.GetPropertiesAsync(container, "2024-06/遵义-6月.csv");
        var listed = Assert.Single(await ToListAsync(_store.ListAsync(container, "2024-06/")));
        var download = await _store.GetAsync(container, "2024-06/遵义-6月.csv");

        Assert.NotEqual(put.ETag, written.ETag);
        Assert.Equal(metadata, properties!.Metadata);
        Assert.Equal(metadata, listed.Metadata);
        Assert.Equal(metadata, download!.Info.Metadata);
        Assert.Equal("data"u8.ToArray(), download.Content.ToArray());
    }

    [Fact]
    public async Task SetMetadataAsync_StaleETag_ThrowsConditionFailed()
    {
        var container = await NewContainerAsync();
        var v1 = await _store.PutAsync(container, "a.txt", "1"u8.ToArray());
        await _store.PutAsync(container, "a.txt", "2"u8.ToArray());

        await Assert.ThrowsAsync<StorageConditionFailedException>(
            () => _store.SetMetadataAsync(container, "a.txt", new Dictionary<string, string> { ["k"] = "v" }, BlobCondition.IfMatch(v1.ETag)));
    }

    [Fact]
    public async Task TryAcquireLeaseAsync_WhileHeld_ReturnsNullUntilReleased()
    {
        var container = await NewContainerAsync();
        await _store.PutAsync(container, "lock", ReadOnlyMemory<byte>.Empty, new BlobPutOptions { Condition = BlobCondition.IfNotExists });

        var first = await _store.TryAcquireLeaseAsync(container, "lock", TimeSpan.FromSeconds(15));
        var second = await _store.TryAcquireLeaseAsync(container, "lock", TimeSpan.FromSeconds(15));
        await _store.RenewLeaseAsync(first!);
        var released = await _store.ReleaseLeaseAsync(first!);
        var third = await _store.TryAcquireLeaseAsync(container, "lock", Timeout.InfiniteTimeSpan);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.True(released);
        Assert.NotNull(third);
        Assert.NotEqual(first!.LeaseId, third!.LeaseId);
    }

    [Fact]
    public async Task RenewLeaseAsync_AfterSomeoneElseTookIt_ThrowsConditionFailed()
    {
        var container = await NewContainerAsync();
        await _store.PutAsync(container, "lock", ReadOnlyMemory<byte>.Empty);
        var mine = await _store.TryAcquireLeaseAsync(container, "lock", TimeSpan.FromSeconds(15));
        await _store.ReleaseLeaseAsync(mine!);
        var theirs = await _store.TryAcquireLeaseAsync(container, "lock", TimeSpan.FromSeconds(15));

        await Assert.ThrowsAsync<StorageConditionFailedException>(() => _store.RenewLeaseAsync(mine!));
        Assert.False(await _store.ReleaseLeaseAsync(mine!));
        Assert.True(await _store.ReleaseLeaseAsync(theirs!));
    }

    [Fact]
    public async Task PutAsync_LeasedBlobWithoutLease_ThrowsConditionFailed()
    {
        var container = await NewContainerAsync();
        await _store.PutAsync(container, "lock", ReadOnlyMemory<byte>.Empty);
        await _store.TryAcquireLeaseAsync(container, "lock", TimeSpan.FromSeconds(15));

        var error = await Assert.ThrowsAsync<StorageConditionFailedException>(() => _store.PutAsync(container, "lock", "x"u8.ToArray()));

        Assert.Equal(412, error.Status);
    }

    [Theory]
    [InlineData(14)]
    [InlineData(61)]
    [InlineData(0)]
    public async Task TryAcquireLeaseAsync_DurationOutsideServiceRange_Throws(int seconds)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => _store.TryAcquireLeaseAsync("any", "lock", TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public async Task ListContainersAsync_Prefix_ListsOnlyMatchingContainers()
    {
        var prefix = "lc" + Guid.NewGuid().ToString("N")[..8];
        string[] names = [$"{prefix}-intake-520300", $"{prefix}-intake-520100", $"{prefix}-reports-520300"];
        foreach (var name in names)
        {
            await _store.CreateContainerIfNotExistsAsync(name);
        }

        var listed = await ToListAsync(_store.ListContainersAsync($"{prefix}-intake-"));

        Assert.Equal([$"{prefix}-intake-520100", $"{prefix}-intake-520300"], listed.Select(c => c.Name));
        Assert.All(listed, c => Assert.False(string.IsNullOrEmpty(c.ETag)));
    }

    [Fact]
    public async Task GetContainerAsync_AfterBlobUpload_ShowsWhetherTheContainerVersionMoves()
    {
        // Evidence for the blob watcher design: does a container's ETag / Last-Modified change when a blob is written?
        var container = await NewContainerAsync();
        var before = await _store.GetContainerAsync(container);
        await Task.Delay(1100);

        await _store.PutAsync(container, "2024-06/a.csv", "x"u8.ToArray());
        var afterPut = await _store.GetContainerAsync(container);
        var listed = Assert.Single(await ToListAsync(_store.ListContainersAsync(container)));

        Assert.Equal(before!.ETag, afterPut!.ETag);
        Assert.Equal(before.LastModified, afterPut.LastModified);
        Assert.Equal(before.ETag, listed.ETag);
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

    private async Task<string> NewContainerAsync()
    {
        var container = TestStorage.ContainerName();
        await _store.CreateContainerIfNotExistsAsync(container);
        return container;
    }
}
