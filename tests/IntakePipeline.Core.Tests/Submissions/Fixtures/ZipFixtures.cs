using System.IO.Compression;
using System.Text;

namespace IntakePipeline.Core.Tests.Submissions.Fixtures;

/// <summary>Hand-made zip archives: bombs, broken packages and rewritten workbooks.</summary>
internal static class ZipFixtures
{
    /// <summary>A zip whose one entry is <paramref name="size"/> zero bytes, compressed while it is generated.</summary>
    public static byte[] Zeros(string entryName, long size)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(entryName, CompressionLevel.SmallestSize).Open();
            var chunk = new byte[1 << 20];
            for (long written = 0; written < size; written += chunk.Length)
            {
                entry.Write(chunk, 0, (int)Math.Min(chunk.Length, size - written));
            }
        }

        return stream.ToArray();
    }

    /// <summary>A zip with <paramref name="count"/> tiny text entries.</summary>
    public static byte[] ManyEntries(int count)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < count; i++)
            {
                using var writer = new StreamWriter(zip.CreateEntry($"xl/media/e{i}.txt").Open());
                writer.Write("x");
            }
        }

        return stream.ToArray();
    }

    /// <summary>A copy of <paramref name="zipBytes"/> with one entry's content replaced.</summary>
    public static byte[] ReplaceEntry(byte[] zipBytes, string entryName, string content)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var written = target.CreateEntry(entry.FullName).Open();
                if (entry.FullName == entryName)
                {
                    written.Write(Encoding.UTF8.GetBytes(content));
                }
                else
                {
                    using var read = entry.Open();
                    read.CopyTo(written);
                }
            }
        }

        return output.ToArray();
    }

    /// <summary>
    /// Rewrites the uncompressed sizes that the local and central headers declare, so that they lie. Only for zips of
    /// one entry without a data descriptor, such as <see cref="Zeros"/> makes.
    /// </summary>
    public static byte[] WithDeclaredSize(byte[] zipBytes, uint declared)
    {
        var patched = (byte[])zipBytes.Clone();
        BitConverter.GetBytes(declared).CopyTo(patched, 22);
        for (var i = patched.Length - 22; i >= 0; i--)
        {
            if (patched[i] == 0x50 && patched[i + 1] == 0x4B && patched[i + 2] == 0x01 && patched[i + 3] == 0x02)
            {
                BitConverter.GetBytes(declared).CopyTo(patched, i + 24);
                break;
            }
        }

        return patched;
    }
}
