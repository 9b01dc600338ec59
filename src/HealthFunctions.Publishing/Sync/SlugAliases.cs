using HealthFunctions.Publishing.Index;

namespace HealthFunctions.Publishing.Sync;

/// <summary>The alias rows that send old slugs to a post: kept one hop long after a rename, removed with the post.</summary>
public sealed class SlugAliases(IPostIndexWriter index)
{
    /// <summary>After a rename, every older slug points straight at the new one: no redirect chains.</summary>
    public async Task RedirectAsync(string previousSlug, string slug, CancellationToken ct)
    {
        foreach (var alias in await AliasesToAsync(previousSlug, ct))
        {
            await (alias == slug ? index.DeleteAliasAsync(alias, ct) : index.SetAliasAsync(alias, slug, ct));
        }
    }

    /// <summary>Removes every alias that points at <paramref name="slug"/>.</summary>
    public async Task DeleteToAsync(string slug, CancellationToken ct)
    {
        foreach (var alias in await AliasesToAsync(slug, ct))
        {
            await index.DeleteAliasAsync(alias, ct);
        }
    }

    private async Task<List<string>> AliasesToAsync(string slug, CancellationToken ct)
    {
        var aliases = new List<string>();
        await foreach (var (alias, _) in index.ListAliasesAsync(slug, ct))
        {
            aliases.Add(alias);
        }

        return aliases;
    }
}
