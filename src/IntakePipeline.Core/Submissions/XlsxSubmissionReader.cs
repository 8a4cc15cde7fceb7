using System.Runtime.InteropServices;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace IntakePipeline.Core.Submissions;

/// <summary>
/// Reads an XLSX submission: checks the zip against the caps first (<see cref="XlsxArchiveInspector"/>), then opens it
/// read-only with OpenXml and reads the chosen worksheet (<see cref="XlsxWorkbookParts.ChooseWorksheet"/>) forward-only.
/// The header is the sheet's first non-blank row.
/// </summary>
internal static class XlsxSubmissionReader
{
    /// <summary>Reads the file's bytes into a table; never throws for bad content.</summary>
    public static SubmissionTable Read(ReadOnlyMemory<byte> content, LimitsOptions limits)
    {
        if (IsOleCompound(content.Span))
        {
            return SubmissionTableBuilder.Failed(SubmissionFormat.Xlsx, null, SubmissionReadIssues.LegacyOrEncryptedWorkbook());
        }

        using var archive = MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
        if ((XlsxArchiveInspector.Inspect(archive, limits) ?? XlsxPackageRelationships.Check(archive, limits)) is { } issue)
        {
            return SubmissionTableBuilder.Failed(SubmissionFormat.Xlsx, null, issue);
        }

        archive.Position = 0;
        var builder = SubmissionTableBuilder.ForHeaderRow(limits);
        ReadPackage(archive, builder, limits);
        return builder.Build(SubmissionFormat.Xlsx, null);
    }

    /// <summary>True when the bytes start like a zip (an XLSX).</summary>
    public static bool IsZip(ReadOnlySpan<byte> bytes) => bytes.StartsWith("PK\u0003\u0004"u8);

    /// <summary>True when the bytes start like an OLE compound file: an Excel 97-2003 .xls, or a password-protected .xlsx.</summary>
    public static bool IsOleCompound(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    private static void ReadPackage(Stream archive, SubmissionTableBuilder builder, LimitsOptions limits)
    {
        // Until the workbook part is reached, the library is reading the package's structure: the content types and
        // relationships, which XlsxPackageRelationships has already checked one by one.
        var part = "[Content_Types].xml";
        try
        {
            using var document = SpreadsheetDocument.Open(
                archive, isEditable: false, new OpenSettings { MaxCharactersInPart = limits.MaxUnpackedBytes });
            if (document.WorkbookPart is not { } workbookPart)
            {
                builder.Fail(SubmissionReadIssues.MissingWorkbook());
                return;
            }

            part = XlsxXml.PartName(workbookPart);
            var (worksheet, date1904, hidden) = XlsxWorkbookParts.ChooseWorksheet(workbookPart, limits);
            if (hidden)
            {
                builder.Fail(SubmissionReadIssues.HiddenDataSheet());
                return;
            }

            if (worksheet is null)
            {
                builder.Fail(SubmissionReadIssues.NoWorksheet());
                return;
            }

            XlsxNumberKind[] styles = [];
            if (workbookPart.WorkbookStylesPart is { } stylesPart)
            {
                part = XlsxXml.PartName(stylesPart);
                styles = XlsxWorkbookParts.ReadStyles(stylesPart, limits);
            }

            List<string> sharedStrings = [];
            if (workbookPart.SharedStringTablePart is { } sharedStringsPart)
            {
                part = XlsxXml.PartName(sharedStringsPart);
                sharedStrings = XlsxWorkbookParts.ReadSharedStrings(sharedStringsPart, limits);
            }

            part = XlsxXml.PartName(worksheet);
            using var reader = XlsxXml.OpenPart(worksheet, limits);
            new XlsxSheetReader(styles, sharedStrings, date1904, part, builder).Read(reader);
        }
        catch (XmlException e)
        {
            builder.Fail(SubmissionReadIssues.MalformedXml(part, e.LineNumber, e.LinePosition));
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException)
        {
            builder.Fail(SubmissionReadIssues.NotAWorkbook());
        }
    }
}
