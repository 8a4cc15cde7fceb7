using System.Buffers;

namespace IntakePipeline.Core.Submissions;

/// <summary>
/// Turns a submission file's bytes into a <see cref="SubmissionTable"/>: headers, rows of text cells and the issues
/// found while reading. The format comes from the file name's extension (<see cref="SubmissionFormats.FromFileName"/>).
/// It maps no column aliases and parses no numbers; validation does that from the table.
/// </summary>
/// <remarks>
/// <para>
/// Reading never throws for user input: an unsupported extension, an oversize, empty or unreadable file, an XLSX that
/// breaks an archive cap, and the like each become a <see cref="Validation.ValidationIssue"/> with a Chinese message,
/// and the table then has no rows. Any exception a parsing library throws for a malformed file becomes an
/// <c>unreadable-file</c> issue too. Only a null argument, or an I/O failure of the stream itself, throws. For an
/// unsupported extension there is no format to name, and the table's <see cref="SubmissionTable.Format"/> is then
/// <see cref="SubmissionFormat.Csv"/> (the contract's field is not nullable) beside the one <c>unreadable-file</c> error.
/// </para>
/// <para>
/// Rules shared by every format: cell text and headers are trimmed of surrounding whitespace; blank rows are left out
/// but their numbers still count; a short row is padded with <see cref="SubmissionCell.Empty"/>; a column without
/// header text, or a non-blank cell beyond the last header, gets the header <c>列N</c> (N being its 1-based position),
/// so validation reports it as an unknown column instead of the data silently disappearing; blank cells beyond the last
/// header are ignored. XLSX formula cells carry <see cref="SubmissionCell.FromFormula"/> and a <c>formula-cell</c>
/// warning each (in a blank row, only those without a cached value).
/// </para>
/// <para>
/// Caps (<see cref="LimitsOptions"/>): the content is buffered up to <see cref="LimitsOptions.MaxFileBytes"/> plus one
/// byte and no further, from seekable and non-seekable streams alike; an XLSX archive is checked entry by entry before
/// it is parsed; more than <see cref="LimitsOptions.MaxRows"/> data rows, or a non-blank cell beyond
/// <see cref="LimitsOptions.MaxColumns"/>, rejects the file as <c>file-too-large</c>.
/// </para>
/// <para>An instance holds only its caps and may be shared across threads.</para>
/// </remarks>
public sealed class SubmissionReader
{
    private const int FirstChunkBytes = 64 * 1024;

    private readonly LimitsOptions _limits;

    /// <summary>Creates a reader with the given caps.</summary>
    /// <param name="limits">The caps; see <see cref="LimitsOptions"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A cap is not positive, or <see cref="LimitsOptions.MaxFileBytes"/> does not fit one buffer.</exception>
    public SubmissionReader(LimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limits.MaxFileBytes, nameof(limits));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(limits.MaxFileBytes, Array.MaxLength, nameof(limits));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limits.MaxUnpackedBytes, nameof(limits));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limits.MaxArchiveEntries, nameof(limits));
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.MaxCompressionRatio, 1, nameof(limits));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limits.MaxRows, nameof(limits));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limits.MaxColumns, nameof(limits));
        _limits = limits;
    }

    /// <summary>Creates a reader with the default caps.</summary>
    public SubmissionReader()
        : this(new LimitsOptions())
    {
    }

    /// <summary>Reads a submission from a stream, which need not be seekable; reading starts at its current position.</summary>
    /// <param name="content">The file's content. It is read, not disposed.</param>
    /// <param name="fileName">The file or blob name; its extension decides the format.</param>
    /// <returns>The table, with any read-level issues.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public SubmissionTable Read(Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        if (SubmissionFormats.FromFileName(fileName) is not { } format)
        {
            return Unsupported(fileName);
        }

        if (KnownSizeAboveCap(content) is { } size)
        {
            return SubmissionTableBuilder.Failed(format, null, SubmissionReadIssues.FileTooLarge(size, _limits.MaxFileBytes));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(FirstBufferBytes(content));
        try
        {
            var length = 0;
            while (length <= _limits.MaxFileBytes)
            {
                var wanted = ReadSize(ref buffer, length);
                var read = content.Read(buffer, length, wanted);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return ReadBuffered(buffer, length, format);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads a submission already in memory, such as a blob downloaded to hash it.</summary>
    /// <param name="content">The file's content.</param>
    /// <param name="fileName">The file or blob name; its extension decides the format.</param>
    /// <returns>The table, with any read-level issues.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fileName"/> is null.</exception>
    public SubmissionTable Read(ReadOnlyMemory<byte> content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (SubmissionFormats.FromFileName(fileName) is not { } format)
        {
            return Unsupported(fileName);
        }

        return content.Length > _limits.MaxFileBytes
            ? SubmissionTableBuilder.Failed(format, null, SubmissionReadIssues.FileTooLarge(content.Length, _limits.MaxFileBytes))
            : ReadContent(content, format);
    }

    private static SubmissionTable Unsupported(string fileName) =>
        // The contract's Format is not nullable; with no format to name, the table says Csv and carries only the error.
        SubmissionTableBuilder.Failed(default, null, SubmissionReadIssues.UnsupportedExtension(fileName));

    private SubmissionTable ReadBuffered(byte[] buffer, int length, SubmissionFormat format) =>
        length > _limits.MaxFileBytes
            ? SubmissionTableBuilder.Failed(format, null, SubmissionReadIssues.FileTooLarge(null, _limits.MaxFileBytes))
            : ReadContent(buffer.AsMemory(0, length), format);

    private SubmissionTable ReadContent(ReadOnlyMemory<byte> content, SubmissionFormat format)
    {
        if (content.IsEmpty)
        {
            return SubmissionTableBuilder.Failed(format, null, SubmissionReadIssues.Empty());
        }

        try
        {
            return format switch
            {
                SubmissionFormat.Xlsx => XlsxSubmissionReader.Read(content, _limits),
                SubmissionFormat.Json => JsonSubmissionReader.Read(content, _limits),
                _ => CsvSubmissionReader.Read(content, _limits),
            };
        }
        catch (Exception e) when (IsParsingFault(e))
        {
            // The format boundary: whatever a parsing library still throws on a hostile file is the file's fault, and
            // is reported as such instead of failing the upload. Each known cause is handled where it starts; this
            // keeps an unknown one from reaching the user as a crash.
            return SubmissionTableBuilder.Failed(format, null, SubmissionReadIssues.LibraryFault(format, e));
        }
    }

    /// <summary>
    /// The exceptions that the zip, packaging, XML, JSON and CSV libraries throw for malformed input. Others (a null
    /// reference, an index out of range, out of memory) are defects or failures of this process and are let through.
    /// </summary>
    private static bool IsParsingFault(Exception e) => e is System.Xml.XmlException
        or System.Text.Json.JsonException
        or CsvHelper.CsvFormatException
        or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException
        or InvalidDataException
        or FileFormatException
        or IOException
        or InvalidOperationException
        or ArgumentException
        or FormatException
        or OverflowException
        or NotSupportedException;

    private long? KnownSizeAboveCap(Stream content)
    {
        if (!content.CanSeek)
        {
            return null;
        }

        var remaining = content.Length - content.Position;
        return remaining > _limits.MaxFileBytes ? remaining : null;
    }

    private int FirstBufferBytes(Stream content)
    {
        // The cap plus one byte is the most ever read: that one byte tells an oversize file from one exactly at the cap.
        var cap = (int)_limits.MaxFileBytes + 1;
        return content.CanSeek ? (int)Math.Min(content.Length - content.Position + 1, cap) : Math.Min(FirstChunkBytes, cap);
    }

    /// <summary>How much to ask the stream for next, growing the (pooled) buffer when it is full, never past cap + 1.</summary>
    private int ReadSize(ref byte[] buffer, int length)
    {
        var cap = (int)_limits.MaxFileBytes + 1;
        if (length == buffer.Length && buffer.Length < cap)
        {
            var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, cap));
            buffer.AsSpan(0, length).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = grown;
        }

        return Math.Min(buffer.Length, cap) - length;
    }
}
