using System.Security.Cryptography;
using System.Text;
using IntakePipeline.Storage;

namespace IntakePipeline.Pipeline.Receipts;

/// <summary>
/// The keys of the <c>BlobReceipts</c> and <c>Poison</c> tables: PartitionKey = container, RowKey =
/// <c>{escaped name}|{escaped ETag}</c> (see <see cref="TableKeys.Escape"/>), so each blob version has one row.
/// </summary>
public static class BlobReceiptKeys
{
    // Leaves room under Azurite's 512-character limit for the separator, a hash and the ETag.
    private const int MaxNamePart = 400;

    /// <summary>The RowKey of a blob version.</summary>
    /// <param name="name">The blob name.</param>
    /// <param name="etag">The version's ETag.</param>
    /// <returns>The key.</returns>
    public static string RowKey(string name, string etag)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(etag);
        var head = TableKeys.Escape(name);
        var tail = TableKeys.Escape(etag.Trim('"'));
        if (head.Length + tail.Length + 1 <= TableKeys.MaxLength)
        {
            return head + "|" + tail;
        }

        // A very long Chinese file name: keep a readable prefix and make it unique with a hash of the whole name.
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..16];
        return head[..Math.Min(head.Length, MaxNamePart)] + "|" + hash + "|" + tail[..Math.Min(tail.Length, 64)];
    }
}
