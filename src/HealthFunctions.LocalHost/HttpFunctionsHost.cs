using Microsoft.Extensions.Options;

namespace HealthFunctions.LocalHost;

/// <summary>
/// The HTTP half of the Functions host, on its own so that the LocalHost and the integration
/// tests' in-memory server answer requests the same way: the host's options, CORS and MVC's
/// result executors as services; problem answers, routing, CORS and every HTTP function at its
/// route (with the key check) as the pipeline.
/// </summary>
public static class HttpFunctionsHost
{
    /// <summary>The services the HTTP pipeline needs; the function classes and the app's own services are the caller's.</summary>
    public static IServiceCollection AddHttpFunctionsHost(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LocalHostOptions>()
            .Bind(configuration.GetSection(LocalHostOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // CORS is the platform's, not the app's: answered here as the Functions host answers it from
        // Host.CORS in local.settings.json (and App Service from siteConfig.cors in Azure).
        var origins = HostCors.Origins(configuration);
        services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            if (origins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins([.. origins]);
            }

            policy.AllowAnyMethod().AllowAnyHeader().WithExposedHeaders("ETag", "Last-Modified", "Location");
        }));

        // Functions may return any IActionResult, as under the Functions host's ASP.NET Core integration.
        services.AddMvcCore();
        return services;
    }

    /// <summary>Problem answers for the API's prefix, then whatever <paramref name="beforeRouting"/> adds, then routing, CORS and the functions.</summary>
    public static IApplicationBuilder UseHttpFunctions(this IApplicationBuilder app, IReadOnlyList<HttpFunction> functions, Action<IApplicationBuilder>? beforeRouting = null)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<LocalHostOptions>>().Value;
        app.UseProblemAnswers(options.RoutePrefix);
        beforeRouting?.Invoke(app);
        app.UseRouting();
        app.UseCors();
        return app.UseEndpoints(endpoints => endpoints.MapHttpFunctions(functions));
    }
}
