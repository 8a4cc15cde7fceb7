using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;
using IntakePipeline.Core.Submissions;
using IntakePipeline.Pipeline.Alerts;
using IntakePipeline.Pipeline.Dashboard;
using IntakePipeline.Pipeline.Events;
using IntakePipeline.Pipeline.Mail;
using IntakePipeline.Pipeline.Receipts;
using IntakePipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline;

/// <summary>Registers the pipeline.</summary>
public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the storage ports (<see cref="StorageServiceCollectionExtensions.AddIntakeStorage"/>); the options
    /// <see cref="TableNames"/> (<c>Tables</c>), <see cref="DeadlinesOptions"/> (<c>Deadlines</c>),
    /// <see cref="PlanOptions"/> (<c>Plan</c>), <see cref="QueuesOptions"/> (<c>Queues</c>), <see cref="SchedulesOptions"/>
    /// (<c>Schedules</c>), <see cref="ReportLinksOptions"/> (<c>ReportLinks</c>), <see cref="ThresholdsOptions"/> (<c>Thresholds</c>) and
    /// <see cref="LimitsOptions"/> (<c>Limits</c>), each validated on start; the <see cref="PlanCatalog"/> (from
    /// <c>Plan:CatalogPath</c> when set, else the embedded one); <see cref="TimeProvider.System"/> unless a
    /// <see cref="TimeProvider"/> is registered already; the use cases every host runs, <see cref="ProcessSubmissionHandler"/>,
    /// <see cref="CheckDeadlinesHandler"/>, <see cref="RecordPoisonHandler"/> and SendAlertsHandler, with singleton
    /// <see cref="SubmissionProcessor"/>, <see cref="SubmissionTemplatePublisher"/>, <see cref="BlobReceiptStore"/>, <see cref="ReportLinks"/>,
    /// <see cref="BlobEventQueue"/>, <see cref="IntakeReconciler"/>,
    /// <see cref="PlanPublisher"/> and <see cref="StorageSetup"/>; the alerts (<see cref="AlertsServiceCollectionExtensions.AddIntakeAlerts"/>),
    /// the mail (<see cref="MailServiceCollectionExtensions.AddIntakeMail"/>) and the <see cref="AlertNotifier"/> that
    /// joins them; and the dashboard (<see cref="DashboardServiceCollectionExtensions.AddIntakeDashboard"/>). Existing
    /// registrations of these types are kept.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration the options and the storage connection are read from.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddIntakePipeline(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddIntakeStorage(configuration);
        services.AddOptions<TableNames>()
            .Bind(configuration.GetSection(TableNames.SectionName))
            .Validate(n => n.All.All(IsTableName), "Every Tables name must be 3–63 letters and digits, starting with a letter.")
            .ValidateOnStart();
        services.AddOptions<DeadlinesOptions>()
            .Bind(configuration.GetSection(DeadlinesOptions.SectionName))
            .Validate(d => d.IsValid(), "Deadlines needs DayOfMonth 1–28, TimeOfDay under 24 hours and a known TimeZone.")
            .ValidateOnStart();
        services.AddOptions<PlanOptions>()
            .Bind(configuration.GetSection(PlanOptions.SectionName))
            .Validate(p => string.IsNullOrWhiteSpace(p.CatalogPath) || Directory.Exists(p.CatalogPath), "Plan:CatalogPath must be an existing folder.")
            .ValidateOnStart();
        services.AddOptions<ThresholdsOptions>()
            .Bind(configuration.GetSection(ThresholdsOptions.SectionName))
            .Validate(t => t.OnTrack >= 0 && t.Behind >= t.OnTrack && t.MinProjectionPoints >= 2 && t.ProjectionPoints >= t.MinProjectionPoints, "Thresholds need 0 <= OnTrack <= Behind and 2 <= MinProjectionPoints <= ProjectionPoints.")
            .ValidateOnStart();
        services.AddOptions<QueuesOptions>()
            .Bind(configuration.GetSection(QueuesOptions.SectionName))
            .Validate(q => IsQueueName(q.Events) && IsQueueName(q.Poison), "Queues:Events must be 3–56 lowercase letters, digits and single hyphens.")
            .Validate(q => q.ReconcileAfter >= TimeSpan.Zero, "Queues:ReconcileAfter must not be negative.")
            .ValidateOnStart();
        services.AddOptions<SchedulesOptions>()
            .Bind(configuration.GetSection(SchedulesOptions.SectionName))
            .ValidateOnStart();
        services.AddOptions<ReportLinksOptions>()
            .Bind(configuration.GetSection(ReportLinksOptions.SectionName))
            .Validate(l => l.IsValid(), "ReportLinks:Lifetime must be more than zero and at most 7.00:00:00 (a user delegation SAS lives at most 7 days).")
            .ValidateOnStart();
        services.AddOptions<LimitsOptions>()
            .Bind(configuration.GetSection(LimitsOptions.SectionName))
            .Validate(l => l.MaxFileBytes > 0 && l.MaxUnpackedBytes > 0 && l.MaxArchiveEntries > 0 && l.MaxCompressionRatio > 0, "Limits must be positive.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var path = sp.GetRequiredService<IOptions<PlanOptions>>().Value.CatalogPath;
            return string.IsNullOrWhiteSpace(path) ? PlanCatalogLoader.LoadEmbedded() : PlanCatalogLoader.LoadFromDirectory(path);
        });
        services.TryAddSingleton<SubmissionProcessor>();
        services.TryAddSingleton<SubmissionTemplatePublisher>();
        services.TryAddSingleton<BlobReceiptStore>();
        services.TryAddSingleton<ReportLinks>();
        services.TryAddSingleton<BlobEventQueue>();
        services.TryAddSingleton<IntakeReconciler>();
        services.TryAddSingleton<ProcessSubmissionHandler>();
        services.TryAddSingleton<CheckDeadlinesHandler>();
        services.TryAddSingleton<RecordPoisonHandler>();
        services.TryAddSingleton<PlanPublisher>();
        services.TryAddSingleton<StorageSetup>();
        services.AddIntakeAlerts(configuration);
        services.AddIntakeMail(configuration);
        services.TryAddSingleton<AlertNotifier>();
        services.AddIntakeDashboard(configuration);
        return services;
    }

    private static bool IsQueueName(string name) =>
        name is { Length: >= 3 and <= 63 } && char.IsAsciiLetterOrDigit(name[0]) && char.IsAsciiLetterOrDigit(name[^1])
        && !name.Contains("--", StringComparison.Ordinal) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static bool IsTableName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length is < 3 or > 63 || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
