namespace IntakePipeline.Storage;

/// <summary>A table query: an OData filter, a projection and a page size.</summary>
public sealed record TableQuery
{
    /// <summary>The largest page the service returns (<c>$top</c> is capped at 1,000).</summary>
    public const int MaxPageSize = 1000;

    private readonly int? _pageSize;

    /// <summary>
    /// The OData <c>$filter</c>, or <see langword="null"/> for every entity. Build it with
    /// <see cref="TableFilter.Create(FormattableString)"/> so that values are quoted and escaped.
    /// </summary>
    public string? Filter { get; init; }

    /// <summary>The properties to return (<c>$select</c>), or <see langword="null"/> for all.</summary>
    public IReadOnlyList<string>? Select { get; init; }

    /// <summary>
    /// The entities per round trip (<c>$top</c>), 1 to <see cref="MaxPageSize"/>, or <see langword="null"/> for the
    /// service default (1,000). It bounds one page, not the total: the query still reads to the end.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to 1,000.</exception>
    public int? PageSize
    {
        get => _pageSize;
        init
        {
            if (value is { } size)
            {
                ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
                ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxPageSize);
            }

            _pageSize = value;
        }
    }

    /// <summary>Every entity of a table.</summary>
    public static TableQuery All => new();

    /// <summary>Every entity of one partition.</summary>
    /// <param name="partitionKey">The partition key.</param>
    /// <returns>The query.</returns>
    public static TableQuery Partition(string partitionKey) =>
        new() { Filter = TableFilter.Create($"PartitionKey eq {partitionKey}") };
}
