namespace HealthFunctions.Site.Writing;

/// <summary>Sending a message that is due at a given time, across the queue's limit on how long a message may stay invisible.</summary>
public static class PageQueueing
{
    /// <summary>The longest a Storage queue message may be kept invisible: 7 days.</summary>
    public static readonly TimeSpan MaxQueueDelay = TimeSpan.FromDays(7);

    /// <summary>
    /// Sends <paramref name="message"/> to become visible at its <see cref="PageMessage.NotBefore"/>,
    /// or after the longest delay the queue allows; the handler sends it on again (a hop) while it is
    /// not yet due, so a post scheduled months ahead arrives after a few weekly hops.
    /// </summary>
    public static Task SendDueAsync(IPageQueue queue, PageMessage message, DateTimeOffset now, SiteOptions options, CancellationToken ct)
    {
        var wait = (message.NotBefore ?? now) - now;
        var cap = TimeSpan.FromSeconds(Math.Min(options.MaxDelaySeconds, MaxQueueDelay.TotalSeconds));
        var delay = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > cap ? cap : wait;
        return queue.SendAsync([message], delay, ct);
    }
}
