namespace IntakePipeline.Core.Validation.Internals;

/// <summary>The fields a submission's columns map to (docs/submitting.md, Columns).</summary>
internal enum SubmissionField
{
    /// <summary>指标代码 / indicator: required.</summary>
    Indicator,

    /// <summary>数值 / value: required.</summary>
    Value,

    /// <summary>单位 / unit.</summary>
    Unit,

    /// <summary>期间 / period.</summary>
    Period,

    /// <summary>市州代码 / prefecture.</summary>
    Prefecture,

    /// <summary>备注 / note.</summary>
    Note,

    /// <summary>指标名称 / name: the template's own column, known and ignored.</summary>
    Name,

    /// <summary>上期值 / previous: the template's own column, known and ignored.</summary>
    Previous,
}
