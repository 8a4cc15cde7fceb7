using System.CommandLine;
using IntakePipeline.Host.Standalone;

namespace IntakePipeline.Host.Cli;

/// <summary>The <c>intake</c> command line: builds the commands and maps parse errors to <see cref="ExitCodes.Usage"/>.</summary>
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
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; parse errors print a hint and return <see cref="ExitCodes.Usage"/>.</summary>
    public static async Task<int> RunAsync(string[] args, InvocationConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        configuration ??= new InvocationConfiguration();
        var parseResult = Build().Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await configuration.Error.WriteLineAsync(error.Message);
            }

            await configuration.Error.WriteLineAsync("Run 'intake --help' for usage.");
            return ExitCodes.Usage;
        }

        if (parseResult.CommandResult.Command.Name == RunCommand.Name)
        {
            // The generic host handles SIGINT/SIGTERM itself and drains in-flight work within its shutdown timeout.
            configuration.ProcessTerminationTimeout = null;
        }

        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }
}
