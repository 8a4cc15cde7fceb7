using System.Text.Json.Nodes;
using IntakePipeline.Infrastructure.Tests.Arm;

namespace IntakePipeline.Infrastructure.Tests;

public class ArmExpressionTests
{
    [Theory]
    [InlineData("[concat('a', 'b')]", "\"ab\"")]
    [InlineData("[format('{0}-poison', 'intake-events')]", "\"intake-events-poison\"")]
    [InlineData("[[not an expression]", "\"[not an expression]\"")]
    [InlineData("['it''s']", "\"it's\"")]
    [InlineData("[length(createArray(1, 2, 3))]", "3")]
    [InlineData("[map(createArray('x', 'y'), lambda('v', toUpper(lambdaVariables('v'))))]", "[\"X\",\"Y\"]")]
    [InlineData("[if(equals(1, 1), 'yes', 'no')]", "\"yes\"")]
    [InlineData("[createObject('a', 1).a]", "1")]
    [InlineData("[createArray('a', 'b')[1]]", "\"b\"")]
    [InlineData("[environment().suffixes.storage]", "\"core.windows.net\"")]
    [InlineData("[toObject(createArray('k'), lambda('e', lambdaVariables('e')), lambda('e', 'v'))]", "{\"k\":\"v\"}")]
    [InlineData("[items(createObject('b', 2, 'a', 1))[0].key]", "\"a\"")]
    public void Evaluate_Expression_AsArmDoes(string expression, string expected)
    {
        var template = new ArmTemplate(new JsonObject { ["resources"] = new JsonArray() }, new Dictionary<string, JsonNode?>(), AzureCloud.Global);

        var actual = template.Evaluate(JsonValue.Create(expression));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"{expression} gave {actual?.ToJsonString()}");
    }

    [Theory]
    [InlineData("concat('a'")]
    [InlineData("'unterminated")]
    [InlineData("concat('a') extra")]
    [InlineData("")]
    public void Parse_Malformed_Throws(string expression)
    {
        Assert.Throws<FormatException>(() => ArmExpression.Parse(expression));
    }

    [Fact]
    public void Evaluate_UnknownFunction_Throws()
    {
        var template = new ArmTemplate(new JsonObject { ["resources"] = new JsonArray() }, new Dictionary<string, JsonNode?>(), AzureCloud.Global);

        Assert.Throws<NotSupportedException>(() => template.Evaluate(JsonValue.Create("[noSuchFunction()]")));
    }
}
