using IntakePipeline.Storage;

namespace IntakePipeline.Pipeline;

/// <summary>
/// The report links that the tools print and the receipts carry, bound to the configuration section <c>ReportLinks</c>
/// (<c>ReportLinks__Lifetime</c>). Each link carries a read-only SAS for its one report blob, so that it opens in a
/// browser for the person it is meant for, and for no other blob.
/// </summary>
public sealed class ReportLinksOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "ReportLinks";

    /// <summary>
    /// How long a link works: positive and at most 7 days. Default 7 days, the longest a user delegation SAS (what an
    /// Entra identity, and so the deployed app, issues) may live.
    /// </summary>
    public TimeSpan Lifetime { get; set; } = IBlobSasIssuer.MaxUserDelegationLifetime;

    /// <summary>Whether <see cref="Lifetime"/> is within what every kind of SAS allows.</summary>
    internal bool IsValid() => Lifetime > TimeSpan.Zero && Lifetime <= IBlobSasIssuer.MaxUserDelegationLifetime;
}
