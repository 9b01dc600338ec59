using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Sources;

namespace HealthFunctions.Publishing.Sync;

/// <summary>Takes down what one source file has public: its listing rows, and the HTML, post row and aliases of each slug it still holds.</summary>
public sealed class PostRemoval(IPostIndexReader posts, IPostIndexWriter index, IHtmlStore html, SlugAliases aliases)
{
    public async Task RemoveAsync(string blobName, string? slug, IEnumerable<IndexKey> keys, IEnumerable<string> otherSlugs, CancellationToken ct)
    {
        await index.DeleteListingAsync(keys.Distinct(), ct);
        foreach (var owned in otherSlugs.Append(slug).OfType<string>().Distinct())
        {
            var entry = await posts.GetPostAsync(owned, ct);
            if (entry?.SourceBlob == blobName)
            {
                await html.DeleteAsync(owned, ct);
                await index.ReleaseSlugAsync(owned, blobName, ct);
                await aliases.DeleteToAsync(owned, ct);
            }
        }
    }
}
