namespace HealthFunctions.Site.Pages;

/// <summary>
/// A page as built from the index: its files (none when the page should not exist) and the keys of
/// the pages that link to it, kept with the page so that, when it goes, they can be rewritten first.
/// </summary>
public sealed record PageOutput(IReadOnlyList<SiteFile> Files, IReadOnlyList<string> LinkedFrom)
{
    public static readonly PageOutput Absent = new([], []);

    public bool Exists => Files.Count > 0;
}
