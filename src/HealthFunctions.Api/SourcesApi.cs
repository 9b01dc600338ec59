using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Sources;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HealthFunctions.Api;

/// <summary><c>GET /api/status</c>: what happened to each uploaded file, failures first (for editors and operators; function-key protected).</summary>
public sealed class SourcesApi
{
    private readonly ISourceRecordIndex _index;
    private readonly ApiFailures _failures;

    public SourcesApi([FromKeyedServices(StorageRoles.Reads)] ISourceRecordIndex index, ApiFailures failures)
    {
        _index = index;
        _failures = failures;
    }

    public Task<ApiResponse> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        _failures.GuardAsync(request, () => StatusesAsync(request, cancellationToken));

    private async Task<ApiResponse> StatusesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request, "state");
        var state = query.Text("state", 20);
        if (query.Error is { } error)
        {
            return error;
        }

        if (state is not null && !Enum.TryParse<SourceState>(state, ignoreCase: true, out _))
        {
            return ApiResponse.BadParameter("state", $"'state' must be one of {string.Join(", ", Enum.GetNames<SourceState>())}.");
        }

        var items = new List<SourceStatus>();
        await foreach (var record in _index.ListSourcesAsync(cancellationToken))
        {
            if (state is null || string.Equals(record.State.ToString(), state, StringComparison.OrdinalIgnoreCase))
            {
                items.Add(SourceStatus.From(record));
            }
        }

        return ApiResponse.Private(new SourceStatusList(SourceStatus.FailuresFirst(items)));
    }
}
