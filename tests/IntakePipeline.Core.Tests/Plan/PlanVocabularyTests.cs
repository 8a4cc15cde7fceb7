using IntakePipeline.Core.Plan;

namespace IntakePipeline.Core.Tests.Plan;

public class PlanVocabularyTests
{
    [Theory]
    [InlineData(TargetQualifier.None, "")]
    [InlineData(TargetQualifier.About, "左右")]
    [InlineData(TargetQualifier.AtLeast, "以上")]
    [InlineData(TargetQualifier.Within, "以内")]
    [InlineData(TargetQualifier.Below, "以下")]
    public void ToText_Qualifier_IsChineseAndParsesBack(TargetQualifier qualifier, string text)
    {
        Assert.Equal(text, PlanVocabulary.ToText(qualifier));
        Assert.True(PlanVocabulary.TryParseQualifier(text, out var parsed));
        Assert.Equal(qualifier, parsed);
    }

    [Fact]
    public void ToText_EveryEnumValue_ParsesBack()
    {
        Assert.All(Enum.GetValues<IndicatorKind>(), v => Assert.True(PlanVocabulary.TryParseKind(PlanVocabulary.ToText(v), out var p) && p == v));
        Assert.All(Enum.GetValues<IndicatorDirection>(), v => Assert.True(PlanVocabulary.TryParseDirection(PlanVocabulary.ToText(v), out var p) && p == v));
        Assert.All(Enum.GetValues<IndicatorAggregation>(), v => Assert.True(PlanVocabulary.TryParseAggregation(PlanVocabulary.ToText(v), out var p) && p == v));
        Assert.All(Enum.GetValues<ReportingFrequency>(), v => Assert.True(PlanVocabulary.TryParseFrequency(PlanVocabulary.ToText(v), out var p) && p == v));
        Assert.All(Enum.GetValues<PlanRelationOperator>(), v => Assert.True(PlanVocabulary.TryParseRelation(PlanVocabulary.ToText(v), out var p) && p == v));
    }

    [Theory]
    [InlineData("=", PlanRelationOperator.Equal)]
    [InlineData(">=", PlanRelationOperator.AtLeast)]
    [InlineData("<=", PlanRelationOperator.AtMost)]
    public void TryParseRelation_AsciiOperator_Accepted(string text, PlanRelationOperator expected)
    {
        Assert.True(PlanVocabulary.TryParseRelation(text, out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData("Level")]
    [InlineData(" level")]
    [InlineData("")]
    [InlineData("stock")]
    public void TryParseKind_NotExactWord_Rejected(string text) => Assert.False(PlanVocabulary.TryParseKind(text, out _));
}
