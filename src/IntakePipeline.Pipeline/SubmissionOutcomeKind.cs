namespace IntakePipeline.Pipeline;

/// <summary>What ProcessSubmission did with a blob version.</summary>
public enum SubmissionOutcomeKind
{
    /// <summary>The file was accepted: its observations, scorecard rows and reports were written.</summary>
    Accepted,

    /// <summary>The file was rejected: its issues, Submissions row and reports were written, and nothing else.</summary>
    Rejected,

    /// <summary>
    /// The file passed validation, but a later upload for the same submitter and period was accepted already: its
    /// Submissions row is <c>Superseded</c> and the later file's values stay.
    /// </summary>
    Superseded,

    /// <summary>The content equals the submitter's currently accepted file for the period; nothing was written.</summary>
    Unchanged,

    /// <summary>The blob is not named <c>{yyyy-MM}/{file}.csv|.xlsx|.json</c>; only a rejection report was written (intake containers only).</summary>
    NotASubmission,

    /// <summary>The blob has a newer version than the one requested, which has its own event; nothing was done.</summary>
    Stale,

    /// <summary>The blob no longer exists; nothing was done.</summary>
    Missing,

    /// <summary>The version has a receipt already (the event was delivered again); nothing was done.</summary>
    Duplicate,

    /// <summary>The event is not for ProcessSubmission (another API, event type or container); nothing was done.</summary>
    Ignored,
}
