using HealthFunctions.Site.Writing;
using Microsoft.Azure.Functions.Worker;

namespace HealthFunctions.Functions;

/// <summary>Does one piece of page work from the site's queue: a shared page, a fan-out, a scheduled post's moment.</summary>
public sealed class RenderSitePage
{
    private readonly PageWork _work;

    public RenderSitePage(PageWork work)
    {
        _work = work;
    }

    [Function(nameof(RenderSitePage))]
    public async Task RunAsync(
        [QueueTrigger("%Site:PageQueue%", Connection = "PostsStorage")] string message,
        CancellationToken cancellationToken) =>
        await _work.HandleAsync(message, cancellationToken);
}
