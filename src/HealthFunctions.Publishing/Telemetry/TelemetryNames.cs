
namespace HealthFunctions.Publishing.Telemetry;

/// <summary>
/// The names the app's traces and metrics are published under, and the dimensions they carry. The
/// host subscribes an exporter to <see cref="Source"/> and <see cref="Meter"/>; nothing in the
/// core library knows which exporter that is.
/// </summary>
public static class TelemetryNames
{
    /// <summary>The activity source of publishes and page work.</summary>
    public const string Source = "HealthFunctions";

    /// <summary>The meter of publish durations, outcomes and queue lag.</summary>
    public const string Meter = "HealthFunctions";

    public const string BlobName = "healthfunctions.blob.name";

    public const string Slug = "healthfunctions.post.slug";

    public const string Outcome = "healthfunctions.publish.outcome";

    public const string SourceKind = "healthfunctions.source.kind";

    public const string Work = "healthfunctions.page.work";

    public const string Page = "healthfunctions.page.key";

    public const string PublishDuration = "healthfunctions.publish.duration";

    public const string PublishOutcomes = "healthfunctions.publish.outcomes";

    public const string QueueLag = "healthfunctions.queue.lag";

    /// <summary>The outcome recorded when a publish ends in an exception (a storage outage, say) that the trigger retries.</summary>
    public const string ErrorOutcome = "error";
}
