using IntakePipeline.Core;
using IntakePipeline.Core.Intake;
using IntakePipeline.Host.Cli;

namespace IntakePipeline.Host.Standalone;

/// <summary>One file of a history folder, and where it goes: <c>intake-{Submitter}/{Period}/{File.Name}</c>.</summary>
/// <param name="Submitter">The submitter's code, from the folder or from <c>--prefecture</c>.</param>
/// <param name="Period">The reporting month, from the month folder.</param>
/// <param name="File">The file on disk.</param>
/// <param name="Path">The file's path inside the history folder, with '/' separators, for messages.</param>
internal sealed record SubmissionTreeFile(string Submitter, YearMonth Period, FileInfo File, string Path);

/// <summary>
/// A folder of history to upload: <c>{code}/{yyyy-MM}/{file}</c>, or <c>{yyyy-MM}/{file}</c> for one submitter. It is
/// read whole before anything is uploaded, so that a misplaced file stops the upload instead of being reported as
/// not-a-submission halfway through.
/// </summary>
internal sealed class SubmissionTree
{
    private SubmissionTree(IReadOnlyList<SubmissionTreeFile> files, IReadOnlyList<string> problems)
    {
        Files = files;
        Problems = problems;
    }

    /// <summary>The files, oldest month first; within a month by path.</summary>
    public IReadOnlyList<SubmissionTreeFile> Files { get; }

    /// <summary>Why the folder does not fit its layout, one Chinese line per entry; empty when it fits.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The files grouped by month, oldest first.</summary>
    public IEnumerable<IGrouping<YearMonth, SubmissionTreeFile>> Months => Files.GroupBy(f => f.Period);

    /// <summary>
    /// Reads <paramref name="root"/>: with <paramref name="submitter"/>, as <c>{yyyy-MM}/{file}</c> for that submitter;
    /// without, as <c>{code}/{yyyy-MM}/{file}</c>.
    /// </summary>
    public static SubmissionTree Read(DirectoryInfo root, string? submitter)
    {
        var files = new List<SubmissionTreeFile>();
        var problems = new List<string>();
        var layout = submitter is null ? "{代码}/{yyyy-MM}/{文件}" : "{yyyy-MM}/{文件}";
        foreach (var entry in Entries(root))
        {
            var relative = System.IO.Path.GetRelativePath(root.FullName, entry.FullName).Replace('\\', '/');
            if (entry is FileInfo)
            {
                problems.Add($"“{relative}”：文件应放在月份文件夹里（{layout}）。");
            }
            else if (submitter is not null)
            {
                ReadMonth((DirectoryInfo)entry, submitter, relative, files, problems);
            }
            else if (Submitters.Find(entry.Name) is null)
            {
                problems.Add(YearMonth.TryParse(entry.Name, out _)
                    ? $"“{relative}”是月份文件夹：一个报送单位的文件夹（{{yyyy-MM}}/{{文件}}）请加 --prefecture 指明单位，例如 --prefecture 520300。"
                    : $"“{relative}”不是报送单位代码；第一层文件夹应为代码，例如 520300（{layout}）。");
            }
            else
            {
                foreach (var month in Entries((DirectoryInfo)entry))
                {
                    var path = $"{relative}/{month.Name}";
                    if (month is DirectoryInfo folder)
                    {
                        ReadMonth(folder, entry.Name, path, files, problems);
                    }
                    else
                    {
                        problems.Add($"“{path}”：文件应放在月份文件夹里（{layout}）。");
                    }
                }
            }
        }

        if (files.Count == 0 && problems.Count == 0)
        {
            problems.Add($"文件夹“{root.FullName}”里没有要上传的文件（{layout}）。");
        }

        files.Sort((a, b) => a.Period != b.Period ? a.Period.CompareTo(b.Period) : string.CompareOrdinal(a.Path, b.Path));
        return new SubmissionTree(files, problems);
    }

    private static void ReadMonth(DirectoryInfo folder, string submitter, string relative, List<SubmissionTreeFile> files, List<string> problems)
    {
        // The folder's name must be the period exactly as the blob path writes it, not merely parse as one.
        if (!YearMonth.TryParse(folder.Name, out var period) || period.ToString() != folder.Name)
        {
            problems.Add($"文件夹“{relative}”：{CommonOptions.NotAMonth(folder.Name)}。");
            return;
        }

        foreach (var entry in Entries(folder))
        {
            var path = $"{relative}/{entry.Name}";
            if (entry is DirectoryInfo)
            {
                problems.Add($"“{path}”：月份文件夹里不能再有文件夹。");
            }
            else if (!SubmissionBlobName.TryParse(SubmissionBlobName.IntakeContainer(submitter), $"{period}/{entry.Name}", out _))
            {
                problems.Add($"“{path}”：只能上传 .csv、.xlsx 或 .json 文件。");
            }
            else
            {
                files.Add(new SubmissionTreeFile(submitter, period, (FileInfo)entry, path));
            }
        }
    }

    private static IEnumerable<FileSystemInfo> Entries(DirectoryInfo folder) =>
        folder.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal);
}
