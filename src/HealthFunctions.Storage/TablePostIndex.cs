using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using HealthFunctions.Publishing;
using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Posts;
using HealthFunctions.Publishing.Sync;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Storage;

/// <summary>
/// The post index in one Azure table. Partitions: <c>listing</c>, <c>tag:{tag}</c> and
/// <c>author:{author}</c> hold listing rows keyed for newest-first range queries (see
/// <see cref="ListingKeys"/>); <c>post</c> holds one row per slug; <c>source</c> one status row
/// per source file (keyed by a hash of its name, since blob names may hold characters row keys
/// cannot); <c>alias</c> maps old slugs to new ones.
/// </summary>
public sealed class TablePostIndex : IPostIndex
{
    private const string PostPartition = "post";
    private const string SourcePartition = "source";
    private const string AliasPartition = "alias";
    private const int BatchSize = 100;

    /// <summary>Stored in place of "never expires", so the expiry filter can compare every row.</summary>
    private static readonly DateTimeOffset NeverExpires = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    private readonly TableClient _table;
    private readonly CreatedOnce _created;

    public TablePostIndex(TableServiceClient service, IOptions<PublishingOptions> options)
    {
        _table = service.GetTableClient(options.Value.IndexTable);
        _created = new CreatedOnce(() => _table.CreateIfNotExistsAsync());
    }

    public async Task<SourceRecord?> GetSourceAsync(string blobName, CancellationToken cancellationToken)
    {
        var entity = await GetAsync(SourcePartition, SourceRowKey(blobName), cancellationToken);
        return entity is null ? null : ToSource(entity);
    }

    public async Task<bool> TrySaveSourceAsync(SourceRecord record, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var entity = new TableEntity(SourcePartition, SourceRowKey(record.BlobName))
        {
            ["BlobName"] = record.BlobName,
            ["State"] = record.State.ToString(),
            ["Message"] = StatusText.Clip(record.Message),
            ["Slug"] = record.Slug,
            ["BlobETag"] = record.BlobETag,
            ["BlobLastModified"] = record.BlobLastModified,
            ["ProcessedAt"] = record.ProcessedAt,
            ["IndexKeys"] = IndexJson.WriteKeys(record.IndexKeys),
            ["Kind"] = record.Kind.ToString(),
            ["Warnings"] = IndexJson.Write(StatusText.Bound(record.Warnings)),
        };
        try
        {
            if (record.ETag is null)
            {
                await _table.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await _table.UpdateEntityAsync(entity, new ETag(record.ETag), TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            return false;
        }
    }

    public async Task<bool> TryDeleteSourceAsync(SourceRecord record, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        try
        {
            await _table.DeleteEntityAsync(SourcePartition, SourceRowKey(record.BlobName), record.ETag is null ? ETag.All : new ETag(record.ETag), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412)
        {
            return false;
        }
    }

    public async IAsyncEnumerable<SourceRecord> ListSourcesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {SourcePartition}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return ToSource(entity);
        }
    }

    public async Task<PostEntry?> GetPostAsync(string slug, CancellationToken cancellationToken)
    {
        var entity = await GetAsync(PostPartition, slug, cancellationToken);
        return entity is null ? null : ToPost(entity);
    }

    public async Task<SlugClaim> ClaimSlugAsync(PostEntry entry, bool expectNew, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            // An insert fails with 409 if the row exists, so trying it first is safe; the next attempt reads.
            var existing = expectNew && attempt == 0 ? null : await GetPostAsync(entry.Post.Slug, cancellationToken);
            try
            {
                if (existing is null)
                {
                    await _table.AddEntityAsync(FromPost(entry), cancellationToken);
                    return new SlugClaim(true, null);
                }

                if (existing.SourceBlob != entry.SourceBlob)
                {
                    return new SlugClaim(false, existing);
                }

                await _table.UpdateEntityAsync(FromPost(entry), new ETag(existing.ETag!), TableUpdateMode.Replace, cancellationToken);
                return new SlugClaim(true, null);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
            {
                // Someone else wrote this slug between the read and the write: look again.
            }
        }

        throw new InvalidOperationException($"The slug '{entry.Post.Slug}' kept changing while it was claimed.");
    }

    public async Task ReleaseSlugAsync(string slug, string sourceBlob, CancellationToken cancellationToken)
    {
        var existing = await GetPostAsync(slug, cancellationToken);
        if (existing is null || existing.SourceBlob != sourceBlob)
        {
            return;
        }

        try
        {
            await _table.DeleteEntityAsync(PostPartition, slug, new ETag(existing.ETag!), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 412)
        {
            // Changed since it was read: whoever changed it now owns it.
        }
    }

    /// <summary>
    /// One write per partition: a plain upsert when the partition gets one row (the usual case: a post has
    /// one row in each listing it is in), else a transaction per partition (and per 100 rows). A single-row
    /// write is just as atomic and cheaper to serve than a one-row transaction. Partitions are independent,
    /// so their writes go out together.
    /// </summary>
    public async Task UpsertListingAsync(IEnumerable<ListingEntry> entries, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        await Task.WhenAll(entries
            .Select(FromListing)
            .GroupBy(e => e.PartitionKey)
            .SelectMany(partition => partition.Chunk(BatchSize))
            .Select(chunk => chunk.Length == 1
                ? (Task)_table.UpsertEntityAsync(chunk[0], TableUpdateMode.Replace, cancellationToken)
                : _table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken)));
    }

    public async Task DeleteListingAsync(IEnumerable<IndexKey> keys, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var options = new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(keys.Distinct(), options, async (key, ct) => await _table.DeleteEntityAsync(key.Partition, key.Row, ETag.All, ct));
    }

    public async IAsyncEnumerable<(IndexKey Key, DateTimeOffset Written)> ListAllListingKeysAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {ListingKeys.AllPosts} or (PartitionKey ge {"tag:"} and PartitionKey lt {"tag;"}) or (PartitionKey ge {"author:"} and PartitionKey lt {"author;"})");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "Timestamp"], cancellationToken: cancellationToken))
        {
            yield return (new IndexKey(entity.PartitionKey, entity.RowKey), entity.Timestamp ?? DateTimeOffset.MinValue);
        }
    }

    public async Task<ListingPage> QueryListingAsync(string partition, string? continueAfter, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var floor = ListingKeys.RowKeyFloor(now);
        var from = continueAfter is not null && string.CompareOrdinal(continueAfter, floor) >= 0 ? continueAfter : null;
        var filter = from is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {floor} and Expires gt {now}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {from} and Expires gt {now}");

        // Ask for one row more than the page: it tells whether a next page exists without a further query.
        var items = new List<ListingEntry>(limit + 1);
        await foreach (var page in _table.QueryAsync<TableEntity>(filter, maxPerPage: limit + 1, cancellationToken: cancellationToken).AsPages())
        {
            items.AddRange(page.Values.Select(ToListing));
            if (items.Count > limit || page.ContinuationToken is null)
            {
                break;
            }
        }

        var more = items.Count > limit;
        var pageItems = more ? items[..limit] : items;
        return new ListingPage(pageItems, more ? pageItems[^1].Key.Row : null);
    }

    public async Task SetAliasAsync(string alias, string slug, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        await _table.UpsertEntityAsync(new TableEntity(AliasPartition, alias) { ["Slug"] = slug }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<string?> GetAliasAsync(string alias, CancellationToken cancellationToken)
    {
        var entity = await GetAsync(AliasPartition, alias, cancellationToken);
        return entity?.GetString("Slug");
    }

    public async IAsyncEnumerable<(string Alias, string Target)> ListAliasesAsync(string? target, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var filter = target is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {AliasPartition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {AliasPartition} and Slug eq {target}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, select: ["RowKey", "Slug"], cancellationToken: cancellationToken))
        {
            yield return (entity.RowKey, entity.GetString("Slug"));
        }
    }

    public async Task DeleteAliasAsync(string alias, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        await _table.DeleteEntityAsync(AliasPartition, alias, ETag.All, cancellationToken);
    }

    public async IAsyncEnumerable<(string Slug, string SourceBlob, DateTimeOffset Written)> ListPostsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PostPartition}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, select: ["RowKey", "SourceBlob", "Timestamp"], cancellationToken: cancellationToken))
        {
            yield return (entity.RowKey, entity.GetString("SourceBlob"), entity.Timestamp ?? DateTimeOffset.MinValue);
        }
    }

    private async Task<TableEntity?> GetAsync(string partition, string row, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static string SourceRowKey(string blobName) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(blobName)));

    private static SourceRecord ToSource(TableEntity e) => new()
    {
        BlobName = e.GetString("BlobName"),
        State = Enum.Parse<SourceState>(e.GetString("State")),
        Message = e.GetString("Message"),
        Slug = e.GetString("Slug"),
        BlobETag = e.GetString("BlobETag"),
        BlobLastModified = e.GetDateTimeOffset("BlobLastModified") ?? DateTimeOffset.MinValue,
        ProcessedAt = e.GetDateTimeOffset("ProcessedAt") ?? DateTimeOffset.MinValue,
        IndexKeys = IndexJson.Keys(e.GetString("IndexKeys")),
        Kind = Enum.TryParse<SourceKind>(e.GetString("Kind"), out var kind) ? kind : SourceKind.Post,
        Warnings = IndexJson.Strings(e.GetString("Warnings")),
        ETag = e.ETag.ToString(),
    };

    private static TableEntity FromPost(PostEntry entry)
    {
        var post = entry.Post;
        return new TableEntity(PostPartition, post.Slug)
        {
            ["SourceBlob"] = entry.SourceBlob,
            ["HtmlLocation"] = entry.HtmlLocation,
            ["Title"] = post.Title,
            ["Published"] = post.Published,
            ["Updated"] = post.Updated,
            ["Tags"] = IndexJson.Write(post.Tags),
            ["Categories"] = IndexJson.Write(post.Categories),
            ["Description"] = post.Description,
            ["Excerpt"] = post.Excerpt,
            ["WordCount"] = post.WordCount,
            ["ReadingMinutes"] = post.ReadingMinutes,
            ["Author"] = post.Author,
            ["ReviewedBy"] = post.ReviewedBy,
            ["LastReviewed"] = post.LastReviewed,
            ["References"] = IndexJson.Write(post.References),
            ["Aliases"] = IndexJson.Write(post.Aliases),
            ["Draft"] = post.Draft,
            ["ExpiryDate"] = post.ExpiryDate,
            ["Image"] = post.Image,
            ["ImageAlt"] = post.ImageAlt,
            ["ImageWidth"] = post.ImageWidth,
            ["ImageHeight"] = post.ImageHeight,
            ["Extra"] = IndexJson.Write(post.Extra),
        };
    }

    private static PostEntry ToPost(TableEntity e) => new()
    {
        SourceBlob = e.GetString("SourceBlob"),
        HtmlLocation = e.GetString("HtmlLocation"),
        ETag = e.ETag.ToString(),
        Post = new RenderedPost
        {
            Slug = e.RowKey,
            Title = e.GetString("Title"),
            Published = e.GetDateTimeOffset("Published") ?? DateTimeOffset.MinValue,
            Updated = e.GetDateTimeOffset("Updated"),
            Tags = IndexJson.Strings(e.GetString("Tags")),
            Categories = IndexJson.Strings(e.GetString("Categories")),
            Description = e.GetString("Description") ?? string.Empty,
            Excerpt = e.GetString("Excerpt") ?? string.Empty,
            WordCount = e.GetInt32("WordCount") ?? 0,
            ReadingMinutes = e.GetInt32("ReadingMinutes") ?? 0,
            Author = e.GetString("Author"),
            ReviewedBy = e.GetString("ReviewedBy"),
            LastReviewed = e.GetDateTimeOffset("LastReviewed"),
            References = IndexJson.References(e.GetString("References")),
            Aliases = IndexJson.Strings(e.GetString("Aliases")),
            Draft = e.GetBoolean("Draft") ?? false,
            ExpiryDate = e.GetDateTimeOffset("ExpiryDate"),
            Image = e.GetString("Image"),
            ImageAlt = e.GetString("ImageAlt"),
            ImageWidth = e.GetInt32("ImageWidth"),
            ImageHeight = e.GetInt32("ImageHeight"),
            Extra = IndexJson.Extra(e.GetString("Extra")),
            Html = string.Empty,
        },
    };

    private static TableEntity FromListing(ListingEntry entry) => new(entry.Key.Partition, entry.Key.Row)
    {
        ["Slug"] = entry.Slug,
        ["Title"] = entry.Title,
        ["Published"] = entry.Published,
        ["Updated"] = entry.Updated,
        ["Excerpt"] = entry.Excerpt,
        ["WordCount"] = entry.WordCount,
        ["ReadingMinutes"] = entry.ReadingMinutes,
        ["Tags"] = IndexJson.Write(entry.Tags),
        ["Author"] = entry.Author,
        ["Expires"] = entry.Expires ?? NeverExpires,
    };

    private static ListingEntry ToListing(TableEntity e)
    {
        var expires = e.GetDateTimeOffset("Expires");
        return new ListingEntry
        {
            Key = new IndexKey(e.PartitionKey, e.RowKey),
            Slug = e.GetString("Slug"),
            Title = e.GetString("Title"),
            Published = e.GetDateTimeOffset("Published") ?? DateTimeOffset.MinValue,
            Updated = e.GetDateTimeOffset("Updated"),
            Excerpt = e.GetString("Excerpt") ?? string.Empty,
            WordCount = e.GetInt32("WordCount") ?? 0,
            ReadingMinutes = e.GetInt32("ReadingMinutes") ?? 0,
            Tags = IndexJson.Strings(e.GetString("Tags")),
            Author = e.GetString("Author"),
            Expires = expires == NeverExpires ? null : expires,
        };
    }
}
