using System.Globalization;
using System.Security.Cryptography;

namespace IntakePipeline.Core.Intake;

/// <summary>
/// The deterministic id of one submitted file version: <c>{blob last-modified as yyyyMMddTHHmmssZ}-{first 12 hex of
/// SHA-256}</c>. It sorts by time, and re-processing the same blob version always yields the same id.
/// </summary>
public static class SubmissionId
{
    /// <summary>The lower-case hex SHA-256 of the content, as stored in <c>ContentSha256</c>.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Builds the id from the blob's last-modified time and the content's SHA-256 hex.</summary>
    public static string Create(DateTimeOffset lastModified, string sha256Hex) =>
        lastModified.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + sha256Hex[..12];
}
