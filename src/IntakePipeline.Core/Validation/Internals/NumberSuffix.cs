namespace IntakePipeline.Core.Validation.Internals;

/// <summary>The suffix a number was typed with.</summary>
internal enum NumberSuffix
{
    /// <summary>A plain number.</summary>
    None,

    /// <summary>A trailing % ("36%" means 36, in the unit %).</summary>
    Percent,

    /// <summary>A trailing 万 ("10.5万" means 10.5 × 10⁴ of the base unit).</summary>
    TenThousand,
}
