namespace IntakePipeline.Core.Submissions;

/// <summary>Decides a submission's <see cref="SubmissionFormat"/> from its file name.</summary>
public static class SubmissionFormats
{
    /// <summary>
    /// The format for a file name's extension: <c>.csv</c>, <c>.xlsx</c> or <c>.json</c>, in any case. The name may
    /// carry folders (a blob name such as <c>2024-06/data.CSV</c>).
    /// </summary>
    /// <param name="fileName">The file or blob name.</param>
    /// <returns>The format, or null when the extension is missing or not supported.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fileName"/> is null.</exception>
    public static SubmissionFormat? FromFileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var extension = Path.GetExtension(fileName.AsSpan());
        if (extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return SubmissionFormat.Csv;
        }

        if (extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return SubmissionFormat.Xlsx;
        }

        return extension.Equals(".json", StringComparison.OrdinalIgnoreCase) ? SubmissionFormat.Json : null;
    }
}
