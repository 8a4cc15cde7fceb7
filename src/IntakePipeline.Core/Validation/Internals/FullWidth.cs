namespace IntakePipeline.Core.Validation.Internals;

/// <summary>Folds full-width ASCII forms (１２．５, ＵＩ４, ％) and the ideographic space to their half-width forms.</summary>
internal static class FullWidth
{
    private const char First = '\uFF01';
    private const char Last = '\uFF5E';
    private const char IdeographicSpace = '\u3000';

    /// <summary>The half-width form of <paramref name="c"/>, or <paramref name="c"/> itself.</summary>
    public static char Fold(char c) => c switch
    {
        >= First and <= Last => (char)(c - 0xFEE0),
        IdeographicSpace => ' ',
        _ => c,
    };

    /// <summary>True when <paramref name="text"/> has a character that <see cref="Fold(char)"/> changes.</summary>
    public static bool HasAny(ReadOnlySpan<char> text) =>
        text.IndexOfAnyInRange(First, Last) >= 0 || text.Contains(IdeographicSpace);

    /// <summary>Folds every character of <paramref name="text"/> into <paramref name="destination"/>, which must be as long.</summary>
    public static void Fold(ReadOnlySpan<char> text, Span<char> destination)
    {
        for (var i = 0; i < text.Length; i++)
        {
            destination[i] = Fold(text[i]);
        }
    }

    /// <summary>The folded and trimmed text; the same instance when nothing changes.</summary>
    public static string FoldTrim(string text)
    {
        var trimmed = text.Trim();
        if (!HasAny(trimmed))
        {
            return trimmed;
        }

        return string.Create(trimmed.Length, trimmed, static (span, source) => Fold(source, span)).Trim();
    }
}
