using IntakePipeline.EndToEnd;

// dotnet run -c Release --project bench/IntakePipeline.EndToEnd [-- --Watcher:PollInterval=00:00:00.250 …]
return await EndToEndBenchmark.RunAsync(args, Console.Out);
