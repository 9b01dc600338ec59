namespace HealthFunctions.Publishing.Index;

/// <summary>The address of one listing row in the index table.</summary>
public readonly record struct IndexKey(string Partition, string Row)
{
    public override string ToString() => $"{Partition}|{Row}";

    public static IndexKey Parse(string text)
    {
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        return bar > 0
            ? new IndexKey(text[..bar], text[(bar + 1)..])
            : throw new FormatException($"'{text}' is not an index key.");
    }
}
