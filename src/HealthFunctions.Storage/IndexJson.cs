using System.Text.Json;
using HealthFunctions.Publishing.Format;
using HealthFunctions.Publishing.Index;

namespace HealthFunctions.Storage;

/// <summary>How list-valued fields are stored in table properties: as compact JSON text.</summary>
internal static class IndexJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static IReadOnlyList<string> Strings(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<string>>(json, Options) ?? [];

    public static IReadOnlyList<IndexKey> Keys(string? json) =>
        Strings(json).Select(IndexKey.Parse).ToList();

    public static string WriteKeys(IEnumerable<IndexKey> keys) => Write(keys.Select(k => k.ToString()).ToList());

    public static IReadOnlyList<PostReference> References(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<PostReference>>(json, Options) ?? [];

    public static IReadOnlyDictionary<string, object?> Extra(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return new Dictionary<string, object?>();
        }

        var element = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json, Options) ?? [];
        return element.ToDictionary(pair => pair.Key, pair => (object?)pair.Value, StringComparer.Ordinal);
    }
}
