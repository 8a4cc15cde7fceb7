namespace IntakePipeline.Core.Plan;

/// <summary>How often an indicator is reported.</summary>
public enum ReportingFrequency
{
    /// <summary>Expected in every monthly file.</summary>
    Monthly,

    /// <summary>May appear in any month; the latest value counts, and leaving it out of a month is normal.</summary>
    Annual,
}
