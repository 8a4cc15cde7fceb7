using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using IntakePipeline.Core;

namespace IntakePipeline.Host.Cli;

/// <summary>
/// Options shared by several commands, with their validation, so a typo is a usage error, not a crash. Each error
/// names the option, in Chinese, and shows a value that would be valid.
/// </summary>
public static partial class CommonOptions
{
    /// <summary><c>--catalog &lt;dir&gt;</c>: a folder with the plan catalog's CSV files, instead of the embedded one.</summary>
    public static Option<DirectoryInfo?> Catalog { get; } = CreateCatalog();

    /// <summary><c>--prefecture &lt;code&gt;</c>: a submitter's GB/T 2260 code (a prefecture, or 520000).</summary>
    public static Option<string> Prefecture() => new("--prefecture", "-p")
    {
        Description = $"报送单位代码，例如 520300（遵义市）。可用：{string.Join(' ', Submitters.All.Select(s => s.Code))}（520000 为省统计局）。",
        HelpName = "代码",
        Required = true,
        CustomParser = ParsePrefecture,
    };

    /// <summary><c>--period &lt;yyyy-MM&gt;</c>: the reporting month.</summary>
    public static Option<YearMonth> Period() => new("--period")
    {
        Description = "报送月份，格式 yyyy-MM，例如 2024-06。",
        HelpName = "yyyy-MM",
        Required = true,
        CustomParser = ParsePeriod,
    };

    /// <summary>
    /// A whole-number option of at least <paramref name="minimum"/>, defaulting to <paramref name="defaultValue"/>; a
    /// bad value's error shows the default as the example.
    /// </summary>
    public static Option<int> WholeNumber(string name, string description, int minimum, int defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (!int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < minimum)
            {
                result.AddError($"{name} 的值“{text}”无效，应为不小于 {minimum} 的整数，例如 {name} {defaultValue}。");
            }

            return value;
        },
    };

    /// <summary>Makes a file argument accept only a file that exists, with a Chinese error naming the path.</summary>
    public static Argument<FileInfo> MustExist(this Argument<FileInfo> argument)
    {
        argument.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo>() is { Exists: false } file)
            {
                result.AddError(NoSuchFile(result.Tokens[0].Value, file));
            }
        });
        return argument;
    }

    /// <summary>Makes a file option accept only a file that exists, with a Chinese error naming the option and the path.</summary>
    public static Option<FileInfo> MustExist(this Option<FileInfo> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo>() is { Exists: false } file)
            {
                result.AddError($"{option.Name} 的值：{NoSuchFile(result.Tokens[0].Value, file)}");
            }
        });
        return option;
    }

    /// <summary>What was typed, and the full path when it differs, so that a relative path's base is visible.</summary>
    internal static string Shown(string typed, FileSystemInfo resolved) =>
        typed == resolved.FullName ? $"“{typed}”" : $"“{typed}”（{resolved.FullName}）";

    private static string NoSuchFile(string typed, FileInfo file) => Directory.Exists(file.FullName)
        ? $"{Shown(typed, file)}是文件夹，这里要的是一个文件。"
        : $"找不到文件{Shown(typed, file)}。请检查路径和文件名。";

    /// <summary>
    /// Why <paramref name="text"/> is not a <c>yyyy-MM</c> month, with how to write it: the intended month when the
    /// text is a month written another way (<c>2024-6</c>, <c>2024/06</c>, <c>202406</c>), else an example.
    /// </summary>
    internal static string NotAMonth(string text) =>
        LooseMonth().Match(text.Trim()) is { Success: true } match
            && int.Parse(match.Groups["month"].Value, System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 12 and var month
            ? $"“{text}”不是月份，应写作 {new YearMonth(int.Parse(match.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture), month)}"
            : $"“{text}”不是月份，应写作 yyyy-MM，例如 2024-06";

    private static Option<DirectoryInfo?> CreateCatalog()
    {
        var catalog = new Option<DirectoryInfo?>("--catalog")
        {
            Description = "规划目录所在的文件夹（含 documents.csv、indicators.csv、targets.csv、checks.csv）；默认用 Plan__CatalogPath，否则用内置目录。",
            HelpName = "文件夹",
            Recursive = true,
        };
        catalog.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<DirectoryInfo?>() is { Exists: false } folder)
            {
                result.AddError($"--catalog 的文件夹{Shown(result.Tokens[0].Value, folder)}不存在。");
            }
        });
        return catalog;
    }

    private static string ParsePrefecture(ArgumentResult result)
    {
        var code = result.Tokens[0].Value.Trim();
        if (Submitters.Find(code) is null)
        {
            // A county's code (520302) shares its prefecture's first four digits.
            var guess = Submitters.All.FirstOrDefault(s => code.Length == 6 && code.StartsWith(s.Code[..4], StringComparison.Ordinal));
            result.AddError($"--prefecture 的值“{code}”不是报送单位代码"
                + (guess is null ? "。" : $"；是否指 {guess.Code}（{guess.Name}）？")
                + $"可用的代码：{string.Join("、", Submitters.All.Select(s => $"{s.Code} {s.Name}"))}。例如 --prefecture 520300。");
        }

        return code;
    }

    private static YearMonth ParsePeriod(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (!YearMonth.TryParse(text, out var period))
        {
            result.AddError($"--period 的值{NotAMonth(text)}。");
        }

        return period;
    }

    [GeneratedRegex(@"^(?<year>\d{4})\s*[-/.年]?\s*(?<month>\d{1,2})\s*月?$", RegexOptions.CultureInvariant)]
    private static partial Regex LooseMonth();
}
