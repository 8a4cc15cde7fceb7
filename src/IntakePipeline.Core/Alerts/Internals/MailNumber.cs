using System.Globalization;

namespace IntakePipeline.Core.Alerts.Internals;

/// <summary>Numbers as an email shows them: invariant culture, at most 2 decimals, never in E notation.</summary>
internal static class MailNumber
{
    /// <summary>What is shown for a missing or non-finite number.</summary>
    public const string None = "—";

    /// <summary>The value rounded to 2 decimals, e.g. <c>7.35</c>, <c>10.5</c>, <c>-2</c>; <see cref="None"/> for NaN or infinity.</summary>
    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            return None;
        }

        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);

        // A tiny negative rounds to -0, which "0.##" would print as "-0".
        return rounded == 0 ? "0" : rounded.ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>The value as <see cref="Format(double)"/>, or <see cref="None"/> when there is none.</summary>
    public static string Format(double? value) => value is { } v ? Format(v) : None;

    /// <summary>The value with its unit: <c>95%</c>, <c>7.35 万户</c>; <see cref="None"/> when there is no value.</summary>
    public static string WithUnit(double? value, string unit)
    {
        var number = Format(value);
        if (number == None || unit.Length == 0)
        {
            return number;
        }

        return unit is "%" or "‰" ? number + unit : number + " " + unit;
    }

    /// <summary>A fraction as a percentage, e.g. 0.22381 → <c>22.38%</c>.</summary>
    public static string Percent(double fraction) => Format(fraction * 100) + "%";

    /// <summary>A signed difference, e.g. <c>+1.2</c>, <c>-2.35</c>, <c>0</c>.</summary>
    public static string Signed(double value)
    {
        var number = Format(value);
        return number == None || number == "0" || number.StartsWith('-') ? number : "+" + number;
    }
}
