using IntakePipeline.Host.Cli;

namespace IntakePipeline.Host.Tests.Cli;

public sealed class CommonOptionsTests
{
    [Theory]
    [InlineData("2024-6", "“2024-6”不是月份，应写作 2024-06")]
    [InlineData("2024/06", "“2024/06”不是月份，应写作 2024-06")]
    [InlineData("2024.6", "“2024.6”不是月份，应写作 2024-06")]
    [InlineData("202406", "“202406”不是月份，应写作 2024-06")]
    [InlineData("2024年6月", "“2024年6月”不是月份，应写作 2024-06")]
    [InlineData(" 2024-06", "“ 2024-06”不是月份，应写作 2024-06")]
    [InlineData("2024-13", "“2024-13”不是月份，应写作 yyyy-MM，例如 2024-06")]
    [InlineData("2024-0", "“2024-0”不是月份，应写作 yyyy-MM，例如 2024-06")]
    [InlineData("June", "“June”不是月份，应写作 yyyy-MM，例如 2024-06")]
    [InlineData("", "“”不是月份，应写作 yyyy-MM，例如 2024-06")]
    public void NotAMonth_Text_ShowsTheMonthMeantOrAnExample(string text, string expected)
    {
        Assert.Equal(expected, CommonOptions.NotAMonth(text));
    }
}
