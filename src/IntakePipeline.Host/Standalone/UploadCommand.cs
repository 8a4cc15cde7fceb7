using System.CommandLine;
using IntakePipeline.Host.Cli;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// <c>intake upload &lt;file&gt; --prefecture &lt;code&gt; --period &lt;yyyy-MM&gt; [--name &lt;blob file name&gt;] [--wait 30]</c>:
/// uploads as a prefecture would, prints the blob URL, waits for processing and prints the outcome.
/// </summary>
internal static class UploadCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The submission: .csv, .xlsx or .json." }.AcceptExistingOnly();
        var prefecture = CommonOptions.Prefecture();
        var period = CommonOptions.Period();
        var name = new Option<string?>("--name") { Description = "The blob's file name in the period folder (default: the file's own name)." };
        name.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && (value.Length == 0 || value.Contains('/', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal)))
            {
                result.AddError($"'{value}' is not a file name: it must be non-empty and hold no '/' or '\\'.");
            }
        });
        var wait = new Option<int>("--wait")
        {
            Description = "Seconds to wait for the pipeline's outcome; 0 = don't wait.",
            DefaultValueFactory = _ => 30,
        };
        wait.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--wait must be 0 or more seconds.");
            }
        });

        var command = new Command("upload", "Upload a submission into intake-{code}/{yyyy-MM}/ as a prefecture would, and wait for its outcome.")
        {
            file, prefecture, period, name, wait,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            await using var storage = await CliStorage.ConnectAsync(parseResult.InvocationConfiguration.Error, cancellationToken).ConfigureAwait(false);
            if (storage is null)
            {
                return ExitCodes.StorageUnavailable;
            }

            var source = parseResult.GetRequiredValue(file);
            var uploader = new SubmissionUploader(storage);
            var content = await File.ReadAllBytesAsync(source.FullName, cancellationToken).ConfigureAwait(false);
            var blob = await uploader.UploadAsync(
                parseResult.GetRequiredValue(prefecture),
                parseResult.GetRequiredValue(period),
                parseResult.GetValue(name) ?? source.Name,
                content,
                cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"已上传：{storage.BlobUri(blob.Container, blob.Name)}").ConfigureAwait(false);

            var seconds = parseResult.GetValue(wait);
            if (seconds == 0)
            {
                return ExitCodes.Success;
            }

            var receipt = await uploader.WaitAsync(blob, TimeSpan.FromSeconds(seconds), cancellationToken).ConfigureAwait(false);
            if (receipt is null)
            {
                await output.WriteLineAsync($"{seconds} 秒内尚未处理完成。`intake run` 是否在运行？稍后可用 `intake status` 查看结果。").ConfigureAwait(false);
                return ExitCodes.TimedOut;
            }

            return await uploader.DescribeAsync(output, blob, receipt, maxIssues: 10, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
