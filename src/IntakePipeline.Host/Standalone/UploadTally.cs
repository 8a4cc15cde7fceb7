namespace IntakePipeline.Host.Standalone;

/// <summary>The counts of accepted, rejected and unchanged files so far.</summary>
internal sealed class UploadTally
{
    public int Accepted { get; private set; }

    public int Rejected { get; private set; }

    public int Unchanged { get; private set; }

    public int Total => Accepted + Rejected + Unchanged;

    public void Add(UploadVerdict verdict)
    {
        switch (verdict)
        {
            case UploadVerdict.Accepted:
                Accepted++;
                break;
            case UploadVerdict.Rejected:
                Rejected++;
                break;
            case UploadVerdict.Unchanged:
                Unchanged++;
                break;
        }
    }

    /// <summary>The counts as a person reads them: <c>通过 3，退回 1，未变 0</c>.</summary>
    public override string ToString() => $"通过 {Accepted}，退回 {Rejected}，未变 {Unchanged}";
}
