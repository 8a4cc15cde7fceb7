using IntakePipeline.Core.Alerts;
using IntakePipeline.Core.Plan;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline.Mail;

/// <summary>Registers the outbox and the sender.</summary>
public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SmtpOptions"/> (<c>Smtp</c>), <see cref="MailOptions"/> (<c>Mail</c>) and
    /// <see cref="RecipientsOptions"/> (<c>Recipients</c>), each validated on start with a message naming the bad key
    /// and value; and singleton <see cref="AlertEmailComposer"/> (over the registered <see cref="PlanCatalog"/>),
    /// <see cref="Outbox"/> and <see cref="SendAlertsHandler"/>. Needs the registrations of
    /// <see cref="PipelineServiceCollectionExtensions.AddIntakePipeline"/> (table store, table names, catalog, clock).
    /// Existing registrations of these types are kept.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration the sections are read from.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddIntakeMail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<SmtpOptions>()
            .Bind(configuration.GetSection(SmtpOptions.SectionName))
            .ValidateOnStart();
        services.AddOptions<MailOptions>()
            .Bind(configuration.GetSection(MailOptions.SectionName))
            .ValidateOnStart();
        services.AddOptions<RecipientsOptions>()
            .Configure(o => o.Load(configuration.GetSection(RecipientsOptions.SectionName)))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmtpOptions>, MailOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailOptions>, MailOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RecipientsOptions>, MailOptionsValidator>());

        services.TryAddSingleton(sp => new AlertEmailComposer(sp.GetRequiredService<PlanCatalog>()));
        services.TryAddSingleton<Outbox>();
        services.TryAddSingleton<SendAlertsHandler>();
        return services;
    }
}
