using System.Globalization;
using IntakePipeline.Core.Formatting;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Submissions;

/// <summary>
/// Every issue that reading a file can raise, with its Chinese message, in one place so that the wording stays
/// consistent and each message names the row, column, value and rule it is about.
/// </summary>
internal static class SubmissionReadIssues
{
    private const string ResaveXlsx = "请在 Excel 中打开并另存为新的 .xlsx 文件后重新上传。";

    public static ValidationIssue UnsupportedExtension(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        var shown = extension.Length == 0 ? "（无扩展名）" : $"“{extension}”";
        return FileError(
            IssueCodes.UnreadableFile,
            fileName,
            $"文件“{fileName}”的扩展名{shown}不受支持。请上传 .xlsx、.csv 或 .json 格式的报送文件。");
    }

    public static ValidationIssue FileTooLarge(long? size, long cap) => size is { } known
        ? FileError(
            IssueCodes.FileTooLarge,
            FormatSizeAbove(known, cap),
            $"文件大小 {FormatSizeAbove(known, cap)} 超过上限 {FormatSize(cap)}，请删除多余的工作表、图片或空行后重新上传。")
        : FileError(
            IssueCodes.FileTooLarge,
            $"> {FormatSize(cap)}",
            $"文件大小超过上限 {FormatSize(cap)}（读到上限后已停止读取），请删除多余的工作表、图片或空行后重新上传。");

    public static ValidationIssue TooManyRows(int row, int cap) => new(
        IssueCodes.FileTooLarge,
        IssueSeverity.Error,
        row,
        null,
        null,
        $"第 {row} 行：数据行超过上限 {cap} 行，已停止读取。每月报送每个指标只需一行，请删除多余的行后重新上传。");

    public static ValidationIssue TooManyColumns(int row, int column, string value, int cap) => new(
        IssueCodes.FileTooLarge,
        IssueSeverity.Error,
        row,
        ColumnName(column),
        value,
        $"第 {row} 行第 {column + 1} 列有内容“{value}”，超出 {cap} 列的上限，已停止读取。请只保留报送模板中的列后重新上传。");

    public static ValidationIssue Empty() => FileError(
        IssueCodes.EmptyFile,
        null,
        "文件是空的，没有表头行。请使用报送模板填写后重新上传。");

    public static ValidationIssue NoRows(int? headerRow) => FileError(
        IssueCodes.NoRows,
        null,
        headerRow is { } row
            ? $"文件只有表头（第 {row} 行），没有数据行。请填写各指标的数值后重新上传。"
            : "文件中没有数据行（JSON 数组为空）。请填写各指标的数值后重新上传。");

    public static ValidationIssue Utf16Text() => FileError(
        IssueCodes.UnreadableFile,
        "UTF-16",
        "文件是 UTF-16 编码（Excel 的“Unicode 文本”格式），不受支持。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重新上传。");

    public static ValidationIssue BinaryText(long offset) => FileError(
        IssueCodes.UnreadableFile,
        $"第 {offset + 1} 字节",
        $"文件在第 {offset + 1} 字节处有无法识别的内容：既不是 UTF-8 也不是 GB18030 编码的文本，可能是二进制文件或已损坏。"
        + "请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重新上传。");

    public static ValidationIssue WorkbookNamedAsText(string extension) => FileError(
        IssueCodes.UnreadableFile,
        extension,
        $"文件内容是 Excel 工作簿，但扩展名是“{extension}”。请把扩展名改为 .xlsx，或在 Excel 中另存为 CSV 后重新上传。");

    public static ValidationIssue LegacyOrEncryptedWorkbook() => FileError(
        IssueCodes.UnreadableFile,
        null,
        "文件是旧版 Excel 97-2003（.xls）格式，或设置了打开密码，无法读取。请取消密码并另存为 .xlsx 后重新上传。");

    public static ValidationIssue NotAWorkbook() => FileError(
        IssueCodes.UnreadableFile,
        null,
        "文件不是有效的 .xlsx 工作簿：压缩包已损坏，或不是 Excel 文件。" + ResaveXlsx);

    public static ValidationIssue BrokenArchiveEntry(string entry)
    {
        var name = Shorten(entry);
        return FileError(IssueCodes.UnreadableFile, name, $"工作簿压缩包中的“{name}”已损坏，无法解压。" + ResaveXlsx);
    }

    public static ValidationIssue MissingWorkbook() => FileError(
        IssueCodes.UnreadableFile,
        "xl/workbook.xml",
        "文件中缺少工作簿内容（xl/workbook.xml），不是有效的 Excel 工作簿。" + ResaveXlsx);

    public static ValidationIssue NoWorksheet() => FileError(
        IssueCodes.UnreadableFile,
        null,
        "工作簿中没有可见的工作表。请把数据放在名为“数据”的工作表中后重新上传。");

    public static ValidationIssue MalformedXml(string part, int line, int position) => line > 0
        ? FileError(
            IssueCodes.UnreadableFile,
            $"{part} 第 {line} 行第 {position} 列",
            $"工作簿内容已损坏：{part} 在第 {line} 行第 {position} 列处不是有效的 XML。" + ResaveXlsx)
        // The XML reader gives no position for some faults (a part past the size cap): name the part only.
        : FileError(IssueCodes.UnreadableFile, part, $"工作簿内容已损坏：{part} 不是有效的 XML。" + ResaveXlsx);

    public static ValidationIssue XmlDeclaresEntities(string part)
    {
        var name = Shorten(part);
        return FileError(
            IssueCodes.UnreadableFile,
            name,
            $"工作簿中的“{name}”含有 DTD 或实体声明（<!DOCTYPE、<!ENTITY）。Excel 从不写入这类内容，它可用于“十亿笑”等 XML 攻击，已拒收。" + ResaveXlsx);
    }

    public static ValidationIssue MissingPart(string relationshipsPart, string target)
    {
        var name = Shorten(relationshipsPart);
        var shown = Shorten(target);
        return FileError(
            IssueCodes.UnreadableFile,
            shown,
            $"工作簿已损坏：“{name}”引用的“{shown}”在文件中不存在（或指向工作簿之外）。" + ResaveXlsx);
    }

    public static ValidationIssue HiddenDataSheet() => FileError(
        IssueCodes.UnreadableFile,
        XlsxWorkbookParts.DataSheetName,
        $"工作表“{XlsxWorkbookParts.DataSheetName}”被隐藏了。系统读取“{XlsxWorkbookParts.DataSheetName}”工作表，但您在 Excel 中看不到它的内容，"
        + "报送的数据可能不是您看到的数据。请在 Excel 中右键工作表标签，选择“取消隐藏”，核对其中的数据后重新上传。");

    public static ValidationIssue EncryptedEntry(string entry)
    {
        var name = Shorten(entry);
        return FileError(IssueCodes.UnreadableFile, name, $"工作簿压缩包中的“{name}”已加密，无法读取。请在 Excel 中取消文件密码，另存为新的 .xlsx 文件后重新上传。");
    }

    public static ValidationIssue DuplicateEntry(string entry)
    {
        var name = Shorten(entry);
        return FileError(
            IssueCodes.UnreadableFile,
            name,
            $"工作簿压缩包中有两个“{name}”，无法确定哪一个是您在 Excel 中看到的内容，文件可能被篡改或已损坏。" + ResaveXlsx);
    }

    public static ValidationIssue ChecksumMismatch(string entry)
    {
        var name = Shorten(entry);
        return FileError(
            IssueCodes.UnreadableFile,
            name,
            $"工作簿压缩包中的“{name}”校验和（CRC）不符，内容已损坏，读出的数据不可信。" + ResaveXlsx);
    }

    public static ValidationIssue LibraryFault(SubmissionFormat format, Exception exception)
    {
        var kind = format switch
        {
            SubmissionFormat.Xlsx => "Excel 工作簿（.xlsx）",
            SubmissionFormat.Json => "JSON 文件",
            _ => "CSV 文件",
        };
        var advice = format == SubmissionFormat.Xlsx ? ResaveXlsx : "请检查文件内容，或用报送模板重新填写后上传。";
        return FileError(
            IssueCodes.UnreadableFile,
            Shorten(exception.GetType().Name + ": " + exception.Message),
            $"文件无法按{kind}读取：文件结构已损坏，或含有本系统不支持的内容（技术原因见“值”一栏）。" + advice);
    }

    public static ValidationIssue UnterminatedQuote(int row, string column, int lines) => new(
        IssueCodes.UnreadableFile,
        IssueSeverity.Error,
        row,
        column,
        null,
        $"第 {row} 行“{column}”列以英文双引号（\"）开头，但引号一直没有闭合，从这里到文件末尾的 {lines} 行都被读成了这一个单元格的内容，"
        + "其中的数据不会被读取。请删除多余的引号，或补上配对的引号后重新上传。");

    public static ValidationIssue QuoteAcrossRows(int row, string column, int swallowed) => new(
        IssueCodes.UnreadableFile,
        IssueSeverity.Error,
        row,
        column,
        null,
        $"第 {row} 行“{column}”列的英文双引号（\"）没有在本行内配对，之后的 {swallowed} 行被读成了这一个单元格的内容，其中的数据不会被读取。"
        + "请删除多余的引号，或补上配对的引号后重新上传。");

    public static ValidationIssue JsonInvalidText(int row, string? key) => new(
        IssueCodes.UnreadableFile,
        IssueSeverity.Error,
        row,
        key,
        null,
        key is null
            ? $"JSON 数组的第 {row} 个元素中有一个键含有无效的 Unicode 转义（例如单独的 \\ud800），无法转换为文字。请更正后重新上传。"
            : $"JSON 数组的第 {row} 个元素中，“{key}”的值含有无效的 Unicode 转义（例如单独的 \\ud800），无法转换为文字。请更正后重新上传。");

    public static ValidationIssue MalformedWorkbook(string part, string detail) => FileError(
        IssueCodes.UnreadableFile,
        detail,
        $"工作簿内容已损坏：{part} 中的“{detail}”无效。" + ResaveXlsx);

    public static ValidationIssue TooManyEntries(int count, int cap) => FileError(
        IssueCodes.ArchiveTooLarge,
        $"{count} 个文件",
        $"工作簿压缩包内含 {count} 个文件，超过上限 {cap} 个，不像是正常的 Excel 文件。" + ResaveXlsx);

    public static ValidationIssue UnpackedTooLarge(string entry, long cap)
    {
        var name = Shorten(entry);
        return FileError(
            IssueCodes.ArchiveTooLarge,
            name,
            $"工作簿解压后超过上限 {FormatSize(cap)}（在“{name}”处停止解压），可能含有大量空白格式，或是恶意构造的压缩炸弹。"
            + "请删除多余的工作表和格式，" + ResaveXlsx);
    }

    public static ValidationIssue RatioTooHigh(string entry, double cap)
    {
        var name = Shorten(entry);
        return FileError(
            IssueCodes.ArchiveTooLarge,
            name,
            $"工作簿压缩包中的“{name}”压缩比超过上限 {DisplayNumber.Format(cap)}:1，"
            + "可能是恶意构造的压缩炸弹，已停止解压。" + ResaveXlsx);
    }

    public static ValidationIssue FormulaCell(int row, string column, string cached) => cached.Length == 0
        ? new(
            IssueCodes.FormulaCell,
            IssueSeverity.Warning,
            row,
            column,
            cached,
            $"第 {row} 行“{column}”列是公式，但文件中没有保存计算结果，已按空白读取。请在 Excel 中把该列“选择性粘贴为数值”后重新上传。")
        : new(
            IssueCodes.FormulaCell,
            IssueSeverity.Warning,
            row,
            column,
            cached,
            $"第 {row} 行“{column}”列是公式，已按 Excel 保存的计算结果“{cached}”读取。为避免报送的不是最新结果，请把该列“选择性粘贴为数值”后重新上传。");

    public static ValidationIssue MalformedJson(long? line, long? bytePosition)
    {
        var position = line is { } l && bytePosition is { } b ? $"第 {l + 1} 行第 {b + 1} 字节" : null;
        var where = position is null ? string.Empty : $"（{position}附近）";
        return FileError(
            IssueCodes.UnreadableFile,
            position,
            $"JSON 格式错误{where}：可能是括号、引号或逗号不匹配，或嵌套超过 {JsonSubmissionReader.MaxDepth} 层。请检查后重新上传。");
    }

    public static ValidationIssue JsonDuplicateKey(int row, string key) => new(
        IssueCodes.UnreadableFile,
        IssueSeverity.Error,
        row,
        key.Trim(),
        key,
        $"JSON 数组的第 {row} 个元素中，键“{key}”出现了不止一次，无法确定取哪个值。请删除重复的键后重新上传。");

    public static ValidationIssue JsonNotAnArray(string kind) => FileError(
        IssueCodes.UnreadableFile,
        kind,
        $"JSON 文件的最外层必须是数组，每个元素是一行数据，例如 [{{\"指标代码\":\"U01\",\"数值\":56}}]；实际是{kind}。");

    public static ValidationIssue JsonRowNotAnObject(int row, string kind) => new(
        IssueCodes.UnreadableFile,
        IssueSeverity.Error,
        row,
        null,
        kind,
        $"JSON 数组的第 {row} 个元素不是对象，而是{kind}。每个元素应是一行数据，例如 {{\"指标代码\":\"U01\",\"数值\":56}}。");

    /// <summary>The name a column without header text gets, such as <c>列7</c> for the 7th column.</summary>
    public static string ColumnName(int column) => "列" + (column + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>A size as a person reads it: <c>12.4 MiB</c>, <c>512 KiB</c> or <c>300 字节</c>.</summary>
    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MiB",
        >= 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KiB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " 字节",
    };

    // Just over the cap, "10 MiB 超过上限 10 MiB" would read as a contradiction, so fall back to bytes.
    private static string FormatSizeAbove(long bytes, long cap) =>
        FormatSize(bytes) == FormatSize(cap) ? bytes.ToString(CultureInfo.InvariantCulture) + " 字节" : FormatSize(bytes);

    // Entry names come from the uploader's zip: keep them short and printable in a report.
    private static string Shorten(string name)
    {
        const int MaxLength = 120;
        var shown = string.Create(Math.Min(name.Length, MaxLength), name, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        });
        return name.Length > MaxLength ? shown + "…" : shown;
    }

    private static ValidationIssue FileError(string code, string? value, string message) =>
        new(code, IssueSeverity.Error, null, null, value, message);
}
