namespace IntakePipeline.Storage;

/// <summary>
/// One table entity: its keys, its version stamps and a flat set of typed properties. A property value is one of
/// <see cref="double"/> (Edm.Double), <see cref="int"/> (Edm.Int32), <see cref="long"/> (Edm.Int64),
/// <see cref="DateTimeOffset"/> (Edm.DateTime, stored in UTC), <see cref="bool"/> (Edm.Boolean) or
/// <see cref="string"/> (Edm.String). Each is written with its type, so a <see cref="double"/> such as 7.0 stays
/// Edm.Double and reporting tools see stable column types.
/// </summary>
public sealed class TableRow
{
    private readonly Dictionary<string, object> _properties = new(StringComparer.Ordinal);

    /// <summary>Creates a row with no properties.</summary>
    /// <param name="partitionKey">The partition key; see <see cref="TableKeys"/>.</param>
    /// <param name="rowKey">The row key; see <see cref="TableKeys"/>.</param>
    /// <exception cref="ArgumentException">A key is invalid.</exception>
    public TableRow(string partitionKey, string rowKey)
    {
        TableKeys.Validate(partitionKey, nameof(partitionKey));
        TableKeys.Validate(rowKey, nameof(rowKey));
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    /// <summary>The partition key.</summary>
    public string PartitionKey { get; }

    /// <summary>The row key.</summary>
    public string RowKey { get; }

    /// <summary>The entity's ETag when it was read from the service, else <see langword="null"/>.</summary>
    public string? ETag { get; init; }

    /// <summary>The service's last-write time when the entity was read from the service, else <see langword="null"/>.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The properties, by name.</summary>
    public IReadOnlyDictionary<string, object> Properties => _properties;

    /// <summary>
    /// Gets a property, or <see langword="null"/> when absent; sets one, or removes it when set to
    /// <see langword="null"/>. A <see cref="DateTimeOffset"/> is converted to UTC.
    /// </summary>
    /// <param name="name">The property name; not a system name (PartitionKey, RowKey, Timestamp, ETag).</param>
    /// <exception cref="ArgumentException">The name is reserved, or the value's type is not one of the six supported.</exception>
    public object? this[string name]
    {
        get => _properties.GetValueOrDefault(name);
        set
        {
            CheckName(name);
            if (value is null)
            {
                _properties.Remove(name);
                return;
            }

            _properties[name] = value switch
            {
                double or int or long or bool or string => value,
                DateTimeOffset time => time.ToUniversalTime(),
                _ => throw new ArgumentException(
                    $"Property '{name}' has the unsupported type {value.GetType().Name}; use double, int, long, DateTimeOffset, bool or string.",
                    nameof(value)),
            };
        }
    }

    /// <summary>Gets a number; an Edm.Int32 or Edm.Int64 value is widened.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The value, or <see langword="null"/> when absent.</returns>
    /// <exception cref="InvalidCastException">The property holds a non-number.</exception>
    public double? GetDouble(string name) => this[name] switch
    {
        null => null,
        double d => d,
        int i => i,
        long l => l,
        var other => throw WrongType(name, other, "double"),
    };

    /// <summary>Gets an Edm.Int32.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The value, or <see langword="null"/> when absent.</returns>
    /// <exception cref="InvalidCastException">The property holds another type.</exception>
    public int? GetInt32(string name) => this[name] switch
    {
        null => null,
        int i => i,
        var other => throw WrongType(name, other, "int"),
    };

    /// <summary>Gets an integer; an Edm.Int32 value is widened.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The value, or <see langword="null"/> when absent.</returns>
    /// <exception cref="InvalidCastException">The property holds another type.</exception>
    public long? GetInt64(string name) => this[name] switch
    {
        null => null,
        long l => l,
        int i => i,
        var other => throw WrongType(name, other, "long"),
    };

    /// <summary>Gets an Edm.Boolean.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The value, or <see langword="null"/> when absent.</returns>
    /// <exception cref="InvalidCastException">The property holds another type.</exception>
    public bool? GetBoolean(string name) => this[name] switch
    {
        null => null,
        bool b => b,
        var other => throw WrongType(name, other, "bool"),
    };

    /// <summary>Gets an Edm.DateTime, in UTC.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The value, or <see langword="null"/> when absent.</returns>
    /// <exception cref="InvalidCastException">The property holds another type.</exception>
    public DateTimeOffset? GetDateTimeOffset(string name) => this[name] switch
    {
        null => null,
        DateTimeOffset t => t,
        var other => throw WrongType(name, other, "DateTimeOffset"),
    };

    /// <summary>Gets an Edm.String.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The value, or <see langword="null"/> when absent.</returns>
    /// <exception cref="InvalidCastException">The property holds another type.</exception>
    public string? GetString(string name) => this[name] switch
    {
        null => null,
        string s => s,
        var other => throw WrongType(name, other, "string"),
    };

    /// <inheritdoc />
    public override string ToString() => $"{PartitionKey} / {RowKey} ({_properties.Count} properties)";

    private static void CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name is "PartitionKey" or "RowKey" or "Timestamp" or "ETag" or "odata.etag")
        {
            throw new ArgumentException($"'{name}' is a system property and cannot be set as a property.", nameof(name));
        }
    }

    private static InvalidCastException WrongType(string name, object value, string wanted) =>
        new($"Property '{name}' holds {value.GetType().Name} {value}, not {wanted}.");
}
