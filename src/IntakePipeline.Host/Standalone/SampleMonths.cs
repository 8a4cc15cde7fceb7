using System.IO.Compression;
using System.Text;
using IntakePipeline.Core;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// How <c>intake demo</c> relabels the bundled samples: every month they were recorded for moves by the same number of
/// months, so that the latest becomes a chosen month, in folder names, file names and file contents alike.
/// </summary>
internal sealed class SampleMonths
{
    private readonly (byte[] From, byte[] To)[] _texts;

    private SampleMonths(IReadOnlyList<YearMonth> recorded, IReadOnlyList<YearMonth> shown)
    {
        Recorded = recorded;
        Shown = shown;
        _texts = [.. recorded.Zip(shown, (from, to) => (Encoding.UTF8.GetBytes(from.ToString()), Encoding.UTF8.GetBytes(to.ToString())))];
    }

    /// <summary>The months the samples were recorded for, oldest first.</summary>
    public IReadOnlyList<YearMonth> Recorded { get; }

    /// <summary>The months they are shown as, in the same order.</summary>
    public IReadOnlyList<YearMonth> Shown { get; }

    /// <summary>The month the latest samples are shown as.</summary>
    public YearMonth Latest => Shown[^1];

    /// <summary>Moves <paramref name="recorded"/> so that the latest of them is <paramref name="latest"/>.</summary>
    /// <param name="recorded">The samples' months; at least one.</param>
    /// <param name="latest">The month the latest samples are to stand for.</param>
    /// <returns>The relabelling.</returns>
    public static SampleMonths EndingAt(IEnumerable<YearMonth> recorded, YearMonth latest)
    {
        List<YearMonth> months = [.. recorded.Distinct().Order()];
        var shift = latest.MonthsSince(months[^1]);
        return new SampleMonths(months, [.. months.Select(m => m.AddMonths(shift))]);
    }

    /// <summary>The month <paramref name="recorded"/> is shown as.</summary>
    public YearMonth Relabel(YearMonth recorded) => recorded.AddMonths(Latest.MonthsSince(Recorded[^1]));

    /// <summary>A file name with its recorded month replaced.</summary>
    public string Relabel(string text) => Encoding.UTF8.GetString(Replace(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// A sample file with every recorded month in it replaced: the XML parts of an <c>.xlsx</c>, the bytes of any other
    /// file. The samples write a month as a field of its own (a <c>期间</c> cell), in UTF-8 or GB18030, where its ASCII
    /// bytes are never part of a wider character.
    /// </summary>
    public byte[] Relabel(byte[] content, string extension)
    {
        if (!extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return Replace(content);
        }

        using var package = new MemoryStream();
        package.Write(content);
        using (var zip = new ZipArchive(package, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                byte[] xml;
                using (var read = entry.Open())
                using (var buffer = new MemoryStream())
                {
                    read.CopyTo(buffer);
                    xml = buffer.ToArray();
                }

                var relabelled = Replace(xml);
                if (!relabelled.AsSpan().SequenceEqual(xml))
                {
                    var name = entry.FullName;
                    entry.Delete();
                    using var write = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                    write.Write(relabelled);
                }
            }
        }

        return package.ToArray();
    }

    // One pass, so that a month that is both replaced and a replacement (2024-06 → 2024-07, 2024-05 → 2024-06) moves once.
    private byte[] Replace(byte[] content)
    {
        var result = new List<byte>(content.Length);
        var i = 0;
        while (i < content.Length)
        {
            var matched = false;
            foreach (var (from, to) in _texts)
            {
                if (content.AsSpan(i).StartsWith(from))
                {
                    result.AddRange(to);
                    i += from.Length;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                result.Add(content[i++]);
            }
        }

        return [.. result];
    }
}
