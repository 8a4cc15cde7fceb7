namespace IntakePipeline.Core.Submissions;

/// <summary>How an XLSX cell's number format changes what its stored number means.</summary>
internal enum XlsxNumberKind
{
    /// <summary>The stored number is the value.</summary>
    General,

    /// <summary>The stored number is a fraction: 0.36 means 36 (%).</summary>
    Percent,

    /// <summary>The stored number is a serial date.</summary>
    Date,
}
