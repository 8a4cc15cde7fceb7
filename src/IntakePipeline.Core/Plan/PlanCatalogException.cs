namespace IntakePipeline.Core.Plan;

/// <summary>
/// A malformed plan catalog. The message names the file, the row (1-based, as Excel shows it, the header being row 1)
/// and the field, in Chinese and English, so that plan staff can fix the file.
/// </summary>
public sealed class PlanCatalogException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public PlanCatalogException()
        : base("The plan catalog is malformed. 计划目录文件有误。")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    public PlanCatalogException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and cause.</summary>
    public PlanCatalogException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    private PlanCatalogException(string file, int? row, string? field, string message, Exception? innerException)
        : base(message, innerException)
    {
        File = file;
        Row = row;
        Field = field;
    }

    /// <summary>The file at fault, as the loader was given it (a path, or <c>plan/…</c> for the embedded catalog).</summary>
    public string? File { get; }

    /// <summary>The 1-based row as Excel shows it (the header is row 1), or null for a problem with the whole file.</summary>
    public int? Row { get; }

    /// <summary>The column at fault, or null.</summary>
    public string? Field { get; }

    /// <summary>The one place that words catalog errors, so every message has the same shape.</summary>
    internal static PlanCatalogException At(string file, int? row, string? field, string chinese, string english, Exception? innerException = null)
    {
        var where = (row, field) switch
        {
            (null, null) => ("", ""),
            (null, _) => ($"，列“{field}”", $", column '{field}'"),
            (_, null) => ($" 第{row}行", $", row {row}"),
            _ => ($" 第{row}行，列“{field}”", $", row {row}, column '{field}'"),
        };
        var message = $"{file}{where.Item1}：{chinese} ({file}{where.Item2}: {english})";
        return new PlanCatalogException(file, row, field, message, innerException);
    }
}
