using System.CommandLine;
using IntakePipeline.Host.Cli;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// <c>intake upload &lt;file&gt; --prefecture &lt;code&gt; --period &lt;yyyy-MM&gt; [--name &lt;blob file name&gt;] [--wait 30]</c>:
/// uploads as a prefecture would, prints the blob URL, waits for processing and prints the outcome.
/// <c>intake upload &lt;folder&gt; [--prefecture &lt;code&gt;] [--wait 30]</c> loads a history folder month by month, oldest first.
/// </summary>
internal static class UploadCommand
{
    public static Command Create()
    {
        var path = new Argument<FileSystemInfo>("path")
        {
            Description = "要上传的报送文件（.csv、.xlsx 或 .json），或历史文件夹：{代码}/{yyyy-MM}/{文件}，加 --prefecture 时为 {yyyy-MM}/{文件}。",
        };
        path.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileSystemInfo>() is { Exists: false } missing)
            {
                result.AddError($"找不到文件或文件夹{CommonOptions.Shown(result.Tokens[0].Value, missing)}。请检查路径。");
            }
        });
        var prefecture = CommonOptions.Prefecture();
        prefecture.Required = false;
        var period = CommonOptions.Period();
        period.Required = false;
        var name = new Option<string?>("--name") { Description = "上传后在月份文件夹里的文件名（默认用原文件名），例如 --name 遵义市-2024-07.csv。" };
        name.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && (value.Length == 0 || value.Contains('/', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal)))
            {
                result.AddError($"--name 的值“{value}”不是文件名：不能为空，也不能含“/”或“\\”，例如 --name 遵义市-2024-07.csv。");
            }
        });
        var wait = CommonOptions.WholeNumber("--wait", "等待管道处理结果的秒数（上传文件夹时为每个月的等待秒数），默认 30；0 表示不等待（只用于单个文件）。", minimum: 0, defaultValue: 30);

        var command = new Command("upload", "像报送单位那样把文件上传到 intake-{代码}/{yyyy-MM}/ 并等待处理结果；也可逐月上传一个历史文件夹。")
        {
            path, prefecture, period, name, wait,
        };
        command.Validators.Add(result =>
        {
            // The path's value is not read here: reading it from a command validator skips the argument's own validator.
            var typed = result.GetResult(path)?.Tokens.FirstOrDefault()?.Value;
            if (Directory.Exists(typed))
            {
                foreach (var (option, why) in new (Option Option, string Why)[] { (period, "月份取自文件夹名"), (name, "文件名取自文件本身") })
                {
                    if (result.GetResult(option) is not null)
                    {
                        result.AddError($"上传文件夹时不能给 {option.Name}：{why}。");
                    }
                }

                if (result.GetResult(wait) is { Tokens: [var seconds] } && int.TryParse(seconds.Value, out var value) && value == 0)
                {
                    result.AddError("上传文件夹时 --wait 不能为 0：要等每个月处理完才传下一个月，例如 --wait 60。");
                }
            }
            else if (File.Exists(typed))
            {
                foreach (var option in new Option[] { prefecture, period })
                {
                    if (result.GetResult(option) is null)
                    {
                        result.AddError($"上传单个文件时必须给出 {option.Name}：{option.Description}");
                    }
                }
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            SubmissionTree? tree = null;
            if (parseResult.GetRequiredValue(path) is DirectoryInfo folder)
            {
                tree = SubmissionTree.Read(folder, parseResult.GetValue(prefecture));
                if (tree.Problems.Count > 0)
                {
                    var error = parseResult.InvocationConfiguration.Error;
                    await error.WriteLineAsync($"文件夹“{folder.FullName}”的结构不对，没有上传任何文件：").ConfigureAwait(false);
                    foreach (var problem in tree.Problems)
                    {
                        await error.WriteLineAsync($"　{problem}").ConfigureAwait(false);
                    }

                    return ExitCodes.Usage;
                }
            }

            await using var storage = await CliStorage.ConnectAsync(parseResult.InvocationConfiguration.Error, cancellationToken).ConfigureAwait(false);
            if (storage is null)
            {
                return ExitCodes.StorageUnavailable;
            }

            var seconds = parseResult.GetValue(wait);
            if (tree is not null)
            {
                return await new HistoryUploader(storage, HistoryProgress.For(output), output)
                    .UploadAsync(tree, TimeSpan.FromSeconds(seconds), cancellationToken).ConfigureAwait(false);
            }

            var source = (FileInfo)parseResult.GetRequiredValue(path);
            var uploader = new SubmissionUploader(storage);
            var content = await File.ReadAllBytesAsync(source.FullName, cancellationToken).ConfigureAwait(false);
            var blob = await uploader.UploadAsync(
                parseResult.GetRequiredValue(prefecture),
                parseResult.GetRequiredValue(period),
                parseResult.GetValue(name) ?? source.Name,
                content,
                cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"已上传：{storage.BlobUri(blob.Container, blob.Name)}").ConfigureAwait(false);

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
