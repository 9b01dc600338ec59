using HealthFunctions.Api;
using HealthFunctions.Functions;
using HealthFunctions.Publishing;
using HealthFunctions.Search;
using HealthFunctions.Search.Related;
using HealthFunctions.Site;
using HealthFunctions.Storage;
using HealthFunctions.Telemetry;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace HealthFunctions.LocalHost;

/// <summary>
/// The Functions app's own function classes and services on plain ASP.NET Core: the closest real
/// thing to <c>func start</c> on a machine without Azure Functions Core Tools.
/// </summary>
public static partial class LocalHostApp
{
    /// <summary>
    /// Builds the app. Settings come from appsettings.json, environment variables and
    /// <paramref name="args"/>, then <paramref name="overrides"/> (for tests). Start it with
    /// <c>--urls http://127.0.0.1:0</c> for a free port; <see cref="WebApplication.Urls"/> then tells which.
    /// </summary>
    public static WebApplication Build(string[] args, IDictionary<string, string?>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        // The same registrations as src/HealthFunctions/Program.cs.
        builder.Logging.AddAppLogFilters();
        builder.Services
            .AddPublishing(builder.Configuration)
            .AddPublishingStorage(builder.Configuration)
            .AddStaticSite(builder.Configuration)
            .AddSearch()
            .AddPublicApi(builder.Configuration)
            .AddAppTelemetry(builder.Configuration);

        builder.Services.AddLocalFunctionsHost(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestLineSize = ProblemAnswers.MaxRequestLine);

        var app = builder.Build();
        var functions = HttpFunction.DiscoverIn(FunctionClasses.All);
        var options = app.Services.GetRequiredService<IOptions<LocalHostOptions>>().Value;

        // The static site first, as the storage account's static website serves it; then web/
        // (config.js, the search page and the theme's assets at their source paths).
        app.UseHttpFunctions(functions, beforeRouting: files =>
        {
            var siteFiles = app.Services.GetRequiredService<SiteContainerFiles>();
            files.Use(siteFiles.InvokeAsync);
            if (WebRoot.Find(options.WebRoot) is { } webRoot)
            {
                files.UseStaticFiles(new StaticFileOptions
                {
                    FileProvider = new PhysicalFileProvider(webRoot),
                    OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
                });
                LogServingWeb(app.Logger, webRoot);
            }
            else
            {
                LogNoWeb(app.Logger);
            }
        });

        app.LogHttpFunctionsOnStart(functions);
        return app;
    }

    /// <summary>The host's own services: the HTTP half (<see cref="HttpFunctionsHost.AddHttpFunctionsHost"/>), the function classes, the blob- and queue-trigger stand-ins and the site container's files.</summary>
    public static IServiceCollection AddLocalFunctionsHost(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpFunctionsHost(configuration);
        services.AddFunctionClasses();
        services.AddSingleton<BlobTriggerPoller>();
        services.AddHostedService(sp => sp.GetRequiredService<BlobTriggerPoller>());
        services.AddHostedService(sp => new QueueTriggerPoller(
            sp,
            sp.GetRequiredService<IOptions<SiteOptions>>().Value.PageQueue,
            nameof(RenderSitePage),
            (scope, message, ct) => scope.GetRequiredService<RenderSitePage>().RunAsync(message, ct)));
        services.AddHostedService(sp => new QueueTriggerPoller(
            sp,
            sp.GetRequiredService<IOptions<RelatedOptions>>().Value.Queue,
            nameof(RefreshRelatedPosts),
            (scope, message, ct) => scope.GetRequiredService<RefreshRelatedPosts>().RunAsync(message, ct)));
        services.AddSingleton<SiteContainerFiles>();
        return services;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving the site container at /, then {WebRoot}")]
    private static partial void LogServingWeb(ILogger logger, string webRoot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No web/ folder found (set LocalHost:WebRoot); serving the site container and the API only")]
    private static partial void LogNoWeb(ILogger logger);
}
