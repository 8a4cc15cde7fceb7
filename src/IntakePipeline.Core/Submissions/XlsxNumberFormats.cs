using System.Globalization;

namespace IntakePipeline.Core.Submissions;

/// <summary>
/// Turns a stored XLSX number into the text a person typed, honouring the cell's number format: a percent format
/// stores 36% as 0.36 and means 36, and a date format stores a serial day number.
/// </summary>
internal static class XlsxNumberFormats
{
    /// <summary>The kind of a built-in format id (ECMA-376 Part 1, 18.8.30).</summary>
    public static XlsxNumberKind ForBuiltIn(uint id) => id switch
    {
        9 or 10 => XlsxNumberKind.Percent,
        // 14–22 are the dates and times of every locale; 27–36 and 50–58 are the East Asian (zh-CN: yyyy"年"m"月") ones.
        >= 14 and <= 22 or >= 27 and <= 36 or >= 50 and <= 58 => XlsxNumberKind.Date,
        _ => XlsxNumberKind.General,
    };

    /// <summary>
    /// The kind of a custom format code: percent when a <c>%</c> appears outside quotes, escapes and brackets; a date when
    /// it has a year or day token, or a month token without hours or seconds (<c>h:mm</c> is a time, not a date).
    /// </summary>
    public static XlsxNumberKind ForCode(string code)
    {
        bool percent = false, yearOrDay = false, month = false, time = false;
        for (var i = 0; i < code.Length; i++)
        {
            switch (code[i])
            {
                case '"':
                    var close = code.IndexOf('"', i + 1);
                    i = close < 0 ? code.Length : close;
                    break;
                case '[':
                    var end = code.IndexOf(']', i + 1);
                    // [h], [mm] and [ss] are elapsed time; [Red], [$-804] and [>100] are colours, locales and conditions.
                    time |= end > i + 1 && code.AsSpan(i + 1, end - i - 1).IndexOfAnyExcept("hHmMsS") < 0;
                    i = end < 0 ? code.Length : end;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case '%':
                    percent = true;
                    break;
                case 'y' or 'Y' or 'd' or 'D':
                    yearOrDay = true;
                    break;
                case 'm' or 'M':
                    month = true;
                    break;
                case 'h' or 'H' or 's' or 'S':
                    time = true;
                    break;
            }
        }

        if (percent)
        {
            return XlsxNumberKind.Percent;
        }

        return yearOrDay || (month && !time) ? XlsxNumberKind.Date : XlsxNumberKind.General;
    }

    /// <summary>
    /// A number as Excel shows it with 15 significant digits and no exponent for everyday magnitudes
    /// (0.30000000000000004 → "0.3", 1e-5 → "0.00001"), in the invariant culture.
    /// </summary>
    public static string FormatNumber(double value)
    {
        var magnitude = Math.Abs(value);
        // The decimal conversion rounds to 15 significant digits, as Excel displays numbers.
        return value == 0 || (magnitude >= 1e-10 && magnitude < 1e27)
            ? ((decimal)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>A stored number in the given kind of format: percent scaled by 100, a date as <c>yyyy-MM-dd</c>.</summary>
    public static string Format(double value, XlsxNumberKind kind, bool date1904) => kind switch
    {
        XlsxNumberKind.Percent => FormatNumber(value * 100),
        XlsxNumberKind.Date => FormatDate(value, date1904),
        _ => FormatNumber(value),
    };

    private static string FormatDate(double serial, bool date1904)
    {
        // The 1904 date system (old Mac workbooks) counts from 1904-01-01, 1462 days after the 1900 system's zero.
        // A date format shows the serial's day, so the time of day is dropped before converting: FromOADate rounds to
        // the millisecond, and a serial just short of 9999-12-31's end would round into the year 10000 and throw.
        var days = Math.Floor(date1904 ? serial + 1462 : serial);
        return days is >= 1 and < 2958466
            ? DateTime.FromOADate(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : FormatNumber(serial);
    }
}
