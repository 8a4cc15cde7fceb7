using System.CommandLine;
using Microsoft.Extensions.Hosting;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// <c>intake run [--Section:Key=value…]</c>: runs the standalone host (Azurite when needed, storage setup, the blob
/// watcher) until Ctrl+C or SIGTERM, then shuts down gracefully.
/// </summary>
internal static class RunCommand
{
    public const string Name = "run";

    public static Command Create()
    {
        var command = new Command(Name, "在本机运行管道：监视 intake-* 容器并处理每个上传（默认使用 Azurite）。")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = StandaloneHostExtensions.CreateStandaloneHostBuilder([.. parseResult.UnmatchedTokens]).Build();
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
