using IntakePipeline.Core.Dashboard;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline.Dashboard;

/// <summary>Registers the dashboard.</summary>
public static class DashboardServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DashboardOptions"/> (section <c>Dashboard</c>, validated on start) and singleton
    /// <see cref="DashboardQuery"/>, <see cref="DashboardRenderer"/> (the catalog, the thresholds and the deadlines' time
    /// zone) and <see cref="DashboardHandler"/>. Their other dependencies come from
    /// <see cref="PipelineServiceCollectionExtensions.AddIntakePipeline"/>. Existing registrations are kept.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration the options are read from.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddIntakeDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<DashboardOptions>()
            .Bind(configuration.GetSection(DashboardOptions.SectionName))
            .Validate(o => o.IsValid(), "Dashboard:Port must be 0–65535 and Dashboard:CacheDuration not negative.")
            .ValidateOnStart();
        services.TryAddSingleton<DashboardQuery>();
        services.TryAddSingleton(sp => new DashboardRenderer(
            sp.GetRequiredService<PlanCatalog>(),
            sp.GetRequiredService<IOptions<ThresholdsOptions>>().Value,
            sp.GetRequiredService<IOptions<DeadlinesOptions>>().Value.FindTimeZone()));
        services.TryAddSingleton<DashboardHandler>();
        return services;
    }
}
