using Azure.Data.Tables;

namespace IntakePipeline.Storage;

/// <summary>Builds OData filter strings with safely quoted values.</summary>
public static class TableFilter
{
    /// <summary>
    /// Formats a filter, quoting and escaping each interpolated value by its type: strings in single quotes with
    /// <c>'</c> doubled, <see cref="DateTimeOffset"/> as <c>datetime'…'</c>, <see cref="long"/> with an <c>L</c>,
    /// booleans in lower case. For example <c>TableFilter.Create($"PartitionKey eq {code} and Value gt {1.5}")</c>.
    /// </summary>
    /// <param name="filter">The interpolated filter.</param>
    /// <returns>The filter text.</returns>
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return TableClient.CreateQueryFilter(filter);
    }
}
