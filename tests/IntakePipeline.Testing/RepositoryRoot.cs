namespace IntakePipeline.Testing;

/// <summary>Finds the repository root: the nearest folder, upwards from the test binaries, that holds <c>IntakePipeline.sln</c>.</summary>
public static class RepositoryRoot
{
    private const string Marker = "IntakePipeline.sln";

    /// <summary>The repository root.</summary>
    /// <exception cref="DirectoryNotFoundException">No folder above the test binaries holds the solution file.</exception>
    public static string Path { get; } = Find(AppContext.BaseDirectory);

    internal static string Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, Marker)))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder above '{start}' contains {Marker}.");
    }
}
