using IntakePipeline.Core;
using Microsoft.Extensions.Configuration;

namespace IntakePipeline.Pipeline.Mail;

/// <summary>
/// Who receives mail, from the configuration section <c>Recipients</c>: a list of addresses per submitter code, and
/// under <see cref="ProvinceKey"/> the provincial staff, and under <see cref="OperationsKey"/> the operators who are told
/// when a file could not be processed at all. For example
/// <c>Recipients:520300:0=zunyi@example.cn</c>, <c>Recipients:520300:1=…</c>, <c>Recipients:Province:0=sheng@example.cn</c>
/// (as environment variables <c>Recipients__520300__0</c>, …). A key with a single value instead of a list
/// (<c>Recipients:520300=zunyi@example.cn</c>) is one address.
/// </summary>
/// <remarks>
/// The section mixes submitter codes and <c>Province</c> as keys, so it is read by <see cref="Load"/> rather than by
/// the binder. <c>520000</c> is the provincial statistics office as a submitter (its receipts and missing-file
/// reminders); <c>Province</c> is the staff who follow every alert. Every key must be a submitter code of
/// <see cref="Submitters.All"/> or <c>Province</c>, and every value a plain address (no display name);
/// <see cref="Validate"/> names the first bad key and value.
/// </remarks>
public sealed class RecipientsOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "Recipients";

    /// <summary>The key of the provincial staff's addresses.</summary>
    public const string ProvinceKey = "Province";

    /// <summary>The key of the operations contacts' addresses (<c>Recipients__Operations__0</c>, …).</summary>
    public const string OperationsKey = "Operations";

    /// <summary>The addresses of the operations contacts, who are told of blob versions given up on.</summary>
    public IList<string> Operations { get; } = [];

    /// <summary>The addresses of the provincial staff, who follow every alert (as a digest by default).</summary>
    public IList<string> Province { get; } = [];

    /// <summary>The addresses per configuration key other than <see cref="ProvinceKey"/>: normally submitter codes.</summary>
    public IDictionary<string, IList<string>> Submitters { get; } = new Dictionary<string, IList<string>>(StringComparer.Ordinal);

    /// <summary>Reads the section into these options, adding to what they hold.</summary>
    /// <param name="section">The <c>Recipients</c> section.</param>
    public void Load(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        foreach (var child in section.GetChildren())
        {
            var addresses = string.Equals(child.Key, ProvinceKey, StringComparison.OrdinalIgnoreCase)
                ? Province
                : string.Equals(child.Key, OperationsKey, StringComparison.OrdinalIgnoreCase)
                ? Operations
                : Submitters.TryGetValue(child.Key, out var list) ? list : Submitters[child.Key] = new List<string>();
            if (child.Value is { } single)
            {
                addresses.Add(single.Trim());
            }

            foreach (var item in child.GetChildren())
            {
                addresses.Add(item.Value?.Trim() ?? string.Empty);
            }
        }
    }

    /// <summary>The addresses of a submitter (a prefecture, or 520000); empty when none are configured.</summary>
    /// <param name="submitter">The submitter's code.</param>
    /// <returns>The addresses, without duplicates.</returns>
    public IReadOnlyList<string> For(string submitter) =>
        Submitters.TryGetValue(submitter, out var list) ? Distinct(list) : [];

    /// <summary>The provincial staff's addresses, without duplicates.</summary>
    /// <returns>The addresses.</returns>
    public IReadOnlyList<string> ForProvince() => Distinct(Province);

    /// <summary>The operations contacts' addresses, without duplicates.</summary>
    /// <returns>The addresses.</returns>
    public IReadOnlyList<string> ForOperations() => Distinct(Operations);

    /// <summary>
    /// The problems with the configuration, each naming the key and value, e.g.
    /// <c>Recipients:520300:1 = 'zunyi at example' is not a valid email address.</c>; empty when it is usable.
    /// </summary>
    /// <returns>The problems.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var (key, addresses) in Submitters)
        {
            if (IntakePipeline.Core.Submitters.Find(key) is null)
            {
                problems.Add($"{SectionName}:{key} is not a submitter code; use one of {string.Join(", ", IntakePipeline.Core.Submitters.All.Select(s => s.Code))}, {ProvinceKey} or {OperationsKey}.");
            }

            Check(key, addresses, problems);
        }

        Check(ProvinceKey, Province, problems);
        Check(OperationsKey, Operations, problems);
        return problems;
    }

    private static void Check(string key, IList<string> addresses, List<string> problems)
    {
        for (var i = 0; i < addresses.Count; i++)
        {
            if (!RecipientAddresses.IsValid(addresses[i]))
            {
                problems.Add($"{SectionName}:{key}:{i} = '{addresses[i]}' is not a valid email address.");
            }
        }
    }

    private static string[] Distinct(IList<string> addresses)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>(addresses.Count);
        foreach (var address in addresses)
        {
            if (seen.Add(address))
            {
                result.Add(address);
            }
        }

        return [.. result];
    }
}
