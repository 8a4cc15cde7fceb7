namespace IntakePipeline.Core.Alerts.Internals;

/// <summary>One row of a <see cref="MailDocument.Table"/>: plain-text cells, and an optional colour for the first.</summary>
/// <param name="Cells">The cells, in header order.</param>
/// <param name="Color">A CSS colour for the first cell, or null.</param>
internal sealed record TableRow(IReadOnlyList<string> Cells, string? Color = null);
