namespace IntakePipeline.Pipeline;

/// <summary>What <see cref="ProcessSubmissionHandler.HandleAsync"/> did with a blob version.</summary>
public enum SubmissionOutcomeKind
{
    /// <summary>The file was accepted: its observations, scorecard rows and reports were written.</summary>
    Accepted,

    /// <summary>The file was rejected: its issues, Submissions row and reports were written, and nothing else.</summary>
    Rejected,

    /// <summary>The content equals the submitter's currently accepted file for the period; nothing was written.</summary>
    Unchanged,

    /// <summary>The blob is not named <c>{yyyy-MM}/{file}.csv|.xlsx|.json</c>; only a rejection report was written (intake containers only).</summary>
    NotASubmission,

    /// <summary>The blob has a newer version than the one requested, which has its own trigger; nothing was done.</summary>
    Stale,

    /// <summary>The blob no longer exists; nothing was done.</summary>
    Missing,
}
