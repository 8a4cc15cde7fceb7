using System.IO.Compression;
using System.Text;

namespace IntakePipeline.Core.Tests.Corpus;

/// <summary>
/// Writes zip archives byte by byte, for the tricks no zip library will make on purpose: a wrong CRC, the encryption
/// flag, zip64 sizes of -1, declared sizes that lie, unsupported methods, and several directory entries over one
/// piece of data.
/// </summary>
internal static class CorpusZip
{
    /// <summary>One entry to write.</summary>
    public sealed record Entry(string Name, byte[] Content)
    {
        /// <summary>0 stored, 8 deflate, anything else is written as stored data under that method number.</summary>
        public ushort Method { get; init; } = 8;

        public ushort Flags { get; init; }

        /// <summary>The CRC to record instead of the real one.</summary>
        public uint? Crc { get; init; }

        /// <summary>The uncompressed size to declare instead of the real one.</summary>
        public uint? DeclaredSize { get; init; }

        /// <summary>Declares both sizes as 0xFFFFFFFF with a zip64 extra field that holds -1 for each.</summary>
        public bool Zip64MinusOne { get; init; }

        /// <summary>How many central directory records point at this one local entry (the overlapping-files bomb).</summary>
        public int DirectoryCopies { get; init; } = 1;
    }

    /// <summary>The archive of <paramref name="entries"/>, with an optional archive comment.</summary>
    public static byte[] Write(IEnumerable<Entry> entries, string comment = "")
    {
        using var output = new MemoryStream();
        var writer = new BinaryWriter(output);
        var directory = new List<(Entry Entry, byte[] Name, uint Crc, uint Compressed, uint Size, byte[] Extra, long Offset)>();
        foreach (var entry in entries)
        {
            var name = Encoding.UTF8.GetBytes(entry.Name);
            var data = entry.Method == 8 ? Deflate(entry.Content) : entry.Content;
            var crc = entry.Crc ?? Crc32(entry.Content);
            var extra = entry.Zip64MinusOne ? Zip64Extra() : [];
            var compressed = entry.Zip64MinusOne ? uint.MaxValue : (uint)data.Length;
            var size = entry.Zip64MinusOne ? uint.MaxValue : entry.DeclaredSize ?? (uint)entry.Content.Length;
            var offset = output.Position;
            writer.Write(0x04034b50u);
            writer.Write((ushort)(entry.Zip64MinusOne ? 45 : 20));
            writer.Write(entry.Flags);
            writer.Write(entry.Method);
            writer.Write(0u);
            writer.Write(crc);
            writer.Write(compressed);
            writer.Write(size);
            writer.Write((ushort)name.Length);
            writer.Write((ushort)extra.Length);
            writer.Write(name);
            writer.Write(extra);
            writer.Write(data);
            for (var copy = 0; copy < entry.DirectoryCopies; copy++)
            {
                var copyName = copy == 0 ? name : Encoding.UTF8.GetBytes($"{entry.Name}.{copy}");
                directory.Add((entry, copyName, crc, compressed, size, extra, offset));
            }
        }

        var directoryStart = output.Position;
        foreach (var (entry, name, crc, compressed, size, extra, offset) in directory)
        {
            writer.Write(0x02014b50u);
            writer.Write((ushort)20);
            writer.Write((ushort)(entry.Zip64MinusOne ? 45 : 20));
            writer.Write(entry.Flags);
            writer.Write(entry.Method);
            writer.Write(0u);
            writer.Write(crc);
            writer.Write(compressed);
            writer.Write(size);
            writer.Write((ushort)name.Length);
            writer.Write((ushort)extra.Length);
            writer.Write((ushort)0);
            writer.Write((ushort)0);
            writer.Write((ushort)0);
            writer.Write(0u);
            writer.Write((uint)offset);
            writer.Write(name);
            writer.Write(extra);
        }

        var commentBytes = Encoding.UTF8.GetBytes(comment);
        writer.Write(0x06054b50u);
        writer.Write((ushort)0);
        writer.Write((ushort)0);
        writer.Write((ushort)directory.Count);
        writer.Write((ushort)directory.Count);
        writer.Write((uint)(output.Position - directoryStart - 16));
        writer.Write((uint)directoryStart);
        writer.Write((ushort)commentBytes.Length);
        writer.Write(commentBytes);
        writer.Flush();
        return output.ToArray();
    }

    /// <summary>The entries of a workbook, for rewriting one of them.</summary>
    public static List<Entry> EntriesOf(CorpusWorkbook workbook) =>
        [.. workbook.Parts().Select(p => new Entry(p.Name, p.Content))];

    /// <summary>The entries with the one named <paramref name="name"/> changed by <paramref name="change"/>.</summary>
    public static List<Entry> With(List<Entry> entries, string name, Func<Entry, Entry> change) =>
        [.. entries.Select(e => e.Name == name ? change(e) : e)];

    public static byte[] Deflate(byte[] content)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(content);
        }

        return output.ToArray();
    }

    private static byte[] Zip64Extra()
    {
        var extra = new byte[20];
        BitConverter.GetBytes((ushort)1).CopyTo(extra, 0);
        BitConverter.GetBytes((ushort)16).CopyTo(extra, 2);
        BitConverter.GetBytes(-1L).CopyTo(extra, 4);
        BitConverter.GetBytes(-1L).CopyTo(extra, 12);
        return extra;
    }

    private static uint Crc32(byte[] content)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in content)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
