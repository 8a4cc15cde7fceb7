using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using IntakePipeline.Core.Plan;

namespace IntakePipeline.Host.Cli;

/// <summary>Where the CLI's plan catalog comes from: <c>--catalog</c>, else <c>Plan__CatalogPath</c>, else the embedded copy.</summary>
internal static class CatalogSource
{
    /// <summary>Loads the catalog, or writes why it is malformed (file, row, field) and returns false.</summary>
    public static bool TryLoad(ParseResult parseResult, [NotNullWhen(true)] out PlanCatalog? catalog)
    {
        var path = parseResult.GetValue(CommonOptions.Catalog)?.FullName
            ?? Environment.GetEnvironmentVariable("Plan__CatalogPath");
        try
        {
            catalog = string.IsNullOrWhiteSpace(path) ? PlanCatalogLoader.LoadEmbedded() : PlanCatalogLoader.LoadFromDirectory(path);
            return true;
        }
        catch (PlanCatalogException exception)
        {
            parseResult.InvocationConfiguration.Error.WriteLine(exception.Message);
            catalog = null;
            return false;
        }
    }
}
