namespace HealthFunctions.Site.Writing;

/// <summary>
/// One unit of page work. <see cref="Page"/> names a page key (<see cref="PageKeys"/>),
/// <see cref="Resync"/> a source file to publish again, or <see cref="Rebuild"/> the whole site
/// (<see cref="SiteSweep"/>).
/// <see cref="Requested"/> is when the change it carries was already in the index: a page written
/// by a render that began later already shows it, so the message has nothing left to do.
/// </summary>
public sealed record PageMessage
{
    public string? Page { get; init; }

    public string? Resync { get; init; }

    public bool Rebuild { get; init; }

    /// <summary>
    /// Asks for every page to be rewritten if "Latest Posts" is not what the last sweep began with (a
    /// post among the newest was added, edited or removed). Coalesces like <see cref="Rebuild"/>.
    /// </summary>
    public bool Sidebars { get; init; }

    /// <summary>For one batch of a sweep: when the sweep began (<see cref="SweepState.Started"/>).</summary>
    public DateTimeOffset? Sweep { get; init; }

    /// <summary>For one batch of a sweep: the number of the chunk of the sweep's page keys it sends (null or 0 for the first).</summary>
    public int? Chunk { get; init; }

    /// <summary>Sent by a rebuild, which sends every page anyway: pages linking here are not sent again.</summary>
    public bool FromRebuild { get; init; }

    public required DateTimeOffset Requested { get; init; }

    /// <summary>For a removal waiting on sidebars: when the rebuild that rewrites them was asked for.</summary>
    public DateTimeOffset? SidebarsAsked { get; init; }

    /// <summary>How many times this removal has waited for that rebuild.</summary>
    public int Waits { get; init; }

    /// <summary>Not to be done before this time (scheduled and expiring posts).</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>The trace of the publish that sent it (W3C <c>traceparent</c>), so queue work joins that trace.</summary>
    public string? TraceParent { get; init; }

    /// <summary>When the queue makes it visible: how late it runs after that is the queue's lag.</summary>
    public DateTimeOffset? Due { get; init; }
}

/// <summary>The Storage queue that carries page work.</summary>
public interface IPageQueue
{
    /// <summary>Sends messages that become visible after <paramref name="delay"/> (at most the queue's 7 days).</summary>
    Task SendAsync(IEnumerable<PageMessage> messages, TimeSpan delay, CancellationToken cancellationToken);
}
