using System.CommandLine;
using System.CommandLine.Parsing;
using IntakePipeline.Core;

namespace IntakePipeline.Host.Cli;

/// <summary>Options shared by several commands, with their validation, so a typo is a usage error, not a crash.</summary>
public static class CommonOptions
{
    /// <summary><c>--catalog &lt;dir&gt;</c>: a folder with the plan catalog's CSV files, instead of the embedded one.</summary>
    public static Option<DirectoryInfo?> Catalog { get; } = new("--catalog")
    {
        Description = "Folder with documents.csv, indicators.csv, targets.csv and checks.csv (default: Plan__CatalogPath, else the embedded catalog).",
        Recursive = true,
    };

    /// <summary><c>--prefecture &lt;code&gt;</c>: a submitter's GB/T 2260 code (a prefecture, or 520000).</summary>
    public static Option<string> Prefecture() => new("--prefecture", "-p")
    {
        Description = "Submitter code: 520100 520200 520300 520400 520500 520600 522300 522600 522700, or 520000 (province).",
        Required = true,
        CustomParser = ParsePrefecture,
    };

    /// <summary><c>--period &lt;yyyy-MM&gt;</c>: the reporting month.</summary>
    public static Option<YearMonth> Period() => new("--period")
    {
        Description = "Reporting month, yyyy-MM.",
        Required = true,
        CustomParser = ParsePeriod,
    };

    private static string ParsePrefecture(ArgumentResult result)
    {
        var code = result.Tokens.Count > 0 ? result.Tokens[0].Value.Trim() : string.Empty;
        if (Submitters.Find(code) is null)
        {
            result.AddError($"'{code}' is not a submitter code. Use one of: {string.Join(' ', Submitters.All.Select(s => s.Code))}.");
        }

        return code;
    }

    private static YearMonth ParsePeriod(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (!YearMonth.TryParse(text, out var period))
        {
            result.AddError($"'{text}' is not a month; use yyyy-MM, e.g. 2024-06.");
        }

        return period;
    }
}
