using IntakePipeline.Core;
using IntakePipeline.Core.Intake;

namespace IntakePipeline.Host.Tests.Reliability;

/// <summary>A generated submission: where it goes, its bytes, and whether it should be accepted.</summary>
internal sealed record GeneratedFile(string Submitter, YearMonth Period, string Name, byte[] Content, bool Valid)
{
    public string Container => SubmissionBlobName.IntakeContainer(Submitter);
}
