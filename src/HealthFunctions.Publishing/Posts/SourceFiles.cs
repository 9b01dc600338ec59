namespace HealthFunctions.Publishing.Posts;

/// <summary>What a source file's name says about it.</summary>
internal static class SourceFiles
{
    /// <summary>The file name without folders and extension: <c>posts/2024-05-01-flu.md</c> → <c>2024-05-01-flu</c>.</summary>
    public static string Stem(string sourceName)
    {
        var name = sourceName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }
}
