using System.IO.Compression;
using System.Xml;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Submissions;

/// <summary>
/// Checks an XLSX package's relationship parts (<c>_rels/.rels</c>, <c>xl/_rels/workbook.xml.rels</c>, …) before the
/// packaging library loads them: each must be well-formed XML with a unique id and a type per relationship, each
/// internal target must be a part in the archive, and no part may appear twice. The library would otherwise fail on
/// the first fault without saying which part holds it, and a target such as <c>../../sheet.xml</c> leaves the package
/// altogether.
/// </summary>
internal static class XlsxPackageRelationships
{
    /// <summary>The issue that makes the package unreadable, or null when every relationship resolves.</summary>
    /// <param name="archive">The zip, seekable; read from the start and left open.</param>
    /// <param name="limits">The caps; a relationship part is read with the same character cap as every part.</param>
    public static ValidationIssue? Check(Stream archive, LimitsOptions limits)
    {
        archive.Position = 0;
        using var zip = new ZipArchive(archive, ZipArchiveMode.Read, leaveOpen: true);
        var parts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries)
        {
            // Two entries with one name are two versions of a part: which one a reader takes is up to the reader.
            if (!parts.Add(entry.FullName.TrimStart('/')))
            {
                return SubmissionReadIssues.DuplicateEntry(entry.FullName);
            }
        }

        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
                && CheckPart(entry, parts, limits) is { } issue)
            {
                return issue;
            }
        }

        return null;
    }

    private static ValidationIssue? CheckPart(ZipArchiveEntry entry, HashSet<string> parts, LimitsOptions limits)
    {
        var name = entry.FullName.TrimStart('/');
        var source = SourceFolder(name);
        try
        {
            using var reader = XmlReader.Create(entry.Open(), XlsxXml.Settings(limits));
            var ids = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship")
                {
                    continue;
                }

                // The packaging library refuses these too, but blames the content types part.
                var id = reader.GetAttribute("Id");
                if (string.IsNullOrEmpty(id) || !ids.Add(id) || string.IsNullOrEmpty(reader.GetAttribute("Type")))
                {
                    return SubmissionReadIssues.MalformedWorkbook(name, $"关系 {id ?? "（无编号）"}");
                }

                var mode = reader.GetAttribute("TargetMode");
                if (mode is "External")
                {
                    continue;
                }

                if (mode is not (null or "Internal"))
                {
                    return SubmissionReadIssues.MalformedWorkbook(name, $"TargetMode=\"{mode}\"");
                }

                var target = reader.GetAttribute("Target") ?? string.Empty;
                if (Resolve(source, target) is not { } part || !parts.Contains(part))
                {
                    return SubmissionReadIssues.MissingPart(name, target);
                }
            }
        }
        catch (XmlException e)
        {
            return SubmissionReadIssues.MalformedXml(name, e.LineNumber, e.LinePosition);
        }

        return null;
    }

    /// <summary>
    /// The folder that a relationship part's targets are relative to: <c>xl/_rels/workbook.xml.rels</c> describes
    /// <c>xl/workbook.xml</c>, so its targets are relative to <c>xl/</c> (ECMA-376 Part 2, 9.3).
    /// </summary>
    private static string SourceFolder(string relationshipsPart)
    {
        var rels = relationshipsPart.LastIndexOf("_rels/", StringComparison.OrdinalIgnoreCase);
        return rels < 0 ? string.Empty : relationshipsPart[..rels];
    }

    /// <summary>The archive entry a target names, or null when it is not a valid part name or leaves the package.</summary>
    private static string? Resolve(string folder, string target)
    {
        var path = target.StartsWith('/') ? target : folder + target;
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    continue;
                case "..":
                    if (segments.Count == 0)
                    {
                        return null;
                    }

                    segments.RemoveAt(segments.Count - 1);
                    break;
                default:
                    segments.Add(Uri.UnescapeDataString(segment));
                    break;
            }
        }

        return segments.Count == 0 ? null : string.Join('/', segments);
    }
}
