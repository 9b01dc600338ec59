using HealthFunctions.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace HealthFunctions.LocalHost;

/// <summary>
/// Makes every error answer under the API's route prefix <c>application/problem+json</c>, as the
/// functions' own answers are: the 404 and 405 of routing, the 401 of the key check, a 414 for a
/// request target over <see cref="MaxRequestTarget"/>, and a 500 for an exception that escaped.
/// </summary>
public static partial class ProblemAnswers
{
    /// <summary>Longest path and query accepted (Kestrel's own request-line limit is raised above it, so this answer is the one clients see).</summary>
    public const int MaxRequestTarget = 8 * 1024;

    /// <summary>Kestrel's request-line limit: above it Kestrel answers 414 by itself, without a body.</summary>
    public const int MaxRequestLine = 64 * 1024;

    public static IApplicationBuilder UseProblemAnswers(this IApplicationBuilder app, string routePrefix)
    {
        var prefix = new PathString("/" + routePrefix.Trim('/'));
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProblemAnswers).FullName!);
        return app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(prefix))
            {
                await next(context);
                return;
            }

            var target = (context.Request.Path.Value ?? string.Empty).Length + (context.Request.QueryString.Value ?? string.Empty).Length;
            if (target > MaxRequestTarget)
            {
                await WriteAsync(context, ApiResponse.Problem(StatusCodes.Status414UriTooLong, $"The path and query are {target:N0} characters long; the limit is {MaxRequestTarget:N0}."));
                return;
            }

            try
            {
                await next(context);
            }
            catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
            {
                LogUnhandled(logger, ex, context.Request.Path);
                context.Response.Clear();
                await WriteAsync(context, ApiResponse.Problem(StatusCodes.Status500InternalServerError, "Something went wrong while answering this request; it has been logged."));
                return;
            }

            var response = context.Response;
            if (response.StatusCode >= 400 && !response.HasStarted && string.IsNullOrEmpty(response.ContentType))
            {
                await WriteAsync(context, ApiResponse.Problem(response.StatusCode, DetailFor(response.StatusCode, context.Request)));
            }
        });
    }

    public static Task WriteAsync(HttpContext context, ApiResponse problem) =>
        problem.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));

    private static string DetailFor(int status, HttpRequest request) => status switch
    {
        StatusCodes.Status401Unauthorized => $"This endpoint needs a function key, as '?{FunctionKeyCheck.QueryName}=' or the '{FunctionKeyCheck.HeaderName}' header.",
        StatusCodes.Status404NotFound => $"There is no endpoint at '{request.Path}'.",
        StatusCodes.Status405MethodNotAllowed => $"'{request.Method}' is not allowed on '{request.Path}'.",
        _ => "The request could not be answered.",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception answering {Path}; answered 500")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
