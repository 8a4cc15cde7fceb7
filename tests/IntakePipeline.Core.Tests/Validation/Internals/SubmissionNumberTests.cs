using IntakePipeline.Core.Validation.Internals;

namespace IntakePipeline.Core.Tests.Validation.Internals;

public class SubmissionNumberTests
{
    [Theory]
    [InlineData("12.5", 12.5, "None")]
    [InlineData("  12.5  ", 12.5, "None")]
    [InlineData("\u300012.5\u3000", 12.5, "None")]
    [InlineData("１２．５", 12.5, "None")]
    [InlineData("－１２．５", -12.5, "None")]
    [InlineData("-0.5", -0.5, "None")]
    [InlineData("+3", 3, "None")]
    [InlineData(".5", 0.5, "None")]
    [InlineData("5.", 5, "None")]
    [InlineData("1,106", 1106, "None")]
    [InlineData("12,345.6", 12345.6, "None")]
    [InlineData("1,234,567", 1234567, "None")]
    [InlineData("１，１０６", 1106, "None")]
    [InlineData("36%", 36, "Percent")]
    [InlineData("36 %", 36, "Percent")]
    [InlineData("３６％", 36, "Percent")]
    [InlineData("10.5万", 10.5, "TenThousand")]
    [InlineData("10.5 万", 10.5, "TenThousand")]
    [InlineData("1.2E+07", 12000000, "None")]
    [InlineData("5e-1", 0.5, "None")]
    public void TryParse_AcceptedForms_ValueAndSuffix(string text, double value, string suffix)
    {
        Assert.True(SubmissionNumber.TryParse(text, out var parsed, out var parsedSuffix));
        Assert.Equal(value, parsed);
        Assert.Equal(suffix, parsedSuffix.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("—")]
    [InlineData("-")]
    [InlineData("+")]
    [InlineData("N/A")]
    [InlineData("无")]
    [InlineData("1,2,3")]
    [InlineData("1234,567")]
    [InlineData(",123")]
    [InlineData("12,34")]
    [InlineData("1,234.5,6")]
    [InlineData("e5")]
    [InlineData("E")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData(".")]
    [InlineData("%")]
    [InlineData("万")]
    [InlineData("12.5万户")]
    [InlineData("１２．５万户")]
    [InlineData("1.2.3")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e999")]
    [InlineData("- 5")]
    [InlineData("5-")]
    [InlineData("0x10")]
    [InlineData("=1+2")]
    public void TryParse_Junk_False(string text) => Assert.False(SubmissionNumber.TryParse(text, out _, out _));

    [Fact]
    public void TryParse_TooLong_False() => Assert.False(SubmissionNumber.TryParse(new string('1', 65), out _, out _));

    [Theory]
    [InlineData("1.1", 4, 11000)]
    [InlineData("105000", -4, 10.5)]
    [InlineData("0.07", 4, 700)]
    [InlineData("1.2e3", 4, 12000000)]
    [InlineData("3,000,000", -4, 300)]
    public void TryParse_PowerOfTen_ScalesTheDecimalExactly(string text, int power, double expected)
    {
        Assert.True(SubmissionNumber.TryParse(text, power, out var value, out _));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void TryParse_CommonForms_AllocateNothing()
    {
        string[] inputs = ["12.5", "１２．５", "1,106", "36%", "10.5万", " 7.35 "];
        SubmissionNumber.TryParse(inputs[0], out _, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0.0;
        for (var i = 0; i < 1000; i++)
        {
            foreach (var input in inputs)
            {
                SubmissionNumber.TryParse(input, out var value, out _);
                sum += value;
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(sum > 0);
    }
}
