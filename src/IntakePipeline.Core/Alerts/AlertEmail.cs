namespace IntakePipeline.Core.Alerts;

/// <summary>A composed email in Chinese: a subject, an HTML body and its plain-text alternative.</summary>
/// <param name="Subject">The subject, saying what happened and where, e.g. <c>【滞后预警】遵义市 老旧小区改造 2024-06 严重滞后</c>.</param>
/// <param name="Html">The HTML body; every submitted value in it is escaped and neutralised against formula injection.</param>
/// <param name="Text">The plain-text alternative with the same content.</param>
public sealed record AlertEmail(string Subject, string Html, string Text);
