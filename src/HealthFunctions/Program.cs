using HealthFunctions.Api;
using HealthFunctions.Publishing;
using HealthFunctions.Search;
using HealthFunctions.Site;
using HealthFunctions.Storage;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

builder.Services
    .AddPublishing(builder.Configuration)
    .AddPublishingStorage(builder.Configuration)
    .AddStaticSite(builder.Configuration)
    .AddSearch()
    .AddPublicApi(builder.Configuration);

builder.Build().Run();
