using IntakePipeline.Pipeline.Mail;
using IntakePipeline.Storage;

namespace IntakePipeline.Pipeline.Tests.Mail;

public sealed class OutboxSchemaTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(29_999)]
    [InlineData(30_001)]
    [InlineData(95_000)]
    public void WriteLong_TextOfAnyLength_ReadsBackWithEveryPropertyUnderTheLimit(int length)
    {
        var text = new string('汉', length);
        var row = new TableRow("a@example.cn", "digest|2024-07-06");

        OutboxSchema.WriteLong(row, "Html", text);

        Assert.Equal(text, OutboxSchema.ReadLong(row, "Html"));
        Assert.All(row.Properties.Values, v => Assert.True(((string)v).Length * 2 <= 64 * 1024));
    }

    [Fact]
    public void WriteLong_TooLong_CutWithANote()
    {
        var row = new TableRow("a@example.cn", "digest|2024-07-06");

        OutboxSchema.WriteLong(row, "Html", new string('x', (OutboxSchema.ChunkLength * OutboxSchema.MaxChunks) + 5));

        var read = OutboxSchema.ReadLong(row, "Html");
        Assert.Equal(OutboxSchema.ChunkLength * OutboxSchema.MaxChunks, read.Length);
        Assert.EndsWith("已截断）", read, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zunyi@example.cn")]
    [InlineData("a/b#c?d@example.cn")]
    public void PartitionKeyFor_Address_KeySafeAndReversible(string address)
    {
        var key = OutboxSchema.PartitionKeyFor(address);

        Assert.True(TableKeys.IsValid(key));
        Assert.Equal(address, OutboxSchema.RecipientOf(new TableRow(key, "receipt|x")));
    }

    [Fact]
    public void MessageIdFor_SameKeys_SameStableId()
    {
        var id = OutboxSchema.MessageIdFor("a@example.cn", "alert|1");

        Assert.Equal(id, OutboxSchema.MessageIdFor("a@example.cn", "alert|1"));
        Assert.NotEqual(id, OutboxSchema.MessageIdFor("b@example.cn", "alert|1"));
        Assert.Matches("^<[0-9a-f]{32}@intake.local>$", id);
    }
}
