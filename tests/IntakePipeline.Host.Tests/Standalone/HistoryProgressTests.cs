using IntakePipeline.Core;
using IntakePipeline.Host.Standalone;
using Spectre.Console.Testing;

namespace IntakePipeline.Host.Tests.Standalone;

public sealed class HistoryProgressTests
{
    private static readonly YearMonth _january = new(2024, 1);

    [Fact]
    public async Task InLines_RedirectedOutput_WritesOnePlainLinePerMonth()
    {
        var output = new StringWriter();
        var progress = HistoryProgress.InLines(output);

        await progress.RunAsync(3, () =>
        {
            Play(progress, _january, UploadVerdict.Accepted, UploadVerdict.Rejected);
            Play(progress, _january.AddMonths(1), UploadVerdict.Unchanged);
            return Task.CompletedTask;
        });

        Assert.Equal(["2024-01：通过 1，退回 1，未变 0", "2024-02：通过 0，退回 0，未变 1"], output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task OnConsole_Terminal_ShowsABarWithTheRunningCounts()
    {
        var console = new TestConsole().Interactive().EmitAnsiSequences().Width(100);
        var progress = HistoryProgress.OnConsole(console);

        await progress.RunAsync(3, () =>
        {
            Play(progress, _january, UploadVerdict.Accepted, UploadVerdict.Rejected, UploadVerdict.Unchanged);
            return Task.CompletedTask;
        });

        var screen = console.Output;
        Assert.Contains("2024-01", screen, StringComparison.Ordinal);
        Assert.Contains("通过 1", screen, StringComparison.Ordinal);
        Assert.Contains("退回 1", screen, StringComparison.Ordinal);
        Assert.Contains("未变 1", screen, StringComparison.Ordinal);
        Assert.Contains("100%", screen, StringComparison.Ordinal);
    }

    private static void Play(HistoryProgress progress, YearMonth month, params UploadVerdict[] verdicts)
    {
        var total = new UploadTally();
        var own = new UploadTally();
        progress.MonthStarted(month, total);
        foreach (var verdict in verdicts)
        {
            total.Add(verdict);
            own.Add(verdict);
            progress.FileFinished(month, total);
        }

        progress.MonthFinished(month, own);
    }
}
