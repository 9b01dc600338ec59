using HealthFunctions.Publishing.Sources;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HealthFunctions.Api;

/// <summary>
/// Turns what a handler throws into an answer the front end can act on: a storage outage becomes a
/// 503 problem with <c>Retry-After</c>, anything else a 500 problem (logged with the request path).
/// Either way the body is <c>application/problem+json</c>, never an empty 500 from the host.
/// </summary>
public sealed partial class ApiFailures
{
    /// <summary>The <c>Retry-After</c> of a 503, in seconds.</summary>
    public const int RetryAfterSeconds = 5;

    private readonly IStorageFaults _faults;
    private readonly ILogger<ApiFailures> _logger;

    public ApiFailures(IStorageFaults faults, ILogger<ApiFailures> logger)
    {
        _faults = faults;
        _logger = logger;
    }

    public async Task<ApiResponse> GuardAsync(HttpRequest request, Func<Task<ApiResponse>> handler)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        try
        {
            return await handler();
        }
        catch (OperationCanceledException) when (request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is OperationCanceledException || _faults.IsTransient(ex))
        {
            LogUnavailable(ex, request.Path);
            return ApiResponse.Unavailable(RetryAfterSeconds);
        }
        catch (Exception ex)
        {
            LogFailed(ex, request.Path);
            return ApiResponse.Problem(StatusCodes.Status500InternalServerError, "Something went wrong while answering this request; it has been logged.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unreachable while answering {Path}; answered 503")]
    private partial void LogUnavailable(Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering {Path} failed; answered 500")]
    private partial void LogFailed(Exception exception, string path);
}
