namespace IntakePipeline.Core.Plan;

/// <summary>
/// A region the plan sets targets for that is not one administrative unit: a metropolitan area or a city economic ring
/// made of counties from one or more prefectures. It is a target scope only, never a submitter.
/// </summary>
/// <param name="Code">The scope code, <c>Q</c> and two digits (e.g. <c>Q01</c>); see <c>seeds/plan/README.md</c>.</param>
/// <param name="Name">The Chinese name as the plan writes it, e.g. 遵义都市圈.</param>
public sealed record PlanRegion(string Code, string Name);
