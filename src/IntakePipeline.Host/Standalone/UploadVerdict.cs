namespace IntakePipeline.Host.Standalone;

/// <summary>How one uploaded file counts in a history upload's progress and summary.</summary>
internal enum UploadVerdict
{
    /// <summary>Accepted, or passed and then superseded by a later upload: exit code 0 for a single upload.</summary>
    Accepted,

    /// <summary>Rejected, not a submission, deleted before processing, or given up on: exit code 1 for a single upload.</summary>
    Rejected,

    /// <summary>The same content as the file already accepted for that month; nothing changed.</summary>
    Unchanged,
}
