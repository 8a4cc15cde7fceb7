using IntakePipeline.Core;
using Spectre.Console;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// Shows a history upload's progress: on a terminal, a live bar with the counts of accepted, rejected and unchanged
/// files; when the output is redirected (a log, a pipe, a test), one plain line per month, which a log keeps readable.
/// </summary>
internal abstract class HistoryProgress
{
    /// <summary>The bar when <paramref name="output"/> is the process's own terminal, else plain lines on it.</summary>
    public static HistoryProgress For(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected ? OnConsole(AnsiConsole.Console) : InLines(output);

    /// <summary>A live bar on <paramref name="console"/>.</summary>
    public static HistoryProgress OnConsole(IAnsiConsole console) => new Bar(console);

    /// <summary>One line per month on <paramref name="output"/>.</summary>
    public static HistoryProgress InLines(TextWriter output) => new Lines(output);

    /// <summary>Runs <paramref name="upload"/> of <paramref name="files"/> files while the progress is shown.</summary>
    public abstract Task RunAsync(int files, Func<Task> upload);

    /// <summary>A month's files are being uploaded; <paramref name="total"/> holds the counts so far.</summary>
    public abstract void MonthStarted(YearMonth month, UploadTally total);

    /// <summary>One more file has its outcome; <paramref name="total"/> holds the counts so far.</summary>
    public abstract void FileFinished(YearMonth month, UploadTally total);

    /// <summary>Every outcome of the month is in, or the wait ran out; <paramref name="month"/>'s own counts.</summary>
    public abstract void MonthFinished(YearMonth period, UploadTally month);

    private sealed class Bar(IAnsiConsole console) : HistoryProgress
    {
        private ProgressTask? _task;

        public override Task RunAsync(int files, Func<Task> upload) =>
            console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    _task = context.AddTask(Describe(null, new UploadTally()), maxValue: files);
                    await upload().ConfigureAwait(false);
                    _task.StopTask();
                });

        public override void MonthStarted(YearMonth month, UploadTally total) => _task!.Description = Describe(month, total);

        public override void FileFinished(YearMonth month, UploadTally total)
        {
            _task!.Increment(1);
            _task.Description = Describe(month, total);
        }

        public override void MonthFinished(YearMonth period, UploadTally month)
        {
        }

        private static string Describe(YearMonth? month, UploadTally total) =>
            $"{month?.ToString() ?? "上传"}　[green]通过 {total.Accepted}[/]　[red]退回 {total.Rejected}[/]　[grey]未变 {total.Unchanged}[/]";
    }

    private sealed class Lines(TextWriter output) : HistoryProgress
    {
        public override Task RunAsync(int files, Func<Task> upload) => upload();

        public override void MonthStarted(YearMonth month, UploadTally total)
        {
        }

        public override void FileFinished(YearMonth month, UploadTally total)
        {
        }

        public override void MonthFinished(YearMonth period, UploadTally month) => output.WriteLine($"{period}：{month}");
    }
}
