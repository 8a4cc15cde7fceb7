using System.Globalization;

namespace IntakePipeline.Core.Validation.Internals;

/// <summary>
/// Parses a number as data officers type it: full-width digits (１２．５), thousands separators with valid grouping
/// (12,345.6), a trailing % or 万, and surrounding spaces. It works over spans and does not allocate.
/// </summary>
internal static class SubmissionNumber
{
    /// <summary>Longer text is not a number anyone typed; it also bounds the stack buffer.</summary>
    private const int MaxLength = 64;

    private const int MaxExponent = 9999;

    private const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Up to 15 digits are an exact integer in a double (below 2^53).</summary>
    private const int MaxExactDigits = 15;

    /// <summary>The powers of ten that a double holds exactly.</summary>
    private static readonly double[] _exactPowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>Parses <paramref name="text"/>; the suffix is returned, not applied.</summary>
    /// <returns>False for anything that is not one finite number: "—", "-", "N/A", "1,2,3", "e5", text.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out double value, out NumberSuffix suffix) =>
        TryParse(text, 0, out value, out suffix);

    /// <summary>
    /// Parses <paramref name="text"/> scaled by 10^<paramref name="powerOfTen"/>. The scale is applied to the decimal
    /// text, not by a multiplication, so that "1.1万" is exactly 11000 and 105000 户 exactly 10.5 万户.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, int powerOfTen, out double value, out NumberSuffix suffix)
    {
        value = 0;
        suffix = NumberSuffix.None;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        var last = FullWidth.Fold(text[^1]);
        if (last == '%')
        {
            suffix = NumberSuffix.Percent;
            text = text[..^1].TrimEnd();
        }
        else if (last == '万')
        {
            suffix = NumberSuffix.TenThousand;
            text = text[..^1].TrimEnd();
        }

        if (text.IsEmpty || text.Length > MaxLength)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[MaxLength + 8];
        var length = 0;
        var i = 0;
        var c = FullWidth.Fold(text[0]);
        var negative = false;
        if (c is '+' or '-' or '\u2212')
        {
            if (c != '+')
            {
                buffer[length++] = '-';
                negative = true;
            }

            i++;
        }

        // The digits as an integer, exact while there are at most MaxExactDigits of them.
        var mantissa = 0UL;

        var integerDigits = 0;
        var groupDigits = 0;
        var grouped = false;
        for (; i < text.Length; i++)
        {
            c = FullWidth.Fold(text[i]);
            if (char.IsAsciiDigit(c))
            {
                buffer[length++] = c;
                mantissa = (mantissa * 10) + (uint)(c - '0');
                integerDigits++;
                groupDigits++;
            }
            else if (c == ',')
            {
                // 1,106 and 12,345 are fine; 1,2,3 and 1234,5 are not.
                if (integerDigits == 0 || (grouped ? groupDigits != 3 : groupDigits > 3))
                {
                    return false;
                }

                grouped = true;
                groupDigits = 0;
            }
            else
            {
                break;
            }
        }

        if (grouped && groupDigits != 3)
        {
            return false;
        }

        var fractionDigits = 0;
        if (i < text.Length && FullWidth.Fold(text[i]) == '.')
        {
            buffer[length++] = '.';
            for (i++; i < text.Length && char.IsAsciiDigit(c = FullWidth.Fold(text[i])); i++)
            {
                buffer[length++] = c;
                mantissa = (mantissa * 10) + (uint)(c - '0');
                fractionDigits++;
            }
        }

        if (integerDigits + fractionDigits == 0)
        {
            return false;
        }

        var exponent = 0;
        if (i < text.Length && FullWidth.Fold(text[i]) is 'e' or 'E')
        {
            i++;
            var negativeExponent = false;
            if (i < text.Length && FullWidth.Fold(text[i]) is '+' or '-')
            {
                negativeExponent = FullWidth.Fold(text[i]) == '-';
                i++;
            }

            var exponentDigits = 0;
            for (; i < text.Length && char.IsAsciiDigit(c = FullWidth.Fold(text[i])); i++)
            {
                // Beyond ±9999 the value is ±∞ or 0 anyway; the cap keeps the int from overflowing.
                exponent = Math.Min((exponent * 10) + (c - '0'), MaxExponent);
                exponentDigits++;
            }

            if (exponentDigits == 0)
            {
                return false;
            }

            exponent = negativeExponent ? -exponent : exponent;
        }

        exponent += powerOfTen;
        if (i != text.Length)
        {
            return false;
        }

        // Clinger's fast path: an exact integer times or divided by an exact power of ten is one correctly rounded
        // operation, so it equals what double.Parse returns for the same text, at a fraction of the cost.
        var scale = exponent - fractionDigits;
        if (integerDigits + fractionDigits <= MaxExactDigits && scale >= -22 && scale <= 22)
        {
            var magnitude = scale >= 0 ? mantissa * _exactPowersOfTen[scale] : mantissa / _exactPowersOfTen[-scale];
            value = negative ? -magnitude : magnitude;
            return true;
        }

        if (exponent != 0)
        {
            buffer[length++] = 'e';
            exponent.TryFormat(buffer[length..], out var written, default, CultureInfo.InvariantCulture);
            length += written;
        }

        return double.TryParse(buffer[..length], Styles, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    /// <summary>True when <paramref name="text"/> is one number, whatever its suffix.</summary>
    public static bool IsNumber(ReadOnlySpan<char> text) => TryParse(text, out _, out _);
}
