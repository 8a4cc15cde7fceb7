namespace IntakePipeline.Core.Alerts;

/// <summary>Where an alert stands before a month is judged; the <c>State</c> column of the <c>Alerts</c> table holds the last two.</summary>
public enum AlertState
{
    /// <summary>There is no row for the alert yet.</summary>
    None,

    /// <summary>The problem is open, with a severity.</summary>
    Open,

    /// <summary>The problem was resolved; a new problem opens it again.</summary>
    Resolved,
}
