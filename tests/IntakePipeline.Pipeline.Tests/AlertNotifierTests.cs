using IntakePipeline.Core;
using IntakePipeline.Core.Alerts;
using IntakePipeline.Pipeline.Alerts;
using IntakePipeline.Pipeline.Mail;
using IntakePipeline.Pipeline.Tests.Alerts;
using IntakePipeline.Pipeline.Tests.Fixtures;
using IntakePipeline.Pipeline.Tests.Mail;
using IntakePipeline.Storage;
using IntakePipeline.Testing;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class AlertNotifierTests(AzuriteServer azurite)
{
    private const string Zunyi = "520300";

    [Theory]
    [InlineData(0, true)]
    [InlineData(-2, true)]
    [InlineData(-3, false)]
    [InlineData(-30, false)]
    public async Task AfterSubmissionAsync_AlertOpened_EmailedOnlyForTheLastMailMonths(int monthsBack, bool emailed)
    {
        var testbed = await MailTestbed.CreateAsync(azurite, MailTestbed.Pickup(Path.GetTempPath()));
        var pipeline = testbed.Pipeline;
        var notifier = new AlertNotifier(
            new AlertScenario(pipeline).Tracker,
            testbed.Outbox,
            new ReportLinks(new StorageClientFactory(StorageConnection.Parse(azurite.ConnectionString)).CreateSasIssuer(), Options.Create(new ReportLinksOptions())),
            Options.Create(new AlertsOptions()),
            Options.Create(new DeadlinesOptions()),
            pipeline.Clock);
        var period = YearMonth.Of(pipeline.Clock.GetUtcNow(), new DeadlinesOptions().FindTimeZone()).AddMonths(monthsBack);
        var outcome = await pipeline.UploadAndHandleAsync(Zunyi, TestPipeline.UniqueFile(period.ToString(), "U14", "csv"), SubmissionFiles.Utf8Csv(("U14", "0.5", "万户")));
        Assert.Equal(SubmissionOutcomeKind.Accepted, outcome.Kind);

        var notices = await notifier.AfterSubmissionAsync(outcome);

        var opened = Assert.Single(notices);
        Assert.Equal(AlertChange.Opened, opened.Change);
        Assert.Equal(emailed, opened.Trajectory.Count > 0);
        var alert = await pipeline.RowAsync(pipeline.Names.Alerts, Zunyi, "U14|Trajectory");
        Assert.Equal("Open", alert!["State"]);
        Assert.Equal(emailed, alert["NotifiedAt"] is not null);
        var queued = await pipeline.RowsAsync(testbed.OutboxTable, OutboxSchema.PartitionKeyFor(testbed.Zunyi));
        Assert.Equal(emailed ? 1 : 0, queued.Count(r => r.RowKey.StartsWith("alert|", StringComparison.Ordinal)));
        var items = new List<Storage.TableRow>();
        foreach (var staff in testbed.Province)
        {
            items.AddRange(await pipeline.RowsAsync(testbed.OutboxTable, OutboxSchema.PartitionKeyFor(staff)));
        }

        Assert.Equal(emailed ? testbed.Province.Count : 0, items.Count);
    }
}
