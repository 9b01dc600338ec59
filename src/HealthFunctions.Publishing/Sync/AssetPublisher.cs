using HealthFunctions.Publishing.Content;
using HealthFunctions.Publishing.Format;
using HealthFunctions.Publishing.Media;
using HealthFunctions.Publishing.Posts;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Publishing.Text;
using HealthFunctions.Publishing.Theme;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Publishing.Sync;

/// <summary>What publishing or removing an asset did: the author slug, editor warnings, and whether other files must be re-rendered.</summary>
public sealed record AssetChange(string? Slug, IReadOnlyList<string> Warnings, bool AffectsDependents);

/// <summary>
/// The kind-specific half of publishing the files beside the posts: images to public media
/// storage, author profiles and the site settings to the content store; theme files are checked
/// here and read by the site from the source container itself. <see cref="AssetSync"/>
/// runs the shared part (reading, replays, status rows, races).
/// </summary>
public sealed class AssetPublisher(IMediaStore media, ISiteContentStore content, ISourceStore sources, PostRenderer renderer, IOptions<PublishingOptions> publishing)
{
    private readonly PublishingOptions _options = publishing.Value;

    public int MaxBytes(SourceKind kind) => kind switch
    {
        SourceKind.Image => _options.MaxImageBytes,
        SourceKind.ThemeAsset => ThemeAssetNames.MaxBytes,
        _ => _options.MaxSourceBytes,
    };

    /// <exception cref="PostFormatException">The file cannot be published as it is.</exception>
    public async Task<AssetChange> PublishAsync(SourceKind kind, SourceBlob source, CancellationToken ct)
    {
        var maxBytes = MaxBytes(kind);
        var bytes = source.Content
            ?? throw new PostFormatException($"the file is {source.Length:N0} bytes; the limit is {maxBytes:N0} bytes.");
        switch (kind)
        {
            case SourceKind.Image:
                await media.PublishAsync(source.Name, bytes, ImageProbe.Read(source.Name, bytes, maxBytes), source.ETag, ct);
                return new AssetChange(null, [], true);
            case SourceKind.Author:
                var avatars = await media.ListAsync(ImagePaths.FolderOf(source.Name), ct);
                var profile = renderer.RenderAuthor(source.Name, bytes, avatars);
                PostLimits.CheckStoredHtml(profile.BioHtml, "bio");
                await content.SaveAuthorAsync(profile, ct);
                return new AssetChange(profile.Slug, profile.Warnings, true);
            case SourceKind.Theme:
                // The site reads theme templates from the source container itself; nothing to copy.
                return new AssetChange(null, [], false);
            case SourceKind.ThemeAsset:
                await CheckThemeCountAsync(source.Name, ct);
                return new AssetChange(null, [], false);
            case SourceKind.Site:
                var settings = renderer.RenderSite(bytes);
                PostLimits.CheckStoredHtml(settings.AboutHtml, "aboutMe");
                var before = await content.GetSiteAsync(ct);
                await content.SaveSiteAsync(settings, ct);
                return new AssetChange(null, [], before?.DefaultAuthor != settings.DefaultAuthor);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Posts are published by PostSync.");
        }
    }

    /// <returns>Whether files that depend on this one must be re-rendered.</returns>
    public async Task<bool> RemoveAsync(SourceKind kind, string blobName, string? slug, CancellationToken ct)
    {
        switch (kind)
        {
            case SourceKind.Image:
                await media.DeleteAsync(blobName, ct);
                return true;
            case SourceKind.Author:
                await content.DeleteAuthorAsync(slug ?? Slugs.From(Path.GetFileNameWithoutExtension(blobName)), ct);
                return true;
            case SourceKind.Theme or SourceKind.ThemeAsset:
                return false;
            case SourceKind.Site:
                var before = await content.GetSiteAsync(ct);
                await content.DeleteSiteAsync(ct);
                return before?.DefaultAuthor is not null;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Posts are removed by PostSync and PostRemoval.");
        }
    }

    /// <summary>The site publishes the first <see cref="ThemeAssetNames.MaxCount"/> theme assets in name order; a later one is refused.</summary>
    private async Task CheckThemeCountAsync(string blobName, CancellationToken ct)
    {
        var before = 0;
        await foreach (var (name, _) in sources.ListAsync(SourceNames.ThemeFolder, ct))
        {
            if (string.CompareOrdinal(name, blobName) < 0 && SourceNames.Classify(name, out _) == SourceKind.ThemeAsset)
            {
                before++;
            }
        }

        if (before >= ThemeAssetNames.MaxCount)
        {
            throw new PostFormatException($"the theme already has {before} asset files before this one in name order; the limit is {ThemeAssetNames.MaxCount}.");
        }
    }
}
