namespace IntakePipeline.Core.Validation.Internals;

/// <summary>Unit normalisation and the conversions the contract allows: 户↔万户, 人↔万人, 个↔万个 (docs/submitting.md, Columns).</summary>
internal static class SubmissionUnits
{
    /// <summary>万 is 10⁴.</summary>
    public const int TenThousandPower = 4;

    /// <summary>The unit trimmed and folded to half-width (％ → %).</summary>
    public static string Normalize(string unit) => FullWidth.FoldTrim(unit);

    /// <summary>
    /// The power of ten that converts a value in <paramref name="from"/> to <paramref name="to"/>: 0 for the same unit,
    /// -4 for 户 → 万户, 4 for 万户 → 户; null when the units are not convertible.
    /// </summary>
    public static int? PowerOfTen(string from, string to)
    {
        if (string.Equals(from, to, StringComparison.Ordinal))
        {
            return 0;
        }

        if (from.Length == to.Length + 1 && from[0] == '万' && IsConvertibleBase(to) && from.AsSpan(1).SequenceEqual(to))
        {
            return TenThousandPower;
        }

        if (to.Length == from.Length + 1 && to[0] == '万' && IsConvertibleBase(from) && to.AsSpan(1).SequenceEqual(from))
        {
            return -TenThousandPower;
        }

        return null;
    }

    /// <summary>True when the unit takes part in a 万 conversion, either way.</summary>
    public static bool IsConvertible(string unit) => IsConvertibleBase(unit.Length > 1 && unit[0] == '万' ? unit[1..] : unit);

    private static bool IsConvertibleBase(string unit) => unit is "户" or "人" or "个";
}
