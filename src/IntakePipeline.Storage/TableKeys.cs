using System.Globalization;
using System.Text;

namespace IntakePipeline.Storage;

/// <summary>
/// Rules for PartitionKey and RowKey values. The service forbids <c>/</c>, <c>\</c>, <c>#</c>, <c>?</c> and the
/// control characters U+0000–U+001F and U+007F–U+009F; Azurite also rejects keys longer than 512 characters, and this
/// project never uses an empty key. The project's composite keys join parts with <c>|</c> and <c>-</c>, which are
/// allowed. Free text that must become a key, or a part of one, goes through <see cref="Escape"/> first.
/// </summary>
public static class TableKeys
{
    /// <summary>The longest key Azurite accepts (the service's own limit is 1 KiB).</summary>
    public const int MaxLength = 512;

    /// <summary>The escape character of <see cref="Escape"/>: <c>~</c> followed by two upper-case hex digits.</summary>
    public const char EscapeCharacter = '~';

    /// <summary>Whether <paramref name="key"/> is a key this project can store.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when it is non-empty, at most <see cref="MaxLength"/> characters and free of forbidden characters.</returns>
    public static bool IsValid(string? key) => Check(key) is null;

    /// <summary>Throws unless <paramref name="key"/> is a valid key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="paramName">The argument name for the exception.</param>
    /// <exception cref="ArgumentException">The key is null, empty, too long or has a forbidden character; the message says which.</exception>
    public static void Validate(string? key, string? paramName = null)
    {
        if (Check(key) is { } problem)
        {
            throw new ArgumentException(problem, paramName);
        }
    }

    /// <summary>
    /// Turns free text into a key part: each forbidden character, and <c>|</c>, <c>%</c> and <c>~</c>, becomes
    /// <c>~XX</c> (its code in hex), so the result can sit between <c>|</c> separators and <see cref="Unescape"/>
    /// gives the text back. Chinese and other text is kept as it is. The result can still be longer than
    /// <see cref="MaxLength"/>; <see cref="Validate"/> catches that.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The escaped text; the same instance when nothing needed escaping.</returns>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = IndexOfEscaped(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (MustEscape(c))
            {
                builder.Append(EscapeCharacter).Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Reverses <see cref="Escape"/>.</summary>
    /// <param name="key">An escaped key part.</param>
    /// <returns>The original text.</returns>
    /// <exception cref="FormatException">A <c>~</c> is not followed by two hex digits.</exception>
    public static string Unescape(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var first = key.IndexOf(EscapeCharacter, StringComparison.Ordinal);
        if (first < 0)
        {
            return key;
        }

        var builder = new StringBuilder(key.Length);
        builder.Append(key, 0, first);
        for (var i = first; i < key.Length; i++)
        {
            var c = key[i];
            if (c != EscapeCharacter)
            {
                builder.Append(c);
                continue;
            }

            if (i + 2 >= key.Length
                || !int.TryParse(key.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                throw new FormatException($"Key '{key}' has an incomplete escape at position {i + 1}: '~' must be followed by two hex digits.");
            }

            builder.Append((char)code);
            i += 2;
        }

        return builder.ToString();
    }

    private static string? Check(string? key)
    {
        if (key is null)
        {
            return "A table key cannot be null.";
        }

        if (key.Length == 0)
        {
            return "A table key cannot be empty.";
        }

        if (key.Length > MaxLength)
        {
            return $"A table key has {key.Length} characters, more than {MaxLength}: '{key[..32]}…'.";
        }

        for (var i = 0; i < key.Length; i++)
        {
            if (IsForbidden(key[i]))
            {
                return $"Table key '{key}' has the forbidden character U+{(int)key[i]:X4} at position {i + 1} (/ \\ # ? and control characters are not allowed); escape free text with TableKeys.Escape.";
            }
        }

        return null;
    }

    private static int IndexOfEscaped(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (MustEscape(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsForbidden(char c) =>
        c is '/' or '\\' or '#' or '?' or <= '\u001F' or (>= '\u007F' and <= '\u009F');

    private static bool MustEscape(char c) => IsForbidden(c) || c is '|' or '%' or EscapeCharacter;
}
