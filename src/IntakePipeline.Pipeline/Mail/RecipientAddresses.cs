using System.Diagnostics.CodeAnalysis;
using MimeKit;

namespace IntakePipeline.Pipeline.Mail;

/// <summary>
/// What counts as a recipient address: a plain <c>local@domain</c>, with no display name, that MimeKit's strict
/// parser reads back as exactly itself.
/// </summary>
internal static class RecipientAddresses
{
    private static readonly ParserOptions _strict = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
        AllowUnquotedCommasInAddresses = false,
    };

    public static bool IsValid(string? address) => TryParse(address, out _);

    /// <exception cref="FormatException">The text is not such an address.</exception>
    public static MailboxAddress Parse(string address) =>
        TryParse(address, out var mailbox) ? mailbox : throw new FormatException($"'{address}' is not an email address.");

    private static bool TryParse(string? address, [NotNullWhen(true)] out MailboxAddress? mailbox)
    {
        mailbox = null;
        if (string.IsNullOrWhiteSpace(address)
            || !MailboxAddress.TryParse(_strict, address, out var parsed)
            || !string.IsNullOrEmpty(parsed.Name)
            || !string.Equals(parsed.Address, address, StringComparison.Ordinal))
        {
            return false;
        }

        mailbox = parsed;
        return true;
    }
}
