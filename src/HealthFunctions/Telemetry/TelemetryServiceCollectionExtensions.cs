using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using HealthFunctions.Publishing.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Resources;

namespace HealthFunctions.Telemetry;

/// <summary>
/// OpenTelemetry for the app: the publish and page-work traces, the Azure SDK's storage calls as
/// their children, and the app's metrics. Exported to Application Insights when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (with an Entra ID token when
/// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> names a managed identity), and to any OTLP
/// collector when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; with neither, nothing leaves the process.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The Azure SDK emits one span per storage request only with this switch on.</summary>
    public const string AzureActivitySourceSwitch = "Azure.Experimental.EnableActivitySource";

    public const string ServiceName = "HealthFunctions";

    public static OpenTelemetryBuilder AddAppTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        AppContext.SetSwitch(AzureActivitySourceSwitch, true);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing.AddSource(TelemetryNames.Source, "Azure.*"))
            .WithMetrics(metrics => metrics.AddMeter(TelemetryNames.Meter));

        var connectionString = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var identity = ManagedIdentityClientId(configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
            telemetry.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                if (identity is not null)
                {
                    options.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(identity));
                }
            });
        }

        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return telemetry;
    }

    /// <summary>The client ID in <c>ClientId=…;Authorization=AAD</c>, the form the Functions host reads too.</summary>
    public static string? ManagedIdentityClientId(string? authenticationString)
    {
        string? clientId = null;
        var entra = false;
        foreach (var part in (authenticationString ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (name, value) = part.IndexOf('=') is var at and > 0 ? (part[..at].Trim(), part[(at + 1)..].Trim()) : (part, string.Empty);
            if (name.Equals("ClientId", StringComparison.OrdinalIgnoreCase) && value.Length > 0)
            {
                clientId = value;
            }
            else if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                entra = value.Equals("AAD", StringComparison.OrdinalIgnoreCase);
            }
        }

        return entra ? clientId : null;
    }
}
