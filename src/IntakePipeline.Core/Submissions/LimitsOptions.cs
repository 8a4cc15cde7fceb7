using System.ComponentModel.DataAnnotations;

namespace IntakePipeline.Core.Submissions;

/// <summary>
/// Caps that keep reading a hostile or accidental file within bounded time and memory (docs/architecture.md, "Hostile input").
/// Bound to the configuration section <see cref="SectionName"/>; a file that breaks a cap is rejected with an issue,
/// never an exception.
/// </summary>
public sealed class LimitsOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Limits";

    /// <summary>The default of <see cref="MaxFileBytes"/>: 10 MiB.</summary>
    public const long DefaultMaxFileBytes = 10L * 1024 * 1024;

    /// <summary>The default of <see cref="MaxUnpackedBytes"/>: 100 MiB.</summary>
    public const long DefaultMaxUnpackedBytes = 100L * 1024 * 1024;

    /// <summary>The default of <see cref="MaxArchiveEntries"/>: 1,000.</summary>
    public const int DefaultMaxArchiveEntries = 1000;

    /// <summary>The default of <see cref="MaxCompressionRatio"/>: 100 (100:1).</summary>
    public const double DefaultMaxCompressionRatio = 100;

    /// <summary>The default of <see cref="MaxRows"/>: 10,000, fifty times the largest monthly file the catalog allows.</summary>
    public const int DefaultMaxRows = 10_000;

    /// <summary>The default of <see cref="MaxColumns"/>: 100; the template has fewer than ten.</summary>
    public const int DefaultMaxColumns = 100;

    /// <summary>
    /// The largest file accepted, in bytes (default <see cref="DefaultMaxFileBytes"/>). Reading stops after one byte
    /// more, so a larger upload is never buffered whole. At most 2,147,483,590 (<see cref="Array.MaxLength"/>), since the file is held in one buffer.
    /// </summary>
    [Range(typeof(long), "1", "2147483590")]
    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    /// <summary>The largest total an XLSX archive may inflate to, in bytes (default <see cref="DefaultMaxUnpackedBytes"/>).</summary>
    [Range(typeof(long), "1", "9223372036854775807")]
    public long MaxUnpackedBytes { get; set; } = DefaultMaxUnpackedBytes;

    /// <summary>The most entries an XLSX archive may hold (default <see cref="DefaultMaxArchiveEntries"/>).</summary>
    [Range(1, int.MaxValue)]
    public int MaxArchiveEntries { get; set; } = DefaultMaxArchiveEntries;

    /// <summary>
    /// The highest compression ratio (inflated ÷ compressed) of any XLSX archive entry (default
    /// <see cref="DefaultMaxCompressionRatio"/>). Entries that inflate to less than 100 KiB are exempt: they cannot be
    /// a bomb, and tiny XML parts often compress far better than 100:1.
    /// </summary>
    [Range(1, double.MaxValue)]
    public double MaxCompressionRatio { get; set; } = DefaultMaxCompressionRatio;

    /// <summary>The most data rows (blank rows not counted) a submission may have (default <see cref="DefaultMaxRows"/>).</summary>
    [Range(1, int.MaxValue)]
    public int MaxRows { get; set; } = DefaultMaxRows;

    /// <summary>The most columns a submission may use, counting to its last non-blank cell (default <see cref="DefaultMaxColumns"/>).</summary>
    [Range(1, 16_384)]
    public int MaxColumns { get; set; } = DefaultMaxColumns;
}
