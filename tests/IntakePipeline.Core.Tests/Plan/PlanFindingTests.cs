using IntakePipeline.Core.Plan;

namespace IntakePipeline.Core.Tests.Plan;

public class PlanFindingTests
{
    [Fact]
    public void ToString_Finding_IsOneLineWithKindMessageAndSources()
    {
        var finding = new PlanFinding(PlanFindingKinds.AllocationSum, "U13", "分配之和为 41.08万户，全省为 41万户。", ["甲 专栏4", "乙 二"]);
        Assert.Equal("[allocation-sum] 分配之和为 41.08万户，全省为 41万户。 来源：甲 专栏4；乙 二", finding.ToString());
    }
}
