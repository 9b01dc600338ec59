using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Media;
using HealthFunctions.Publishing.Sources;

namespace HealthFunctions.Publishing.Sync;

/// <summary>
/// Which files must be rendered again when another one changed, so nothing stale is served: the
/// posts and profiles in an image's folder or above it (they may link it relatively and carry its
/// size); for an author, the posts whose status rows record that they name it
/// (<see cref="SourceRecord.People"/>); for the site settings (only when the default author
/// changed), every post.
/// </summary>
public sealed class DependentFiles(ISourceStore sources, ISourceRecordIndex index)
{
    public async Task<IReadOnlyList<string>> FindAsync(string blobName, SourceKind kind, string? slug, CancellationToken ct)
    {
        var dependents = new List<string>();
        switch (kind)
        {
            case SourceKind.Image:
                // A post may link images in its own folder or below it.
                await foreach (var name in sources.ListNamesAsync(ct))
                {
                    if (blobName.StartsWith(ImagePaths.FolderOf(name), StringComparison.Ordinal) && SourceNames.Classify(name, out _) is SourceKind.Post or SourceKind.Author)
                    {
                        dependents.Add(name);
                    }
                }

                break;
            case SourceKind.Author or SourceKind.Site:
                await foreach (var record in index.ListSourcesAsync(ct))
                {
                    if (record.Kind == SourceKind.Post && record.State is SourceState.Published or SourceState.Draft
                        && (kind == SourceKind.Site || (slug is not null && record.Names(slug))))
                    {
                        dependents.Add(record.BlobName);
                    }
                }

                break;
        }

        return dependents;
    }
}
