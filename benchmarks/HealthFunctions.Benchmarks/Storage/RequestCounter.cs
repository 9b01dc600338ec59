using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace HealthFunctions.Benchmarks.Storage;

/// <summary>Counts the HTTP requests the storage clients send (retries included) and the response bytes they get back.</summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private long _requests;
    private long _responseBytes;

    public long Requests => Interlocked.Read(ref _requests);

    public long ResponseBytes => Interlocked.Read(ref _responseBytes);

    /// <summary>Requests by kind: method, service and what the address names (a table batch, entity, blob...).</summary>
    public ConcurrentDictionary<string, long> ByKind { get; } = new(StringComparer.Ordinal);

    public override void OnSendingRequest(HttpMessage message)
    {
        Interlocked.Increment(ref _requests);
        ByKind.AddOrUpdate(KindOf(message.Request), 1, (_, count) => count + 1);
    }

    private static string KindOf(Request request)
    {
        var path = request.Uri.Path;
        var query = request.Uri.Query;
        var method = request.Method.ToString();
        var kind = path.Contains("$batch", StringComparison.Ordinal) ? "table transaction"
            : path.Contains("(PartitionKey=", StringComparison.Ordinal) ? "table entity"
            : method == "POST" ? "table entity (insert)"
            : query.Contains("$filter", StringComparison.Ordinal) ? "table query"
            : query.Contains("restype=container", StringComparison.Ordinal) ? "blob container"
            : query.Contains("comp=list", StringComparison.Ordinal) ? "blob list"
            : "blob";
        return $"{method} {kind}";
    }

    public override void OnReceivedResponse(HttpMessage message)
    {
        var length = message.Response.ContentStream is { CanSeek: true } stream
            ? stream.Length
            : message.Response.Headers.ContentLength ?? 0;
        Interlocked.Add(ref _responseBytes, length);
    }
}
