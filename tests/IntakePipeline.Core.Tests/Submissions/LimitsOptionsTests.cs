using System.ComponentModel.DataAnnotations;
using IntakePipeline.Core.Submissions;

namespace IntakePipeline.Core.Tests.Submissions;

public class LimitsOptionsTests
{
    [Fact]
    public void Defaults_MatchTheDesignCaps()
    {
        var limits = new LimitsOptions();

        Assert.Equal("Limits", LimitsOptions.SectionName);
        Assert.Equal(10L * 1024 * 1024, limits.MaxFileBytes);
        Assert.Equal(100L * 1024 * 1024, limits.MaxUnpackedBytes);
        Assert.Equal(1000, limits.MaxArchiveEntries);
        Assert.Equal(100, limits.MaxCompressionRatio);
        Assert.Equal(LimitsOptions.DefaultMaxRows, limits.MaxRows);
        Assert.Equal(LimitsOptions.DefaultMaxColumns, limits.MaxColumns);
    }

    [Fact]
    public void Validate_Defaults_AreValid()
    {
        var limits = new LimitsOptions();

        Assert.True(Validator.TryValidateObject(limits, new ValidationContext(limits), null, validateAllProperties: true));
    }

    [Theory]
    [InlineData(nameof(LimitsOptions.MaxFileBytes))]
    [InlineData(nameof(LimitsOptions.MaxUnpackedBytes))]
    [InlineData(nameof(LimitsOptions.MaxArchiveEntries))]
    [InlineData(nameof(LimitsOptions.MaxCompressionRatio))]
    [InlineData(nameof(LimitsOptions.MaxRows))]
    [InlineData(nameof(LimitsOptions.MaxColumns))]
    public void Validate_ZeroCap_IsInvalid(string property)
    {
        var limits = new LimitsOptions();
        var info = typeof(LimitsOptions).GetProperty(property)!;
        info.SetValue(limits, Convert.ChangeType(0, info.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(limits, new ValidationContext(limits), results, validateAllProperties: true));
        Assert.Contains(results, r => r.MemberNames.Contains(property));
    }
}
