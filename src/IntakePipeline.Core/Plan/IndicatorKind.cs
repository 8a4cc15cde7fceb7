namespace IntakePipeline.Core.Plan;

/// <summary>How an indicator's trajectory is judged (docs/evaluation.md, Kinds).</summary>
public enum IndicatorKind
{
    /// <summary>A stock, interpolated from its 2020-12 baseline to each plan point.</summary>
    Level,

    /// <summary>A total counted from 0 at the start of the indicator's window ("[x]" in 专栏1).</summary>
    Cumulative,

    /// <summary>An annual growth rate in %, compared with the target in force.</summary>
    Rate,

    /// <summary>A level the plan says to keep at or above a value ("稳定在95%以上"); any value below is a breach.</summary>
    Floor,

    /// <summary>A level the plan says to keep at or below a value; any value above is a breach.</summary>
    Ceiling,
}
