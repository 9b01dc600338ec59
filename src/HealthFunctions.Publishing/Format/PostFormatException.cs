namespace HealthFunctions.Publishing.Format;

/// <summary>The source file cannot be published as it is. The message is written for the editor.</summary>
public sealed class PostFormatException : Exception
{
    public PostFormatException(string message, string? field = null, int? line = null)
        : base(Compose(message, field, line))
    {
        Field = field;
        Line = line;
    }

    /// <summary>Front matter field at fault, when there is one.</summary>
    public string? Field { get; }

    /// <summary>1-based line in the source file, when known.</summary>
    public int? Line { get; }

    private static string Compose(string message, string? field, int? line)
    {
        var where = (field, line) switch
        {
            (not null, not null) => $"'{field}' (line {line}): ",
            (not null, null) => $"'{field}': ",
            (null, not null) => $"line {line}: ",
            _ => string.Empty,
        };
        return where + message;
    }
}
