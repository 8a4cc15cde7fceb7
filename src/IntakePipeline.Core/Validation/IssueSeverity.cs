namespace IntakePipeline.Core.Validation;

/// <summary>How much an issue matters. Any error rejects the whole submission; warnings let it through.</summary>
public enum IssueSeverity
{
    /// <summary>Rejects the submission.</summary>
    Error,

    /// <summary>Stored with an accepted submission.</summary>
    Warning,
}
