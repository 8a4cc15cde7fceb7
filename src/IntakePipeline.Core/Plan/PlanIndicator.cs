namespace IntakePipeline.Core.Plan;

/// <summary>An indicator of the plan, with everything needed to judge its trajectory.</summary>
/// <param name="Code">The stable code: U01…U38 for 专栏1, others by the scheme in the README.</param>
/// <param name="Name">The Chinese name as the plan writes it.</param>
/// <param name="Unit">The canonical unit that observations are stored in.</param>
/// <param name="Category">The plan's category (类别), e.g. 城镇承载能力.</param>
/// <param name="Kind">How the trajectory is judged.</param>
/// <param name="Direction">Which way is progress.</param>
/// <param name="Aggregation">How prefectures roll up into the province, which also decides who reports it.</param>
/// <param name="Frequency">How often it is reported.</param>
/// <param name="Window">The counting window of a cumulative indicator; null for the other kinds.</param>
/// <param name="Flow2020">A cumulative indicator's own 2020 flow from 专栏1's 2020 column (not a baseline); else null.</param>
/// <param name="Source">Where the indicator is defined: document number and section.</param>
public sealed record PlanIndicator(
    string Code,
    string Name,
    string Unit,
    string Category,
    IndicatorKind Kind,
    IndicatorDirection Direction,
    IndicatorAggregation Aggregation,
    ReportingFrequency Frequency,
    CumulativeWindow? Window,
    double? Flow2020,
    string Source);
