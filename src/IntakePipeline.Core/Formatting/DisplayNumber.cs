using System.Globalization;

namespace IntakePipeline.Core.Formatting;

/// <summary>
/// Numbers as people see them in mails, reports, the CLI and the dashboard: invariant culture, never in E notation, and
/// with enough significant digits that two different values never print the same.
/// </summary>
/// <remarks>
/// A value of magnitude 1 or more keeps 2 decimals; a smaller one keeps 3 significant digits. Figures shown side by side
/// (actual, expected and their gap) go through <see cref="Together"/>, which adds decimals until different values print
/// differently and no non-zero value prints as 0.
/// </remarks>
public static class DisplayNumber
{
    /// <summary>What is shown for a missing or non-finite number.</summary>
    public const string None = "—";

    private const int MaxDecimals = 10;
    private const int ExactDecimals = 6;

    /// <summary>The value with its own precision, e.g. <c>7.35</c>, <c>10.5</c>, <c>0.0495</c>, <c>-2</c>; <see cref="None"/> for NaN or infinity.</summary>
    public static string Format(double value) => double.IsFinite(value) ? Round(value, DecimalsFor(value)) : None;

    /// <summary>The value as <see cref="Format(double)"/>, or <see cref="None"/> when there is none.</summary>
    public static string Format(double? value) => value is { } v ? Format(v) : None;

    /// <summary>
    /// Values shown together, each as <see cref="Format(double)"/> but with more decimals where that is needed so that
    /// different values print differently and a non-zero value never prints as <c>0</c>.
    /// </summary>
    public static IReadOnlyList<string> Together(params double?[] values)
    {
        var decimals = values.Select(v => v is { } x && double.IsFinite(x) ? DecimalsFor(x) : 0).ToArray();
        var texts = new string[values.Length];
        for (var pass = 0; pass <= MaxDecimals; pass++)
        {
            for (var i = 0; i < values.Length; i++)
            {
                texts[i] = values[i] is { } v && double.IsFinite(v) ? Round(v, decimals[i]) : None;
            }

            var changed = false;
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is not { } v || !double.IsFinite(v) || decimals[i] >= MaxDecimals)
                {
                    continue;
                }

                var clash = (v != 0 && texts[i] == "0")
                    || Enumerable.Range(0, values.Length).Any(j => j != i && values[j] is { } w && w != v && texts[j] == texts[i]);
                if (clash)
                {
                    decimals[i]++;
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }
        }

        return texts;
    }

    /// <summary>
    /// A value quoted as it was given, not as a figure the system computed: a submitter's own value or a plan figure,
    /// e.g. <c>41.08</c>, <c>0.000125</c>. It keeps up to 6 decimals, so the officer recognises what was typed.
    /// </summary>
    public static string Exact(double value) => double.IsFinite(value) ? Round(value, ExactDecimals) : None;

    /// <summary>The value with its unit: <c>95%</c>, <c>7.35 万户</c>; <see cref="None"/> when there is no value.</summary>
    public static string WithUnit(double? value, string unit) => AttachUnit(Format(value), unit);

    /// <summary>A formatted number with its unit attached, as <see cref="WithUnit(double?, string)"/> does.</summary>
    public static string AttachUnit(string number, string unit)
    {
        if (number == None || unit.Length == 0)
        {
            return number;
        }

        return unit is "%" or "‰" ? number + unit : number + " " + unit;
    }

    /// <summary>A fraction as a percentage, e.g. 0.22381 → <c>22.38%</c>, 0.000123 → <c>0.0123%</c>.</summary>
    public static string Percent(double fraction) => Format(fraction * 100) + "%";

    /// <summary>A signed difference, e.g. <c>+1.2</c>, <c>-2.35</c>, <c>0</c>.</summary>
    public static string Signed(double value) => WithSign(Format(value));

    /// <summary>A formatted difference with an explicit <c>+</c> for a positive one.</summary>
    public static string WithSign(string number) =>
        number == None || number == "0" || number.StartsWith('-') ? number : "+" + number;

    private static int DecimalsFor(double value)
    {
        var magnitude = Math.Abs(value);
        if (magnitude == 0 || magnitude >= 1)
        {
            return 2;
        }

        // 3 significant digits: 0.0495 has its first digit at the 2nd decimal, so it keeps 4.
        var firstDigit = -(int)Math.Floor(Math.Log10(magnitude));
        return Math.Min(MaxDecimals, firstDigit + 2);
    }

    private static string Round(double value, int decimals)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);

        // A tiny negative rounds to -0, which the pattern would print as "-0".
        return rounded == 0 ? "0" : rounded.ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture);
    }
}
