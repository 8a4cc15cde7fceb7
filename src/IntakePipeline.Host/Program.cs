using IntakePipeline.Host.Cli;

return await IntakeCommandLine.RunAsync(args);
