namespace IntakePipeline.Core.Validation;

/// <summary>What a submission is validated against, none of which comes from the file's content.</summary>
/// <param name="Submitter">The submitter's code, from the container (<c>intake-{code}</c>).</param>
/// <param name="Period">The period the file is for, from its folder (<c>{yyyy-MM}/</c>).</param>
/// <param name="CurrentMonth">The month it is now, in Asia/Shanghai; a period after it is in the future.</param>
/// <param name="History">The submitter's accepted values from months before <paramref name="Period"/>.</param>
public sealed record SubmissionContext(string Submitter, YearMonth Period, YearMonth CurrentMonth, SubmissionHistory History);
