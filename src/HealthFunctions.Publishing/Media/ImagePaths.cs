namespace HealthFunctions.Publishing.Media;

/// <summary>Which files are images and how a relative link in a source file names one.</summary>
public static class ImagePaths
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
    };

    public static bool IsImage(string name) => ContentTypes.ContainsKey(Path.GetExtension(name));

    public static string? ContentTypeOf(string name) => ContentTypes.GetValueOrDefault(Path.GetExtension(name));

    /// <summary>True for a link with no scheme and no leading '/' or '#': a path beside the source file.</summary>
    public static bool IsRelative(string? url) =>
        !string.IsNullOrWhiteSpace(url)
        && !url.StartsWith('/')
        && !url.StartsWith('#')
        && !Uri.TryCreate(url, UriKind.Absolute, out _);

    /// <summary>
    /// The source path a relative link from <paramref name="sourceName"/> points at
    /// (<c>2024/post.md</c> + <c>img/a.png</c> → <c>2024/img/a.png</c>); null when it climbs out of the container.
    /// </summary>
    public static string? Resolve(string sourceName, string relative)
    {
        var folder = sourceName.Contains('/') ? sourceName[..sourceName.LastIndexOf('/')].Split('/').ToList() : [];
        var path = Uri.UnescapeDataString(relative.Split('?', '#')[0]).Replace('\\', '/');
        foreach (var segment in path.Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    break;
                case "..":
                    if (folder.Count == 0)
                    {
                        return null;
                    }

                    folder.RemoveAt(folder.Count - 1);
                    break;
                default:
                    folder.Add(segment);
                    break;
            }
        }

        return folder.Count == 0 ? null : string.Join('/', folder);
    }

    /// <summary>The folder part of a source name, with a trailing '/', or empty at the root.</summary>
    public static string FolderOf(string sourceName) =>
        sourceName.Contains('/') ? sourceName[..(sourceName.LastIndexOf('/') + 1)] : string.Empty;
}
