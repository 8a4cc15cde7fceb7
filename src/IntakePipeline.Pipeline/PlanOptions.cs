namespace IntakePipeline.Pipeline;

/// <summary>Where the plan catalog comes from, bound to the configuration section <c>Plan</c> (<c>Plan__CatalogPath</c>).</summary>
public sealed class PlanOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Plan";

    /// <summary>
    /// A folder with the catalog's CSV files (documents, indicators, targets, checks). Default <see langword="null"/>:
    /// the catalog embedded in the build.
    /// </summary>
    public string? CatalogPath { get; set; }
}
