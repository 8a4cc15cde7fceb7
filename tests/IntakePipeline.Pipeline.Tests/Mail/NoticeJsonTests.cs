using IntakePipeline.Core;
using IntakePipeline.Pipeline.Mail;

namespace IntakePipeline.Pipeline.Tests.Mail;

public sealed class NoticeJsonTests
{
    [Fact]
    public void Deserialize_SerializedNotice_SameNotice()
    {
        var notice = MailTestbed.Behind("520300", new YearMonth(2024, 6));

        var back = NoticeJson.Deserialize(NoticeJson.Serialize(notice));

        Assert.Equal(notice with { Trajectory = [] }, back with { Trajectory = [] });
        Assert.Equal(notice.Trajectory, back.Trajectory);
        Assert.Equal(notice.TransitionKey, back.TransitionKey);
    }
}
