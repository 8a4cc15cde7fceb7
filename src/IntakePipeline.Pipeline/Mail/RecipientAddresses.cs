using System.Net.Mail;

namespace IntakePipeline.Pipeline.Mail;

/// <summary>What counts as a recipient address: a plain <c>local@domain</c> that <see cref="MailAddress"/> accepts as it is.</summary>
internal static class RecipientAddresses
{
    public static bool IsValid(string? address) =>
        !string.IsNullOrWhiteSpace(address)
        && MailAddress.TryCreate(address, out var parsed)
        && string.IsNullOrEmpty(parsed.DisplayName)
        && string.Equals(parsed.Address, address, StringComparison.Ordinal);
}
