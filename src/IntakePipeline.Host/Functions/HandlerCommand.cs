using System.CommandLine;
using IntakePipeline.Host.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IntakePipeline.Host.Functions;

/// <summary>
/// <c>intake handler [--Section:Key=value…]</c>: the Azure Functions custom handler (<c>host.json</c> starts
/// <c>intake handler</c>). It serves until the host stops it.
/// </summary>
internal static class HandlerCommand
{
    public const string Name = "handler";

    public static Command Create()
    {
        var command = new Command(Name, $"Serve the Azure Functions custom handler on 127.0.0.1:${FunctionsHandlerHost.PortVariable} (started by host.json).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var builder = FunctionsHandlerHost.CreateBuilder([.. parseResult.UnmatchedTokens]);
            if (!FunctionsHandlerHost.TryGetPort(builder.Configuration, out var port))
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync(
                    $"{FunctionsHandlerHost.PortVariable} is not set to a TCP port. The Azure Functions host sets it; to try the handler locally, set it yourself.");
                return ExitCodes.Usage;
            }

            await using var app = builder.Build();
            app.MapIntakeFunctions();
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            FunctionsLog.Listening(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HandlerCommand)), FunctionsHandlerHost.ListenUrl(port));
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
