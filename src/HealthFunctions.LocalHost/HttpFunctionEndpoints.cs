using Microsoft.Extensions.Options;

namespace HealthFunctions.LocalHost;

public static partial class HttpFunctionEndpoints
{
    /// <summary>Maps every discovered HTTP function at <c>{RoutePrefix}/{Route}</c> for its methods.</summary>
    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder endpoints, IEnumerable<HttpFunction> functions)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<LocalHostOptions>>().Value;
        foreach (var function in functions)
        {
            var pattern = PatternOf(options.RoutePrefix, function.Route);
            RequestDelegate handler = async context =>
            {
                if (!FunctionKeyCheck.Allows(function.Level, context.Request, options.FunctionKey))
                {
                    // The body is written by ProblemAnswers, as for every other error without one.
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return;
                }

                await function.InvokeAsync(context);
            };

            var endpoint = function.Methods.Count == 0
                ? endpoints.Map(pattern, handler)
                : endpoints.MapMethods(pattern, function.Methods, handler);
            endpoint.WithDisplayName(function.Name);
        }

        return endpoints;
    }

    public static string PatternOf(string prefix, string route) =>
        "/" + string.Join('/', new[] { prefix.Trim('/'), route.Trim('/') }.Where(part => part.Length > 0));

    /// <summary>Lists the functions and their addresses once the server listens, as <c>func start</c> does.</summary>
    public static void LogHttpFunctionsOnStart(this WebApplication app, IReadOnlyList<HttpFunction> functions)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpFunctionEndpoints).FullName!);
        var prefix = app.Services.GetRequiredService<IOptions<LocalHostOptions>>().Value.RoutePrefix;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.Urls.FirstOrDefault() ?? string.Empty;
            foreach (var function in functions)
            {
                var methods = function.Methods.Count == 0 ? "ANY" : string.Join(',', function.Methods);
                LogFunction(logger, function.Name, methods, address.TrimEnd('/') + PatternOf(prefix, function.Route), function.Level.ToString());
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Function {Name}: [{Methods}] {Url} (authorization {Level})")]
    private static partial void LogFunction(ILogger logger, string name, string methods, string url, string level);
}
