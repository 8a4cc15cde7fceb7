using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using IntakePipeline.Pipeline;
using IntakePipeline.Pipeline.Telemetry;
using IntakePipeline.Storage;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;

namespace IntakePipeline.Functions;

/// <summary>Composes the Azure Functions app: the pipeline, start-up setup, and telemetry.</summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>The setting that holds the Application Insights connection string, as the Functions platform names it.</summary>
    public const string ApplicationInsightsSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The setting of an OTLP collector's endpoint, as OpenTelemetry names it.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Registers the pipeline (<see cref="PipelineServiceCollectionExtensions.AddIntakePipeline"/>), the
    /// <see cref="StorageInitializer"/> that creates what is missing and publishes the plan at start, and OpenTelemetry
    /// traces and metrics of <see cref="IntakeTelemetry"/> and the Functions worker: to Application Insights when
    /// <see cref="ApplicationInsightsSetting"/> is set (authenticated with the managed identity of
    /// <c>AzureWebJobsStorage__clientId</c> when set, as local auth is off), and to an OTLP collector when
    /// <see cref="OtlpEndpointSetting"/> is set.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The app settings.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddIntakeFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddIntakePipeline(configuration);
        services.AddHostedService<StorageInitializer>();

        var telemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(IntakeTelemetry.Name))
            .WithMetrics(metrics => metrics.AddMeter(IntakeTelemetry.Name));
        if (configuration[ApplicationInsightsSetting] is { Length: > 0 } connectionString)
        {
            var clientId = configuration[$"{StorageConnection.DefaultName}:{StorageConnection.ClientIdKey}"];
            var credential = new ManagedIdentityCredential(
                string.IsNullOrWhiteSpace(clientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId));
            telemetry.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                options.Credential = credential;
            });
        }

        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]))
        {
            telemetry.UseOtlpExporter();
        }

        return services;
    }
}
