using System.CommandLine;
using IntakePipeline.Host.Standalone;

namespace IntakePipeline.Host.Cli;

/// <summary>
/// The <c>intake</c> command line: builds the commands, maps parse errors to <see cref="ExitCodes.Usage"/> and any
/// unexpected exception to one line on standard error and <see cref="ExitCodes.Unexpected"/>.
/// </summary>
public static class IntakeCommandLine
{
    /// <summary>Builds the root command with every subcommand.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("IntakePipeline: 贵州省新型城镇化规划监测数据接收管道 (Guizhou new-urbanization data intake).");
        root.Options.Add(CommonOptions.Catalog);
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(PlanCommand.Create());
        root.Subcommands.Add(TemplateCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(UploadCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(RetryCommand.Create());
        root.Subcommands.Add(SasCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>; parse errors are printed in Chinese with a hint and return <see cref="ExitCodes.Usage"/>, and
    /// an exception that escapes a command prints one line and returns <see cref="ExitCodes.Unexpected"/>.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, InvocationConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        configuration ??= new InvocationConfiguration();
        var parseResult = Build().Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var line in CommandLineErrors.Describe(parseResult))
            {
                await configuration.Error.WriteLineAsync(line);
            }

            await configuration.Error.WriteLineAsync(CommandLineErrors.HelpHint(parseResult));
            return ExitCodes.Usage;
        }

        if (parseResult.CommandResult.Command.Name == RunCommand.Name)
        {
            // The generic host handles SIGINT/SIGTERM itself and drains in-flight work within its shutdown timeout.
            configuration.ProcessTerminationTimeout = null;
        }

        // The library's own handler prints a stack trace and returns 1, which a script would read as a rejection.
        configuration.EnableDefaultExceptionHandler = false;
        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken);
        }
        catch (Exception exception)
        {
            await configuration.Error.WriteLineAsync(UnexpectedErrorLine(exception));
            return ExitCodes.Unexpected;
        }
    }

    /// <summary>The one line printed for an unexpected error: what happened, in Chinese, and the technical cause.</summary>
    internal static string UnexpectedErrorLine(Exception exception)
    {
        var cause = string.Join(' ', $"{exception.GetType().Name}: {exception.Message}".Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        return $"intake 遇到意外错误，命令未完成（{cause}）。这不是对报送文件的判定；请把这一行发给系统维护人员。";
    }
}
