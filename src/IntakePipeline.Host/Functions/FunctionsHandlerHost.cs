using System.Globalization;
using IntakePipeline.Pipeline;
using IntakePipeline.Pipeline.Mail;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntakePipeline.Host.Functions;

/// <summary>
/// Composes <c>intake handler</c>, the Azure Functions custom handler: an ASP.NET Core server on
/// <c>127.0.0.1:{FUNCTIONS_CUSTOMHANDLER_PORT}</c> answering the host's <c>POST /{functionName}</c>.
/// </summary>
internal static class FunctionsHandlerHost
{
    /// <summary>The port the Functions host assigns and waits on.</summary>
    public const string PortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>
    /// Creates the builder. Configuration is the environment (the app settings: <c>AzureWebJobsStorage</c> or its
    /// identity-based <c>__blobServiceUri</c>/<c>__tableServiceUri</c>, <c>Tables__…</c>, <c>Plan__CatalogPath</c>…)
    /// and then <paramref name="args"/> (<c>--Limits:MaxFileBytes=…</c>). No <c>appsettings.json</c> is read: the
    /// standalone host's local defaults (Azurite) must never apply in Azure. Kestrel listens on loopback only, on
    /// <see cref="PortVariable"/> when it is set.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddEnvironmentVariables().AddCommandLine(args);
        if (TryGetPort(builder.Configuration, out var port))
        {
            builder.WebHost.UseUrls(ListenUrl(port));
        }

        builder.Services.AddIntakeFunctionsHandler(builder.Configuration);
        return builder;
    }

    /// <summary>Registers the pipeline (storage, options, catalog, handlers) and the startup storage setup and plan publication.</summary>
    public static IServiceCollection AddIntakeFunctionsHandler(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIntakePipeline(configuration);
        services.AddHostedService<StorageInitializer>();
        return services;
    }

    /// <summary>Adds the exception translation and maps every function's route.</summary>
    public static WebApplication MapIntakeFunctions(this WebApplication app)
    {
        app.UseMiddleware<InvocationFailureMiddleware>();
        app.MapProcessSubmission();
        app.MapTimerFunction("CheckDeadlines", async (services, _, cancellationToken) =>
        {
            var (opened, queued) = await services.GetRequiredService<AlertNotifier>().CheckDeadlinesAsync(cancellationToken).ConfigureAwait(false);
            return $"缺报检查：新开 {opened} 条缺报预警，排队 {queued} 封邮件。";
        });
        app.MapTimerFunction("SendAlerts", async (services, _, cancellationToken) =>
            (await services.GetRequiredService<SendAlertsHandler>().RunAsync(cancellationToken).ConfigureAwait(false)).ToString());
        return app;
    }

    /// <summary>The port from <see cref="PortVariable"/>, when it is a valid TCP port.</summary>
    public static bool TryGetPort(IConfiguration configuration, out int port) =>
        int.TryParse(configuration[PortVariable], NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and <= 65535;

    public static string ListenUrl(int port) => $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
}
