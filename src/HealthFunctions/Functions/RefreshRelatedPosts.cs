using HealthFunctions.Search.Related;
using Microsoft.Azure.Functions.Worker;

namespace HealthFunctions.Functions;

/// <summary>Recomputes the related-posts lists a publish left to the queue (more than it does itself).</summary>
public sealed class RefreshRelatedPosts
{
    private readonly RelatedWork _work;

    public RefreshRelatedPosts(RelatedWork work)
    {
        _work = work;
    }

    [Function(nameof(RefreshRelatedPosts))]
    public async Task RunAsync(
        [QueueTrigger("%Related:Queue%", Connection = "PostsStorage")] string message,
        CancellationToken cancellationToken) =>
        await _work.HandleAsync(message, cancellationToken);
}
