using System.Security.Cryptography;
using System.Text;
using HealthFunctions.Publishing.Theme;

namespace HealthFunctions.Site.Rendering;

/// <summary>One file of the theme's assets: its path below the theme (<c>css/site.css</c>) and its bytes.</summary>
public sealed record ThemeAsset(string Path, byte[] Content)
{
    public string ContentType => ThemeAssetNames.ContentTypeOf(Path) ?? "application/octet-stream";
}

/// <summary>
/// The theme's assets as one version: the default theme's files with the editor's uploads laid
/// over them (same path wins). <see cref="Version"/> is a hash of every path and byte, so the set
/// is published under <c>/assets/{version}/</c> and any change to any file gives every asset a new
/// address. Paths inside the folder keep their layout, so a stylesheet's <c>url(../img/x.png)</c>
/// and a module's <c>import './api.js'</c> resolve within the same version.
/// </summary>
public sealed class ThemeAssetSet
{
    public const string Folder = "assets/";

    public ThemeAssetSet(IEnumerable<ThemeAsset> defaults, IEnumerable<ThemeAsset> uploads)
    {
        var files = new SortedDictionary<string, ThemeAsset>(StringComparer.Ordinal);
        foreach (var asset in defaults.Concat(uploads))
        {
            files[asset.Path] = asset;
        }

        Files = files.Values.ToList();
        Version = Hash(Files);
    }

    /// <summary>Every file, in path order.</summary>
    public IReadOnlyList<ThemeAsset> Files { get; }

    /// <summary>The first 12 hex digits of a SHA-256 over every path and its bytes.</summary>
    public string Version { get; }

    public bool Contains(string path) => Files.Any(file => file.Path == path);

    /// <summary>The blob a file of this version is stored as (<c>assets/1a2b3c4d5e6f/css/site.css</c>).</summary>
    public string BlobName(ThemeAsset asset) => $"{Folder}{Version}/{asset.Path}";

    /// <summary>
    /// The address a page names an asset by: its path in this version, or, for a file the theme
    /// does not have (<c>config.js</c>, published by the deployment), the plain path at the root.
    /// </summary>
    public string UrlOf(string path)
    {
        var relative = path.TrimStart('/');
        return Contains(relative) ? $"/{Folder}{Version}/{relative}" : "/" + relative;
    }

    private static string Hash(IReadOnlyList<ThemeAsset> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{file.Path}\n{file.Content.Length}\n"));
            hash.AppendData(file.Content);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
