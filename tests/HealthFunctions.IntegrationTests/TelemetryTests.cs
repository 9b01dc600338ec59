using System.Diagnostics;
using HealthFunctions.Publishing.Telemetry;
using HealthFunctions.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace HealthFunctions.IntegrationTests;

/// <summary>
/// The app's telemetry as Program.cs wires it, seen by in-memory exporters: one publish is one trace
/// from the trigger through its storage calls to the queued page work it sent.
/// </summary>
public sealed class TelemetryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly List<Activity> _spans = [];
    private readonly List<Metric> _metrics = [];
    private BlogTestHost? _host;

    private BlogTestHost Host => _host ?? throw new InvalidOperationException("not initialised");

    public ValueTask InitializeAsync()
    {
        _host = new BlogTestHost(azurite, site: true, configure: services =>
        {
            services.AddAppTelemetry(new ConfigurationBuilder().Build());
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
            services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
        });

        // Outside a generic host nothing starts the providers: resolving them does.
        Host.Get<TracerProvider>();
        Host.Get<MeterProvider>();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    [Fact]
    public async Task A_publish_is_one_trace_from_trigger_through_storage_to_queue_work()
    {
        await Host.UploadAndTriggerAsync("traced-post.md", PostFile.Markdown("Traced post", "2025-04-01", tags: "sleep"));
        Assert.True(await Host.DrainAsync() > 0);
        Host.Get<TracerProvider>().ForceFlush();

        var publish = Assert.Single(Spans(), span => span.OperationName == "publish" && Tag(span, TelemetryNames.BlobName) == "traced-post.md");
        Assert.Equal("traced-post", Tag(publish, TelemetryNames.Slug));
        Assert.Equal("added", Tag(publish, TelemetryNames.Outcome));
        Assert.Equal("post", Tag(publish, TelemetryNames.SourceKind));

        var trace = Spans().Where(span => span.TraceId == publish.TraceId).ToList();
        var storage = trace.Where(span => span.Source.Name.StartsWith("Azure.", StringComparison.Ordinal)).ToList();
        Assert.Contains(storage, span => span.ParentSpanId == publish.SpanId && span.OperationName.StartsWith("BlobClient.", StringComparison.Ordinal));
        Assert.Contains(storage, span => span.OperationName.StartsWith("TableClient.", StringComparison.Ordinal));
        Assert.Contains(storage, span => span.OperationName.StartsWith("QueueClient.SendMessage", StringComparison.Ordinal));

        var work = trace.Where(span => span.OperationName == "page-work").ToList();
        Assert.NotEmpty(work);
        Assert.All(work, span => Assert.Equal(ActivityKind.Consumer, span.Kind));
        Assert.Contains(work, span => Tag(span, TelemetryNames.Page) == "home");

        // The pages the queue work wrote are storage calls of that same trace.
        Assert.Contains(trace, span => work.Any(w => w.SpanId == span.ParentSpanId) && span.OperationName.StartsWith("BlobClient.Upload", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_duration_outcomes_and_queue_lag_are_measured()
    {
        await Host.UploadAndTriggerAsync("measured.md", PostFile.Markdown("Measured", "2025-04-02"));
        await Host.UploadAndTriggerAsync("broken.md", "---\ntitle: [unclosed\n---\nBody");
        await Host.DrainAsync();
        Host.Get<MeterProvider>().ForceFlush();

        Assert.True(Count(TelemetryNames.PublishOutcomes, "post", "added") >= 1);
        Assert.True(Count(TelemetryNames.PublishOutcomes, "post", "failed") >= 1);
        Assert.Contains(Points(TelemetryNames.PublishDuration), point => point.GetHistogramCount() > 0 && point.GetHistogramSum() > 0);
        Assert.Contains(Points(TelemetryNames.QueueLag), point => point.GetHistogramCount() > 0);
    }

    [Fact]
    public async Task A_failed_publish_is_an_error_span_with_the_reason()
    {
        await Host.UploadAndTriggerAsync("no-title.md", "---\ntitle: [unclosed\n---\nBody");
        Host.Get<TracerProvider>().ForceFlush();

        var publish = Assert.Single(Spans(), span => span.OperationName == "publish" && Tag(span, TelemetryNames.BlobName) == "no-title.md");
        Assert.Equal("failed", Tag(publish, TelemetryNames.Outcome));
        Assert.Equal(ActivityStatusCode.Error, publish.Status);
        Assert.False(string.IsNullOrWhiteSpace(publish.StatusDescription));
    }

    [Fact]
    public void The_azure_sdk_logs_only_warnings_while_the_publish_log_stays_at_information()
    {
        using var provider = new ServiceCollection().AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new EveryLevelLogs()).AddAppLogFilters()).BuildServiceProvider();
        var loggers = provider.GetRequiredService<ILoggerFactory>();

        Assert.False(loggers.CreateLogger("Azure.Core").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("Azure.Storage.Blobs").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Azure.Core").IsEnabled(LogLevel.Warning));
        Assert.True(loggers.CreateLogger("HealthFunctions.Publishing.Sync.ContentSync").IsEnabled(LogLevel.Information));
    }

    [Theory]
    [InlineData("ClientId=1f2e;Authorization=AAD", "1f2e")]
    [InlineData(" clientid = 1f2e ; authorization = aad ", "1f2e")]
    [InlineData("ClientId=1f2e", null)]
    [InlineData("Authorization=AAD", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void TheExporterUsesTheManagedIdentityNamedInTheAuthenticationString(string? setting, string? clientId) =>
        Assert.Equal(clientId, TelemetryServiceCollectionExtensions.ManagedIdentityClientId(setting));

    private List<Activity> Spans()
    {
        lock (_spans)
        {
            return [.. _spans];
        }
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();

    private List<MetricPoint> Points(string name)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in _metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                points.Add(point);
            }
        }

        return points;
    }

    private long Count(string name, string kind, string outcome)
    {
        long total = 0;
        foreach (var point in Points(name))
        {
            var tags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags)
            {
                tags[tag.Key] = tag.Value;
            }

            if (Equals(tags.GetValueOrDefault(TelemetryNames.SourceKind), kind) && Equals(tags.GetValueOrDefault(TelemetryNames.Outcome), outcome))
            {
                total += point.GetSumLong();
            }
        }

        return total;
    }

    /// <summary>A log destination that takes every level, so only the filters decide.</summary>
    private sealed class EveryLevelLogs : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }

        public void Dispose()
        {
        }
    }
}
