using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntakePipeline.Pipeline.Alerts;

/// <summary>Registers the alert lifecycle and the deadline checks.</summary>
public static class AlertsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AlertsOptions"/> (section <c>Alerts</c>, validated on start), a start-up check of
    /// <c>Deadlines:FirstPeriod</c>, and singleton <see cref="AlertTracker"/> and <see cref="DeadlineChecker"/>.
    /// Their other dependencies (the table store, the catalog, <see cref="TableNames"/>, <see cref="DeadlinesOptions"/>,
    /// the thresholds and the clock) come from <see cref="PipelineServiceCollectionExtensions.AddIntakePipeline"/>.
    /// Existing registrations of the two services are kept.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration the options are read from.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddIntakeAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<AlertsOptions>()
            .Bind(configuration.GetSection(AlertsOptions.SectionName))
            .Validate(a => a.IsValid(), "Alerts:TrajectoryMonths must be 1–120 and Alerts:MailMonths 0–120.")
            .ValidateOnStart();
        services.AddOptions<DeadlinesOptions>()
            .Validate(d => d.IsFirstPeriodValid(), "Deadlines:FirstPeriod must be empty or a month written yyyy-MM, e.g. 2024-06.")
            .ValidateOnStart();
        services.TryAddSingleton<AlertTracker>();
        services.TryAddSingleton<DeadlineChecker>();
        return services;
    }
}
