using System.CommandLine;
using IntakePipeline.Host.Cli;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// <c>intake retry [--poison] [--prefecture &lt;code&gt;]</c>: queues again the events of intake files that have no
/// receipt (their event was lost), and with <c>--poison</c> also the files given up on, once the cause is fixed. It works
/// the same against Azurite and against an Azure storage account.
/// </summary>
internal static class RetryCommand
{
    public static Command Create()
    {
        var poison = new Option<bool>("--poison") { Description = "同时重新排队 Poison 表中记录的处理失败的文件。" };
        var prefecture = CommonOptions.Prefecture();
        prefecture.Required = false;
        var command = new Command("retry", "重新排队从未处理的文件；加 --poison 时也包括处理失败的文件。")
        {
            poison, prefecture,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            await using var storage = await CliStorage.ConnectAsync(parseResult.InvocationConfiguration.Error, cancellationToken).ConfigureAwait(false);
            if (storage is null)
            {
                return ExitCodes.StorageUnavailable;
            }

            var submitter = parseResult.GetValue(prefecture);
            var unprocessed = await storage.Reconciler.ReconcileAsync(submitter, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"未处理的文件：已重新排队 {unprocessed.Count} 个期间的文件。").ConfigureAwait(false);
            if (parseResult.GetValue(poison))
            {
                var requeued = await storage.Reconciler.RetryPoisonedAsync(submitter, cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync($"处理失败（Poison 表）的文件：已重新排队 {requeued} 个。").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
