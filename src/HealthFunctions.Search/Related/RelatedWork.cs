using System.Text.Json;
using HealthFunctions.Publishing.Text;
using Microsoft.Extensions.Logging;

namespace HealthFunctions.Search.Related;

/// <summary>Handles one related-posts queue message: checks it is one this app sends, then recomputes the lists it names.</summary>
public sealed partial class RelatedWork
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const int MaxSlugs = 100;

    private readonly RelatedPostsUpdater _updater;
    private readonly ILogger<RelatedWork> _logger;

    public RelatedWork(RelatedPostsUpdater updater, ILogger<RelatedWork> logger)
    {
        _updater = updater;
        _logger = logger;
    }

    public async Task HandleAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        RelatedMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<RelatedMessage>(text, Json);
        }
        catch (JsonException)
        {
            message = null;
        }

        if (message?.Slugs is not { Count: > 0 and <= MaxSlugs } slugs || !slugs.All(s => s is not null && Slugs.IsValid(s)))
        {
            LogDropped(text.Length > 200 ? text[..200] : text);
            return;
        }

        await _updater.RecomputeAsync(slugs, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a related-posts message that is not one this app sends: {Text}")]
    private partial void LogDropped(string text);
}
