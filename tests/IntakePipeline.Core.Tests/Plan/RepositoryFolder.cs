namespace IntakePipeline.Core.Tests.Plan;

/// <summary>Finds the repository's seeds/plan folder from the test output folder.</summary>
internal static class RepositoryFolder
{
    public static string SeedsPlan { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "seeds", "plan");
            if (File.Exists(Path.Combine(candidate, "indicators.csv")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("seeds/plan not found above " + AppContext.BaseDirectory);
    }
}
