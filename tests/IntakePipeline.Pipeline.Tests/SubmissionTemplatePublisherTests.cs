using System.Text;
using IntakePipeline.Core;
using IntakePipeline.Core.Submissions;
using IntakePipeline.Pipeline.Tests.Fixtures;
using IntakePipeline.Storage;
using IntakePipeline.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IntakePipeline.Pipeline.Tests;

/// <summary>
/// The templates in <c>reports-{code}/templates/</c>, through the pipeline's own composition on Azurite, at a clock in
/// 2031 so that no other test writes the same months.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SubmissionTemplatePublisherTests(AzuriteServer azurite) : IAsyncLifetime
{
    // 5 March 2031: February is being collected (due 10 March), January's deadline has passed.
    private static readonly DateTimeOffset _now = new(2031, 3, 5, 4, 0, 0, TimeSpan.Zero);
    private readonly string _recipient = $"{Guid.NewGuid():N}@example.cn";
    private ServiceProvider _services = null!;

    private IBlobStore Blobs => _services.GetRequiredService<IBlobStore>();

    public async Task InitializeAsync()
    {
        var names = TestPipeline.Prefixed("t" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Deadlines:FirstPeriod"] = "2031-01",
            ["Queues:Events"] = "e" + Guid.NewGuid().ToString("N")[..12],
            ["Recipients:520300:0"] = _recipient,
        };
        foreach (var property in typeof(TableNames).GetProperties().Where(p => p.CanWrite && p.PropertyType == typeof(string)))
        {
            settings[$"{TableNames.SectionName}:{property.Name}"] = (string?)property.GetValue(names);
        }

        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(_now))
            .AddIntakePipeline(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
        await _services.GetRequiredService<StorageSetup>().EnsureAsync();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task HandleAsync_AcceptedFile_NextMonthsTemplateShowsTheAcceptedValues()
    {
        var outcome = await SubmitAsync("2030-06", SubmissionFiles.Utf8Csv(("U14", "5.5", "万户"), ("U15", "460", "条")));

        Assert.Equal(SubmissionOutcomeKind.Accepted, outcome.Kind);
        var next = await ReadTemplateAsync("520300", "2030-07");
        var previous = next.Headers.ToList().IndexOf("上期值");
        Assert.Equal("5.5", next.Rows.Single(r => r.Cells[0].Text == "U14").Cells[previous].Text);
        Assert.Equal("460", next.Rows.Single(r => r.Cells[0].Text == "U15").Cells[previous].Text);
        Assert.Equal("2030-07", next.Rows[0].Cells[next.Headers.ToList().IndexOf("期间")].Text);
        Assert.NotNull(await Blobs.GetPropertiesAsync("reports-520300", "templates/2030-06.xlsx"));
    }

    [Fact]
    public async Task CheckDeadlines_Run_CollectingMonthAndMissingMonthsHaveTemplates()
    {
        await _services.GetRequiredService<CheckDeadlinesHandler>().RunAsync();

        foreach (var submitter in Submitters.All)
        {
            var template = await Blobs.GetPropertiesAsync("reports-" + submitter.Code, "templates/2031-02.xlsx");
            Assert.True(template is not null, submitter.Code);
        }

        foreach (var prefecture in Submitters.Prefectures)
        {
            Assert.NotNull(await Blobs.GetPropertiesAsync("reports-" + prefecture.Code, "templates/2031-01.xlsx"));
        }

        var table = await ReadTemplateAsync("522700", "2031-02");
        Assert.Equal(TestPipeline.Catalog.IndicatorsFor("522700").Count, table.Rows.Count);
    }

    [Fact]
    public async Task RejectedFile_ReceiptAndReportLinkTheMonthsTemplate()
    {
        var outcome = await SubmitAsync("2030-08", SubmissionFiles.Utf8Csv(("U14", "十二", "万户")));
        await _services.GetRequiredService<AlertNotifier>().AfterSubmissionAsync(outcome);

        Assert.Equal(SubmissionOutcomeKind.Rejected, outcome.Kind);
        Assert.NotNull(await ReadTemplateAsync("520300", "2030-08"));
        var receipts = new List<TableRow>();
        var names = _services.GetRequiredService<IOptions<TableNames>>().Value;
        await foreach (var row in _services.GetRequiredService<ITableStore>().QueryAsync(names.Outbox, TableQuery.Partition(_recipient)))
        {
            receipts.Add(row);
        }

        var receipt = Assert.Single(receipts);
        Assert.Contains("报送模板：reports-520300/templates/2030-08.xlsx", receipt.GetString("Text"), StringComparison.Ordinal);
        Assert.DoesNotContain("intake template", receipt.GetString("Text"), StringComparison.Ordinal);
        var report = await Blobs.GetAsync("reports-520300", SubmissionProcessor.ReportBlobName(outcome.Blob.Name, SubmissionProcessor.HtmlReportSuffix));
        Assert.Contains("<a href=\"../templates/2030-08.xlsx\">reports-520300/templates/2030-08.xlsx</a>", Encoding.UTF8.GetString(report!.Content.Span), StringComparison.Ordinal);
    }

    private async Task<SubmissionOutcome> SubmitAsync(string period, byte[] content)
    {
        var name = TestPipeline.UniqueFile(period, "遵义", "csv");
        var written = await Blobs.PutAsync("intake-520300", name, content);
        return await _services.GetRequiredService<SubmissionProcessor>().HandleAsync(new BlobVersion("intake-520300", name, written.ETag));
    }

    private async Task<SubmissionTable> ReadTemplateAsync(string submitter, string period)
    {
        var blob = await Blobs.GetAsync("reports-" + submitter, $"templates/{period}.xlsx");
        Assert.True(blob is not null, $"no template for {submitter} {period}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", blob.Info.ContentType);
        return new SubmissionReader().Read(blob.Content, "template.xlsx");
    }
}
