using Azure.Data.Tables;
using HealthFunctions.Publishing;
using HealthFunctions.Publishing.Content;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Storage;

/// <summary>Author profiles (partition <c>profile</c>, one row per slug) and the site settings (partition <c>site</c>) in the index table.</summary>
public sealed class TableSiteContentStore : ISiteContentStore
{
    private const string ProfilePartition = "profile";
    private const string SitePartition = "site";
    private const string SiteRow = "settings";

    private readonly TableClient _table;
    private readonly CreatedOnce _created;

    public TableSiteContentStore(TableServiceClient service, IOptions<PublishingOptions> options)
    {
        _table = service.GetTableClient(options.Value.IndexTable);
        _created = new CreatedOnce(() => _table.CreateIfNotExistsAsync());
    }

    public async Task<AuthorProfile?> GetAuthorAsync(string slug, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(ProfilePartition, slug, cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } e)
        {
            return null;
        }

        return new AuthorProfile
        {
            Slug = e.RowKey,
            Name = e.GetString("Name"),
            Credentials = e.GetString("Credentials"),
            BioHtml = e.GetString("BioHtml") ?? string.Empty,
            Avatar = e.GetString("Avatar"),
            AvatarWidth = e.GetInt32("AvatarWidth"),
            AvatarHeight = e.GetInt32("AvatarHeight"),
            Links = IndexJson.References(e.GetString("Links")),
            Warnings = IndexJson.Strings(e.GetString("Warnings")),
        };
    }

    public Task<string?> GetAuthorVersionAsync(string slug, CancellationToken cancellationToken) =>
        GetVersionAsync(ProfilePartition, slug, cancellationToken);

    public async Task SaveAuthorAsync(AuthorProfile profile, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        await _table.UpsertEntityAsync(
            new TableEntity(ProfilePartition, profile.Slug)
            {
                ["Name"] = profile.Name,
                ["Credentials"] = profile.Credentials,
                ["BioHtml"] = profile.BioHtml,
                ["Avatar"] = profile.Avatar,
                ["AvatarWidth"] = profile.AvatarWidth,
                ["AvatarHeight"] = profile.AvatarHeight,
                ["Links"] = IndexJson.Write(profile.Links),
                ["Warnings"] = IndexJson.Write(profile.Warnings),
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task DeleteAuthorAsync(string slug, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        await _table.DeleteEntityAsync(ProfilePartition, slug, Azure.ETag.All, cancellationToken);
    }

    public async Task<SiteSettings?> GetSiteAsync(CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(SitePartition, SiteRow, cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } e)
        {
            return null;
        }

        return new SiteSettings
        {
            Title = e.GetString("Title"),
            Description = e.GetString("Description"),
            AboutHtml = e.GetString("AboutHtml"),
            BaseUrl = e.GetString("BaseUrl"),
            Language = e.GetString("Language") ?? "en",
            DefaultAuthor = e.GetString("DefaultAuthor"),
        };
    }

    public Task<string?> GetSiteVersionAsync(CancellationToken cancellationToken) =>
        GetVersionAsync(SitePartition, SiteRow, cancellationToken);

    public async Task SaveSiteAsync(SiteSettings settings, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        await _table.UpsertEntityAsync(
            new TableEntity(SitePartition, SiteRow)
            {
                ["Title"] = settings.Title,
                ["Description"] = settings.Description,
                ["AboutHtml"] = settings.AboutHtml,
                ["BaseUrl"] = settings.BaseUrl,
                ["Language"] = settings.Language,
                ["DefaultAuthor"] = settings.DefaultAuthor,
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task DeleteSiteAsync(CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        await _table.DeleteEntityAsync(SitePartition, SiteRow, Azure.ETag.All, cancellationToken);
    }

    /// <summary>The row's ETag, which the service changes with every write: one point read that selects no content.</summary>
    private async Task<string?> GetVersionAsync(string partition, string row, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(partition, row, select: ["PartitionKey"], cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } e ? e.ETag.ToString() : null;
    }
}
