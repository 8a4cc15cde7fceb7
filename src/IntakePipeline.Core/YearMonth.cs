using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace IntakePipeline.Core;

/// <summary>
/// A calendar month, written <c>yyyy-MM</c> everywhere: in blob paths, catalog dates and table columns.
/// A value stands for the end of that month, which is when plan points and monthly reports fall due.
/// </summary>
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>, ISpanParsable<YearMonth>
{
    /// <summary>The total number of months since year 0, used for month arithmetic.</summary>
    public int Index => (Year * 12) + Month - 1;

    /// <summary>The month <paramref name="months"/> after this one (negative goes back).</summary>
    public YearMonth AddMonths(int months) => FromIndex(Index + months);

    /// <summary>The number of months from <paramref name="earlier"/> to this month.</summary>
    public int MonthsSince(YearMonth earlier) => Index - earlier.Index;

    /// <summary>The month that contains <paramref name="instant"/> in the given time zone.</summary>
    public static YearMonth Of(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return new YearMonth(local.Year, local.Month);
    }

    /// <summary>The month with the given <see cref="Index"/>.</summary>
    public static YearMonth FromIndex(int index) => new(index / 12, (index % 12) + 1);

    /// <inheritdoc />
    public int CompareTo(YearMonth other) => Index.CompareTo(other.Index);

    /// <summary>Compares two months.</summary>
    public static bool operator <(YearMonth left, YearMonth right) => left.Index < right.Index;

    /// <summary>Compares two months.</summary>
    public static bool operator >(YearMonth left, YearMonth right) => left.Index > right.Index;

    /// <summary>Compares two months.</summary>
    public static bool operator <=(YearMonth left, YearMonth right) => left.Index <= right.Index;

    /// <summary>Compares two months.</summary>
    public static bool operator >=(YearMonth left, YearMonth right) => left.Index >= right.Index;

    /// <summary>The month as <c>yyyy-MM</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    /// <summary>Parses <c>yyyy-MM</c>; throws <see cref="FormatException"/> on anything else.</summary>
    public static YearMonth Parse(string s) => Parse(s.AsSpan(), null);

    /// <inheritdoc />
    public static YearMonth Parse(string s, IFormatProvider? provider) => Parse(s.AsSpan(), provider);

    /// <inheritdoc />
    public static YearMonth Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var result) ? result : throw new FormatException($"'{s}' is not a month in the form yyyy-MM.");

    /// <inheritdoc />
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out YearMonth result) =>
        TryParse(s.AsSpan(), provider, out result);

    /// <summary>Parses <c>yyyy-MM</c> without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out YearMonth result) => TryParse(s.AsSpan(), null, out result);

    /// <inheritdoc />
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out YearMonth result)
    {
        result = default;
        s = s.Trim();
        if (s.Length != 7 || s[4] != '-'
            || !int.TryParse(s[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(s[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || month is < 1 or > 12 || year < 1)
        {
            return false;
        }

        result = new YearMonth(year, month);
        return true;
    }
}
