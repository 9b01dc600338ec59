using Microsoft.Extensions.Logging;

namespace HealthFunctions.Telemetry;

/// <summary>
/// What the worker logs: the app's own publish log at Information, the Azure SDK's per-request
/// logs only from Warning up (at Information they print a few lines for every storage call).
/// host.json sets the same levels for what the Functions host logs.
/// </summary>
public static class AppLogFilters
{
    public const string AppCategory = "HealthFunctions";

    public const string AzureSdkCategory = "Azure";

    public static ILoggingBuilder AddAppLogFilters(this ILoggingBuilder logging) =>
        logging
            .AddFilter(AzureSdkCategory, LogLevel.Warning)
            .AddFilter(AppCategory, LogLevel.Information);
}
