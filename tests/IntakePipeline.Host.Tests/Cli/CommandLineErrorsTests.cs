using IntakePipeline.Host.Cli;

namespace IntakePipeline.Host.Tests.Cli;

/// <summary>What a user reads on standard error after a wrong command line, and the exit code a script gets.</summary>
public sealed class CommandLineErrorsTests
{
    private static readonly string _sample = CliRun.Sample("2024-06/遵义市-2024-06.csv");

    public static TheoryData<string[], string> UsageErrors() => new()
    {
        { ["validate", "missing.csv", "-p", "520300", "--period", "2024-06"], "找不到文件“missing.csv”（" },
        { ["validate", "SAMPLES", "-p", "520300", "--period", "2024-06"], "是文件夹，这里要的是一个文件。" },
        { ["validate", "SAMPLE", "-p", "999999", "--period", "2024-06"], "--prefecture 的值“999999”不是报送单位代码。可用的代码：520100 贵阳市、" },
        { ["validate", "SAMPLE", "-p", "520301", "--period", "2024-06"], "--prefecture 的值“520301”不是报送单位代码；是否指 520300（遵义市）？" },
        { ["validate", "SAMPLE", "-p", "520300", "--period", "2024-6"], "--period 的值“2024-6”不是月份，应写作 2024-06。" },
        { ["validate", "SAMPLE", "-p", "520300", "--period", "六月"], "--period 的值“六月”不是月份，应写作 yyyy-MM，例如 2024-06。" },
        { ["validate", "SAMPLE", "-p", "520300"], "缺少必需的选项 --period：报送月份，格式 yyyy-MM，例如 2024-06。" },
        { ["validate", "SAMPLE", "--period", "2024-06"], "缺少必需的选项 --prefecture：报送单位代码，例如 520300（遵义市）。" },
        { ["validate", "SAMPLE", "--period", "2024-06", "-p"], "-p 后面缺少取值：报送单位代码，例如 520300" },
        { ["validate", "SAMPLE", "-p", "520300", "-p", "520100", "--period", "2024-06"], "--prefecture 只能给一个值，这里给了 2 个（520300、520100）。" },
        { ["validate", "-p", "520300", "--period", "2024-06"], "缺少 <file>：要校验的报送文件：.csv、.xlsx 或 .json，例如 遵义市-2024-06.csv。" },
        { ["validate", "SAMPLE", "-p", "520300", "--period", "2024-06", "--no-such-option"], "无法识别“--no-such-option”：它不是 intake validate 的选项或参数。" },
        { ["validate", "SAMPLE", "-p", "520300", "--period", "2024-06", "--previous", "missing.csv"], "--previous 的值：找不到文件“missing.csv”（" },
        { ["validate", "SAMPLE", "-p", "520300", "--period", "2024-06", "--catalog", "no-such-folder"], "--catalog 的文件夹“no-such-folder”（" },
        { ["template", "-p", "520300", "--period", "2024-07", "-o", "/no-such-folder/t.xlsx"], "--output 的文件夹“/no-such-folder”不存在。" },
        { ["status", "--top", "0"], "--top 的值“0”无效，应为不小于 1 的整数，例如 --top 20。" },
        { ["status", "--top", "many"], "--top 的值“many”无效，应为不小于 1 的整数，例如 --top 20。" },
        { ["upload", "SAMPLE", "--wait", "-1", "-p", "520300", "--period", "2024-06"], "--wait 的值“-1”无效，应为不小于 0 的整数，例如 --wait 30。" },
        { ["upload", "SAMPLE", "--name", "a/b.csv", "-p", "520300", "--period", "2024-06"], "--name 的值“a/b.csv”不是文件名" },
        { ["upload", "SAMPLE"], "上传单个文件时必须给出 --period：报送月份，格式 yyyy-MM，例如 2024-06。" },
        { ["upload", "SAMPLES", "--period", "2024-06"], "上传文件夹时不能给 --period：月份取自文件夹名。" },
        { ["upload", "SAMPLES", "-p", "520300", "--wait", "0"], "上传文件夹时 --wait 不能为 0" },
        { ["upload", "missing/"], "找不到文件或文件夹“missing/”（" },
        { ["plan"], "intake plan 后面需要一个子命令：export、check。" },
        { ["no-such-command"], "无法识别“no-such-command”：它不是 intake 的子命令、选项或参数。" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task RunAsync_UsageError_SaysWhatIsWrongInChineseAndExitsTwo(string[] args, string expected)
    {
        var resolved = args.Select(a => a switch { "SAMPLE" => _sample, "SAMPLES" => CliRun.Sample("2024-06"), _ => a }).ToArray();

        var (exitCode, output, error) = await CliRun.RunAsync(resolved);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.EndsWith($"查看用法。{Environment.NewLine}", error, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}", error.Replace("--help", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_UnknownCommand_ListsTheCommandsAndNamesTheWord()
    {
        var (exitCode, _, error) = await CliRun.RunAsync("uplod");

        Assert.Equal(ExitCodes.Usage, exitCode);
        var lines = error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("intake 后面需要一个子命令：validate、plan、template、", lines[0], StringComparison.Ordinal);
        Assert.Equal("无法识别“uplod”：它不是 intake 的子命令、选项或参数。", lines[1]);
        Assert.Equal("用 `intake --help` 查看用法。", lines[2]);
    }

    [Fact]
    public async Task Process_BadPeriod_PrintsTheChineseLineOnStandardErrorAndExitsTwo()
    {
        var (exitCode, output, error) = await CliProcess.RunAsync("validate", _sample, "--prefecture", "520300", "--period", "2024-6");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal(["--period 的值“2024-6”不是月份，应写作 2024-06。", "用 `intake validate --help` 查看用法。"], error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
