namespace IntakePipeline.Core.Alerts;

/// <summary>What an alert is about; with the scope and indicator it keys one row of the <c>Alerts</c> table (docs/tables.md).</summary>
public enum AlertKind
{
    /// <summary>The indicator is behind, seriously behind or at risk of missing its next target; these share one row.</summary>
    Trajectory,

    /// <summary>A floor or ceiling indicator is on the wrong side of the value in force.</summary>
    Breach,

    /// <summary>No accepted submission for a period by its deadline.</summary>
    Missing,
}
