using HealthFunctions.Api;
using HealthFunctions.Publishing;
using HealthFunctions.Search;
using HealthFunctions.Site;
using HealthFunctions.Storage;
using HealthFunctions.Telemetry;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Logging.AddAppLogFilters();

builder.Services
    .AddPublishing(builder.Configuration)
    .AddPublishingStorage(builder.Configuration)
    .AddStaticSite(builder.Configuration)
    .AddSearch()
    .AddPublicApi(builder.Configuration)
    .AddAppTelemetry(builder.Configuration)
    .UseFunctionsWorkerDefaults();

builder.Build().Run();
