namespace IntakePipeline.Core.Plan;

/// <summary>
/// The words the catalog files and the JSON export use for the plan enums: <c>level|cumulative|rate|floor|ceiling</c>,
/// <c>up|down</c>, <c>sum|none|weighted</c>, <c>monthly|annual</c>, the qualifiers 左右/以上/以内/以下 and the check
/// relations 等于/不小于/不大于.
/// </summary>
public static class PlanVocabulary
{
    /// <summary>The lower-case word for a kind, as in indicators.csv.</summary>
    public static string ToText(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Level => "level",
        IndicatorKind.Cumulative => "cumulative",
        IndicatorKind.Rate => "rate",
        IndicatorKind.Floor => "floor",
        IndicatorKind.Ceiling => "ceiling",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The lower-case word for a direction: <c>up</c> or <c>down</c>.</summary>
    public static string ToText(IndicatorDirection direction) => direction switch
    {
        IndicatorDirection.Up => "up",
        IndicatorDirection.Down => "down",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, null),
    };

    /// <summary>The lower-case word for an aggregation: <c>sum</c>, <c>none</c> or <c>weighted</c>.</summary>
    public static string ToText(IndicatorAggregation aggregation) => aggregation switch
    {
        IndicatorAggregation.Sum => "sum",
        IndicatorAggregation.None => "none",
        IndicatorAggregation.Weighted => "weighted",
        _ => throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, null),
    };

    /// <summary>The lower-case word for a frequency: <c>monthly</c> or <c>annual</c>.</summary>
    public static string ToText(ReportingFrequency frequency) => frequency switch
    {
        ReportingFrequency.Monthly => "monthly",
        ReportingFrequency.Annual => "annual",
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, null),
    };

    /// <summary>The Chinese qualifier as the plan writes it (左右, 以上, 以内, 以下), or an empty string for none.</summary>
    public static string ToText(TargetQualifier qualifier) => qualifier switch
    {
        TargetQualifier.None => "",
        TargetQualifier.About => "左右",
        TargetQualifier.AtLeast => "以上",
        TargetQualifier.Within => "以内",
        TargetQualifier.Below => "以下",
        _ => throw new ArgumentOutOfRangeException(nameof(qualifier), qualifier, null),
    };

    /// <summary>The Chinese word for a check relation: 等于, 不小于 or 不大于.</summary>
    public static string ToText(PlanRelationOperator relation) => relation switch
    {
        PlanRelationOperator.Equal => "等于",
        PlanRelationOperator.AtLeast => "不小于",
        PlanRelationOperator.AtMost => "不大于",
        _ => throw new ArgumentOutOfRangeException(nameof(relation), relation, null),
    };

    internal static bool TryParseKind(string text, out IndicatorKind kind) => TryParse(text, out kind);

    internal static bool TryParseDirection(string text, out IndicatorDirection direction) => TryParse(text, out direction);

    internal static bool TryParseAggregation(string text, out IndicatorAggregation aggregation) => TryParse(text, out aggregation);

    internal static bool TryParseFrequency(string text, out ReportingFrequency frequency) => TryParse(text, out frequency);

    internal static bool TryParseQualifier(string text, out TargetQualifier qualifier) => TryParse(text, out qualifier);

    /// <summary>Also accepts <c>=</c>, <c>&gt;=</c> and <c>&lt;=</c>, though Excel takes a cell starting with = for a formula.</summary>
    internal static bool TryParseRelation(string text, out PlanRelationOperator relation)
    {
        switch (text)
        {
            case "=":
                relation = PlanRelationOperator.Equal;
                return true;
            case ">=":
                relation = PlanRelationOperator.AtLeast;
                return true;
            case "<=":
                relation = PlanRelationOperator.AtMost;
                return true;
            default:
                return TryParse(text, out relation);
        }
    }

    private static bool TryParse<T>(string text, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Text(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string Text<T>(T value)
        where T : struct, Enum => value switch
        {
            IndicatorKind k => ToText(k),
            IndicatorDirection d => ToText(d),
            IndicatorAggregation a => ToText(a),
            ReportingFrequency f => ToText(f),
            TargetQualifier q => ToText(q),
            PlanRelationOperator r => ToText(r),
            _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
        };
}
