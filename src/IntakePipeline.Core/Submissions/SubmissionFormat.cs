namespace IntakePipeline.Core.Submissions;

/// <summary>The file formats a submission may come in, decided by the file's extension.</summary>
public enum SubmissionFormat
{
    /// <summary>Comma-separated values in UTF-8 (with or without BOM) or GB18030.</summary>
    Csv,

    /// <summary>An Office Open XML workbook.</summary>
    Xlsx,

    /// <summary>A JSON array of row objects.</summary>
    Json,
}
