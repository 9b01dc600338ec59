using System.Text;

namespace HealthFunctions.IntegrationTests;

/// <summary>
/// Posts saved the way some editors save them (UTF-8 with a byte order mark, Windows line endings),
/// uploaded byte for byte from Fixtures/Encodings and read back through the API as a reader gets them.
/// </summary>
public sealed class EncodingFixtureTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly BlogTestHost _host = new(azurite);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_post_saved_with_a_byte_order_mark_publishes_its_front_matter_and_a_clean_body()
    {
        var bytes = Fixture("utf8-with-bom.md");
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "the fixture lost its byte order mark; the case is no longer covered");

        await _host.UploadBytesAsync("utf8-with-bom.md", bytes);
        await _host.TriggerAsync("utf8-with-bom.md");
        var response = await _host.GetPostAsync("utf8-with-bom");

        Assert.Equal(200, response.Status);
        var post = response.Json;
        Assert.Equal("Vitamin D in winter: do you need a supplement?", post.GetProperty("title").GetString());
        Assert.Equal("Dr Sören Lindqvist", post.GetProperty("author").GetString());
        Assert.Equal(["vitamin d", "nutrition", "winter"], post.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.StartsWith("Between October and March", post.GetProperty("excerpt").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\uFEFF', post.GetProperty("html").GetString()!);
    }

    [Fact]
    public async Task A_post_saved_with_windows_line_endings_publishes_without_carriage_returns()
    {
        var bytes = Fixture("crlf-line-endings.md");
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text.Replace("\r\n", string.Empty, StringComparison.Ordinal));

        await _host.UploadBytesAsync("crlf-line-endings.md", bytes);
        await _host.TriggerAsync("crlf-line-endings.md");
        var response = await _host.GetPostAsync("crlf-line-endings");

        Assert.Equal(200, response.Status);
        var post = response.Json;
        Assert.Equal("Managing seasonal allergies", post.GetProperty("title").GetString());
        Assert.Equal(["allergies", "hay fever", "spring"], post.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(new DateTimeOffset(2024, 4, 2, 7, 15, 0, TimeSpan.Zero), post.GetProperty("published").GetDateTimeOffset());
        Assert.StartsWith("Pollen season is here.", post.GetProperty("excerpt").GetString(), StringComparison.Ordinal);
        var html = post.GetProperty("html").GetString()!;
        Assert.DoesNotContain('\r', html);
        Assert.Contains("<h2 id=\"reduce-your-exposure\">Reduce your exposure</h2>", html, StringComparison.Ordinal);
    }

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Encodings", name));
}
