using IntakePipeline.Pipeline.Mail;
using Microsoft.Extensions.Configuration;

namespace IntakePipeline.Pipeline.Tests.Mail;

public sealed class RecipientsOptionsTests
{
    [Fact]
    public void Load_ListsSingleValuesAndProvince_ReadsEveryAddress()
    {
        var options = Load(new()
        {
            ["Recipients:520300:0"] = "a@zunyi.example.cn",
            ["Recipients:520300:1"] = " b@zunyi.example.cn ",
            ["Recipients:520300:2"] = "A@zunyi.example.cn",
            ["Recipients:520400"] = "anshun@example.cn",
            ["Recipients:Province:0"] = "sheng@example.cn",
        });

        Assert.Equal(["a@zunyi.example.cn", "b@zunyi.example.cn"], options.For("520300"));
        Assert.Equal(["anshun@example.cn"], options.For("520400"));
        Assert.Equal(["sheng@example.cn"], options.ForProvince());
        Assert.Empty(options.For("520100"));
        Assert.Empty(options.Validate());
    }

    [Theory]
    [InlineData("Recipients:520300:0", "zunyi at example", "Recipients:520300:0 = 'zunyi at example' is not a valid email address.")]
    [InlineData("Recipients:Province:0", "张三 <zs@example.cn>", "Recipients:Province:0 = '张三 <zs@example.cn>' is not a valid email address.")]
    [InlineData("Recipients:520300:0", "", "Recipients:520300:0 = '' is not a valid email address.")]
    [InlineData("Recipients:529999:0", "x@example.cn", "Recipients:529999 is not a submitter code")]
    [InlineData("Recipients:Provnce:0", "x@example.cn", "Recipients:Provnce is not a submitter code")]
    public void Validate_BadKeyOrValue_NamesIt(string key, string value, string expected)
    {
        var options = Load(new() { [key] = value });

        var problem = Assert.Single(options.Validate());

        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    private static RecipientsOptions Load(Dictionary<string, string?> values)
    {
        var options = new RecipientsOptions();
        options.Load(new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(RecipientsOptions.SectionName));
        return options;
    }
}
