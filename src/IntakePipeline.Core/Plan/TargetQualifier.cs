namespace IntakePipeline.Core.Plan;

/// <summary>The qualifier the plan writes after a figure. It belongs to one target point, not to the indicator.</summary>
public enum TargetQualifier
{
    /// <summary>A plain figure.</summary>
    None,

    /// <summary>左右: about. Counts as met within the on-track band.</summary>
    About,

    /// <summary>以上: at least.</summary>
    AtLeast,

    /// <summary>以内: within (at most).</summary>
    Within,

    /// <summary>以下: below (at most).</summary>
    Below,
}
