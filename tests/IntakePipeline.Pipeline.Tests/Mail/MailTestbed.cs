using IntakePipeline.Core;
using IntakePipeline.Core.Alerts;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Validation;
using IntakePipeline.Pipeline.Mail;
using IntakePipeline.Pipeline.Tests.Fixtures;
using IntakePipeline.Storage;
using IntakePipeline.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline.Tests.Mail;

/// <summary>An outbox and a sender on their own Azurite tables, with recipients unique to the test.</summary>
internal sealed class MailTestbed
{
    private MailTestbed(TestPipeline pipeline, SmtpOptions smtp, MailOptions mail, RecipientsOptions recipients, TimeProvider time)
    {
        Pipeline = pipeline;
        Smtp = smtp;
        Mail = mail;
        Recipients = recipients;
        var composer = new AlertEmailComposer(TestPipeline.Catalog);
        Outbox = new Outbox(pipeline.Tables, composer, Options.Create(pipeline.Names), Options.Create(recipients), Options.Create(mail), time, NullLogger<Outbox>.Instance);
        Sender = new SendAlertsHandler(pipeline.Tables, composer, Options.Create(pipeline.Names), Options.Create(smtp), Options.Create(mail), time, NullLogger<SendAlertsHandler>.Instance);
    }

    public TestPipeline Pipeline { get; }

    public SmtpOptions Smtp { get; }

    public MailOptions Mail { get; }

    public RecipientsOptions Recipients { get; }

    public Outbox Outbox { get; }

    public SendAlertsHandler Sender { get; }

    public string OutboxTable => Pipeline.Names.Outbox;

    /// <summary>
    /// A testbed whose recipients are unique: <c>{tag}-zunyi@example.cn</c> for 520300, <c>{tag}-anshun@example.cn</c>
    /// for 520400, and two provincial addresses.
    /// </summary>
    public static async Task<MailTestbed> CreateAsync(
        AzuriteServer azurite,
        SmtpOptions smtp,
        MailOptions? mail = null,
        TimeProvider? time = null)
    {
        var pipeline = await TestPipeline.CreateAsync(azurite);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var recipients = new RecipientsOptions();
        recipients.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["520300:0"] = $"{tag}-zunyi@example.cn",
            ["520400:0"] = $"{tag}-anshun@example.cn",
            ["Province:0"] = $"{tag}-sheng1@example.cn",
            ["Province:1"] = $"{tag}-sheng2@example.cn",
        }).Build());
        return new MailTestbed(pipeline, smtp, mail ?? new MailOptions { RetryDelay = TimeSpan.FromMilliseconds(10) }, recipients, time ?? TimeProvider.System);
    }

    public static SmtpOptions Pickup(string folder) => new() { PickupDirectory = folder };

    public static SmtpOptions Network(MaildevServer maildev) => new()
    {
        Host = maildev.SmtpHost,
        Port = maildev.SmtpPort,
        Timeout = TimeSpan.FromSeconds(10),
    };

    public string Zunyi => Recipients.For("520300")[0];

    public string Anshun => Recipients.For("520400")[0];

    public IReadOnlyList<string> Province => Recipients.ForProvince();

    public static AlertNotice Behind(string scope, YearMonth period, AlertChange change = AlertChange.Opened, string indicator = "U14")
    {
        var entry = new ScorecardEntry(scope, indicator, period, 1.25, 2.5, 5.96, new YearMonth(2025, 12), 0, 0.21, TrajectoryStatus.SeriouslyBehind, 3.1, "黔发改城镇〔2022〕22号 专栏1 序号14");
        return new AlertNotice(
            scope, indicator, AlertKind.Trajectory, change, period, period, TrajectoryStatus.SeriouslyBehind, null, entry,
            [new TrajectoryMonth(period.AddMonths(-1), 1.1, 2.3), new TrajectoryMonth(period, 1.25, 2.5)],
            "corr-" + scope + "-" + period);
    }

    public static SubmissionReceipt Rejection(string submitter, YearMonth period) => new(
        submitter,
        $"{period}/遵义市-{period}.csv",
        period,
        $"20240705T010203Z-{Guid.NewGuid().ToString("N")[..12]}",
        false,
        [new ValidationIssue(IssueCodes.TypeError, IssueSeverity.Error, 7, "本月值", "=1+2", "“本月值”列应为数字。")],
        $"reports-{submitter}/{period}/遵义市-{period}.csv.report.html",
        new Uri($"http://127.0.0.1:10000/devstoreaccount1/reports-{submitter}/{period}/report.html?sv=2026-10-06&sig=x"),
        "corr-receipt");

    public async Task<List<TableRow>> RowsAsync() => await Pipeline.RowsAsync(OutboxTable);
}
