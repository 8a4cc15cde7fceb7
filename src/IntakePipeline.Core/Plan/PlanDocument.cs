namespace IntakePipeline.Core.Plan;

/// <summary>A plan document that figures are transcribed from. A later document restates an earlier one.</summary>
/// <param name="Id">The short id used in keys, e.g. <c>2022-22</c>.</param>
/// <param name="Number">The document number, e.g. 黔发改城镇〔2022〕22号.</param>
/// <param name="Title">The document's title.</param>
/// <param name="Issued">The month it was issued; it orders restatements.</param>
public sealed record PlanDocument(string Id, string Number, string Title, YearMonth Issued);
