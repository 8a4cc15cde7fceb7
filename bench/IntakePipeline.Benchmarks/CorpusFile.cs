using IntakePipeline.Core;

namespace IntakePipeline.Benchmarks;

/// <summary>One generated submission file.</summary>
/// <param name="Name">The blob name, <c>{yyyy-MM}/{file}.csv</c>.</param>
/// <param name="Submitter">The prefecture code.</param>
/// <param name="Period">The reporting month.</param>
/// <param name="Content">The file's bytes.</param>
/// <param name="RowCount">The number of data rows.</param>
public sealed record CorpusFile(string Name, string Submitter, YearMonth Period, byte[] Content, int RowCount);
