namespace IntakePipeline.Testing;

/// <summary>A mailbox in a <see cref="MaildevEmail"/>.</summary>
/// <param name="Address">The address.</param>
/// <param name="Name">The display name, possibly empty.</param>
public sealed record MaildevAddress(string Address, string? Name);
