namespace IntakePipeline.Core.Validation.Internals;

/// <summary>
/// Reads the month a 期间 cell names, in the forms data officers type: 2024-06, 2024/06, 2024.06, 2024-6, 2024年6月,
/// 202406, and the dates 2024-06-30 or 2024/6/1 (with or without a time).
/// </summary>
internal static class PeriodText
{
    private const int MaxLength = 32;

    public static bool TryParse(ReadOnlySpan<char> text, out YearMonth month)
    {
        month = default;
        text = text.Trim();
        if (text.IsEmpty || text.Length > MaxLength)
        {
            return false;
        }

        Span<char> folded = stackalloc char[text.Length];
        FullWidth.Fold(text, folded);
        ReadOnlySpan<char> s = folded;

        // A date with a time, as a spreadsheet may write it: keep the date part.
        var timeAt = s.IndexOfAny(' ', 'T');
        if (timeAt > 0)
        {
            s = s[..timeAt];
        }

        if (s.Length < 6 || !TryDigits(s[..4], out var year))
        {
            return false;
        }

        s = s[4..];
        if (s.Length == 2 && char.IsAsciiDigit(s[0]))
        {
            return TryDigits(s, out var compact) && TryMonth(year, compact, out month);
        }

        var separator = s[0];
        if (separator is not ('-' or '/' or '.' or '年'))
        {
            return false;
        }

        s = s[1..];
        var monthDigits = CountDigits(s);
        if (monthDigits is < 1 or > 2 || !TryDigits(s[..monthDigits], out var monthNumber))
        {
            return false;
        }

        s = s[monthDigits..];
        if (separator == '年')
        {
            // 2024年6月 or 2024年6月30日
            if (s.IsEmpty || s[0] != '月')
            {
                return false;
            }

            s = s[1..];
            if (s.IsEmpty)
            {
                return TryMonth(year, monthNumber, out month);
            }

            var dayDigits = CountDigits(s);
            return dayDigits is 1 or 2 && s[dayDigits..] is "日" or "号"
                && TryDigits(s[..dayDigits], out var day) && TryDay(year, monthNumber, day, out month);
        }

        if (s.IsEmpty)
        {
            return TryMonth(year, monthNumber, out month);
        }

        if (s[0] != separator)
        {
            return false;
        }

        s = s[1..];
        return s.Length is 1 or 2 && TryDigits(s, out var dayOfMonth) && TryDay(year, monthNumber, dayOfMonth, out month);
    }

    private static int CountDigits(ReadOnlySpan<char> s)
    {
        var count = 0;
        while (count < s.Length && char.IsAsciiDigit(s[count]))
        {
            count++;
        }

        return count;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        if (s.IsEmpty)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static bool TryMonth(int year, int monthNumber, out YearMonth month)
    {
        month = default;
        if (year < 1 || monthNumber is < 1 or > 12)
        {
            return false;
        }

        month = new YearMonth(year, monthNumber);
        return true;
    }

    private static bool TryDay(int year, int monthNumber, int day, out YearMonth month) =>
        TryMonth(year, monthNumber, out month) && day >= 1 && day <= DateTime.DaysInMonth(year, monthNumber);
}
