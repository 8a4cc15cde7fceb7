namespace IntakePipeline.Core.Alerts;

/// <summary>How an alert changed. Every change except <see cref="Deescalated"/> is emailed (docs/alerts.md).</summary>
public enum AlertChange
{
    /// <summary>A problem appeared, or came back after it was resolved.</summary>
    Opened,

    /// <summary>An open problem got worse: behind → seriously behind, or at risk → behind.</summary>
    Escalated,

    /// <summary>An open problem got milder; recorded, not emailed.</summary>
    Deescalated,

    /// <summary>The indicator is back on track or has met its target, or the missing file arrived.</summary>
    Resolved,
}
