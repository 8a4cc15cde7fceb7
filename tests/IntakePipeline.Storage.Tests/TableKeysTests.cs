namespace IntakePipeline.Storage.Tests;

public sealed class TableKeysTests
{
    [Theory]
    [InlineData("520300")]
    [InlineData("U01|2024-06")]
    [InlineData("520300|2024-06|20240610T080000Z-0123456789ab")]
    [InlineData("遵义|中心城市")]
    [InlineData("it's fine")]
    [InlineData("a~b%c")]
    public void Validate_AllowedKey_DoesNotThrow(string key)
    {
        TableKeys.Validate(key);

        Assert.True(TableKeys.IsValid(key));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2024/06")]
    [InlineData("a\\b")]
    [InlineData("#1")]
    [InlineData("why?")]
    [InlineData("tab\there")]
    [InlineData("line\nbreak")]
    [InlineData("nul\0")]
    [InlineData("del\u007F")]
    [InlineData("c1\u0085")]
    [InlineData("c1\u009F")]
    public void Validate_ForbiddenKey_ThrowsArgumentException(string? key)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => TableKeys.Validate(key, "rowKey"));

        Assert.Equal("rowKey", error.ParamName);
        Assert.False(TableKeys.IsValid(key));
    }

    [Theory]
    [InlineData(512, true)]
    [InlineData(513, false)]
    public void IsValid_LengthAroundAzuriteLimit_AcceptsUpTo512(int length, bool expected)
    {
        Assert.Equal(expected, TableKeys.IsValid(new string('k', length)));
    }

    [Theory]
    [InlineData("遵义-6月.csv", "遵义-6月.csv")]
    [InlineData("2024-06/遵义.csv", "2024-06~2F遵义.csv")]
    [InlineData("a|b", "a~7Cb")]
    [InlineData("50%", "50~25")]
    [InlineData("~", "~7E")]
    [InlineData("C:\\x#y?z", "C:~5Cx~23y~3Fz")]
    [InlineData("tab\t", "tab~09")]
    [InlineData("\u0085", "~85")]
    public void Escape_FreeText_ReplacesForbiddenAndSeparatorCharacters(string text, string expected)
    {
        var escaped = TableKeys.Escape(text);

        Assert.Equal(expected, escaped);
        Assert.True(TableKeys.IsValid(escaped));
        Assert.DoesNotContain('|', escaped);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("2024-06/遵义-6月.csv")]
    [InlineData("~7E already looks escaped")]
    [InlineData("/\\#?|%~\u0001\u007F\u009F")]
    public void Unescape_EscapedText_GivesTheOriginalBack(string text)
    {
        Assert.Equal(text, TableKeys.Unescape(TableKeys.Escape(text)));
    }

    [Theory]
    [InlineData("~")]
    [InlineData("abc~4")]
    [InlineData("~ZZ")]
    public void Unescape_IncompleteEscape_ThrowsFormatException(string key)
    {
        Assert.Throws<FormatException>(() => TableKeys.Unescape(key));
    }
}
