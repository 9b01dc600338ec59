using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace HealthFunctions.IntegrationTests;

/// <summary>What the in-memory server answered: status, headers as the function wrote them, and the body as text and bytes.</summary>
public sealed record TestResponse(int Status, IHeaderDictionary Headers, string Body, string? ContentType, byte[] Bytes)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public static async Task<TestResponse> ReadAsync(HttpResponseMessage response)
    {
        // NonValidated: the raw values, not HttpClient's reformatting of them ("GET, HEAD" stays one value).
        var headers = new HeaderDictionary();
        foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
        {
            headers[name] = values.ToArray();
        }

        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new TestResponse((int)response.StatusCode, headers, Encoding.UTF8.GetString(bytes), response.Content.Headers.ContentType?.ToString(), bytes);
    }
}
