using System.Text.Json;
using System.Text.Json.Serialization;

namespace HealthFunctions.Cli;

internal static class CliJson
{
    public static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <summary><c>list --json</c>: the listing's items as <c>GET /api/posts</c> shows them, and whether more follow.</summary>
internal sealed record CliPostList(IReadOnlyList<HealthFunctions.Api.PostSummary> Items, bool More);
