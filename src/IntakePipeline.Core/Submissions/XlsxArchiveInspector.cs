using System.Buffers;
using System.IO.Compression;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Submissions;

/// <summary>
/// Checks an XLSX zip against the caps of <see cref="LimitsOptions"/> before OpenXml touches it: the entry count, the
/// declared sizes and ratios, and then every entry inflated through a counting read that stops as soon as the running
/// total or the entry's ratio passes its cap, so that a zip bomb is stopped while it streams.
/// </summary>
internal static class XlsxArchiveInspector
{
    /// <summary>
    /// Entries that inflate to no more than this are exempt from the ratio cap: they cannot be a bomb, and small XML
    /// parts of a real workbook can compress better than 100:1.
    /// </summary>
    public const long RatioGraceBytes = 100 * 1024;

    private const int ScratchBytes = 81_920;

    /// <summary>Bytes kept from one read to the next: one less than the longest declaration looked for.</summary>
    private const int DeclarationCarry = 8;

    /// <summary>The issue that rejects the archive, or null when it is within every cap.</summary>
    /// <param name="archive">The zip, seekable, read from its current position.</param>
    /// <param name="limits">The caps.</param>
    public static ValidationIssue? Inspect(Stream archive, LimitsOptions limits)
    {
        ZipArchive? zip = null;
        IReadOnlyList<ZipArchiveEntry> entries;
        try
        {
            zip = new ZipArchive(archive, ZipArchiveMode.Read, leaveOpen: true);
            entries = zip.Entries;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException)
        {
            zip?.Dispose();
            return SubmissionReadIssues.NotAWorkbook();
        }

        using (zip)
        {
            if (entries.Count > limits.MaxArchiveEntries)
            {
                return SubmissionReadIssues.TooManyEntries(entries.Count, limits.MaxArchiveEntries);
            }

            long declared = 0;
            foreach (var entry in entries)
            {
                // A zip64 extra field can declare sizes of -1; the runtime would fail on them when inflating.
                if (entry.Length < 0 || entry.CompressedLength < 0)
                {
                    return SubmissionReadIssues.BrokenArchiveEntry(entry.FullName);
                }

                if (entry.IsEncrypted)
                {
                    return SubmissionReadIssues.EncryptedEntry(entry.FullName);
                }

                if (entry.Length > limits.MaxUnpackedBytes - declared)
                {
                    return SubmissionReadIssues.UnpackedTooLarge(entry.FullName, limits.MaxUnpackedBytes);
                }

                declared += entry.Length;
                if (IsRatioTooHigh(entry.Length, entry.CompressedLength, limits))
                {
                    return SubmissionReadIssues.RatioTooHigh(entry.FullName, limits.MaxCompressionRatio);
                }
            }

            return InflateAll(entries, limits);
        }
    }

    /// <summary>
    /// Reads <paramref name="inflating"/> to its end, counting into <paramref name="total"/>, and stops at the first
    /// read that passes a cap. The content is checked against the entry's CRC-32 and, for an XML part, for a DTD.
    /// </summary>
    /// <param name="inflating">The entry's decompressing stream.</param>
    /// <param name="entryName">The entry's name, for the issue.</param>
    /// <param name="compressedLength">The entry's compressed size, for the ratio.</param>
    /// <param name="scratch">A buffer the bytes are read into and discarded from.</param>
    /// <param name="total">The bytes inflated so far across the archive; updated.</param>
    /// <param name="limits">The caps.</param>
    /// <param name="expectedCrc">The checksum the archive records for the entry; null to skip the check.</param>
    /// <returns>The issue that rejects the entry, or null when it is sound and within the caps.</returns>
    internal static ValidationIssue? Drain(
        Stream inflating, string entryName, long compressedLength, byte[] scratch, ref long total, LimitsOptions limits, uint? expectedCrc = null)
    {
        var xml = IsXmlPart(entryName);
        long inflated = 0;
        var crc = ZipCrc32.Initial;
        int read;

        // The first bytes of the buffer keep the end of the previous read, so that a declaration split between two
        // reads is still found.
        var carried = 0;
        while ((read = inflating.Read(scratch, carried, scratch.Length - carried)) > 0)
        {
            inflated += read;
            total += read;
            if (total > limits.MaxUnpackedBytes)
            {
                return SubmissionReadIssues.UnpackedTooLarge(entryName, limits.MaxUnpackedBytes);
            }

            if (IsRatioTooHigh(inflated, compressedLength, limits))
            {
                return SubmissionReadIssues.RatioTooHigh(entryName, limits.MaxCompressionRatio);
            }

            crc = ZipCrc32.Append(crc, scratch.AsSpan(carried, read));
            var window = scratch.AsSpan(0, carried + read);
            if (xml && (window.IndexOf("<!DOCTYPE"u8) >= 0 || window.IndexOf("<!ENTITY"u8) >= 0))
            {
                return SubmissionReadIssues.XmlDeclaresEntities(entryName);
            }

            carried = Math.Min(DeclarationCarry, window.Length);
            window[^carried..].CopyTo(scratch);
        }

        return expectedCrc is not { } expected || ZipCrc32.Finish(crc) == expected ? null : SubmissionReadIssues.ChecksumMismatch(entryName);
    }

    private static ValidationIssue? InflateAll(IReadOnlyList<ZipArchiveEntry> entries, LimitsOptions limits)
    {
        // Declared sizes can lie. Today's runtime stops inflating at the declared size, but the caps are ours to keep,
        // so every entry is inflated once through a counting read that stops while it streams.
        var scratch = ArrayPool<byte>.Shared.Rent(ScratchBytes);
        try
        {
            long total = 0;
            foreach (var entry in entries)
            {
                try
                {
                    using var inflating = entry.Open();
                    var issue = Drain(inflating, entry.FullName, entry.CompressedLength, scratch, ref total, limits, entry.Crc32);
                    if (issue is not null)
                    {
                        return issue;
                    }
                }
                catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
                {
                    // Corrupt deflate data, an unsupported method, or offsets that point outside the archive.
                    return SubmissionReadIssues.BrokenArchiveEntry(entry.FullName);
                }
            }

            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private static bool IsXmlPart(string name) =>
        name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    private static bool IsRatioTooHigh(long inflated, long compressed, LimitsOptions limits) =>
        inflated > RatioGraceBytes && inflated > limits.MaxCompressionRatio * Math.Max(compressed, 1);
}
