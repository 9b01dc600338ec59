using HealthFunctions.Publishing.Format;

namespace HealthFunctions.Publishing.Sync;

/// <summary>
/// Keeps what a status row says within <see cref="PostLimits.StatusMessageLength"/> and
/// <see cref="PostLimits.StatusWarnings"/>, so the row that tells the editor what happened always
/// fits in a table row, whatever the file held.
/// </summary>
public static class StatusText
{
    private const int WarningLength = 500;

    public static string? Clip(string? message) =>
        message is null ? null : PostLimits.Shorten(message, PostLimits.StatusMessageLength);

    public static IReadOnlyList<string> Bound(IReadOnlyList<string> warnings)
    {
        if (warnings.Count <= PostLimits.StatusWarnings && warnings.All(w => w.Length <= WarningLength))
        {
            return warnings;
        }

        var kept = warnings.Take(PostLimits.StatusWarnings).Select(w => PostLimits.Shorten(w, WarningLength)).ToList();
        if (warnings.Count > kept.Count)
        {
            kept.Add($"… and {warnings.Count - kept.Count:N0} more warnings.");
        }

        return kept;
    }
}
