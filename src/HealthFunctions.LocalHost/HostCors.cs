namespace HealthFunctions.LocalHost;

/// <summary>
/// The origins the host lets browsers call the API from: <c>Host:CORS</c>, comma-separated, the
/// setting <c>func start</c> reads from local.settings.json (<c>*</c> allows any).
/// </summary>
public static class HostCors
{
    public const string SettingName = "Host:CORS";

    public static IReadOnlyList<string> Origins(IConfiguration configuration) =>
        (configuration[SettingName] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
