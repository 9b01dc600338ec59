using System.Net;
using System.Net.Http.Headers;
using System.Text;
using HealthFunctions.LocalHost;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthFunctions.BrowserTests;

/// <summary>The LocalHost behaves as the Functions host would for the same function classes.</summary>
public sealed class LocalHostTests(BlogSite site) : IClassFixture<BlogSite>
{
    [Fact]
    public void Every_http_function_is_mapped_at_its_route_under_api()
    {
        var functions = HttpFunction.DiscoverIn(FunctionClasses.All);
        var endpoints = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        Assert.Contains(functions, f => f.Name == "ListPosts" && f.Route == "posts");
        Assert.Contains(functions, f => f.Name == "GetPost" && f.Route == "posts/{slug}");
        Assert.DoesNotContain(functions, f => f.Name == "PublishOnUpload");
        Assert.All(functions, function => Assert.Contains(
            endpoints,
            endpoint => endpoint.DisplayName == function.Name && endpoint.RoutePattern.RawText == "/api/" + function.Route));
    }

    [Fact]
    public async Task The_public_api_answers_without_a_key()
    {
        using var http = site.Http(followRedirects: false);

        var list = await http.GetAsync("/api/posts?limit=2");
        var post = await http.GetAsync($"/api/posts/{SeedPosts.KetamineSlug}");
        var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/posts/{SeedPosts.KetamineSlug}"));
        var moved = await http.GetAsync($"/api/posts/{SeedPosts.BloodPressureOldSlug}");
        var missing = await http.GetAsync("/api/posts/no-such-post");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("application/json", list.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"next\":", await list.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("What the treatment involves", await post.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal($"/api/posts/{SeedPosts.BloodPressureSlug}", moved.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Keyed_functions_need_the_local_key()
    {
        using var http = site.Http();

        var without = await http.GetAsync("/api/status");
        var wrong = await http.SendAsync(WithKey(HttpMethod.Get, "/api/status", "not-the-key"));
        var right = await http.SendAsync(WithKey(HttpMethod.Get, "/api/status", BlogSite.FunctionKey));
        var byQuery = await http.PostAsync($"/api/events/blob-deleted?code={BlogSite.FunctionKey}", new StringContent("[]", Encoding.UTF8, "application/json"));
        var byQueryWrong = await http.PostAsync("/api/events/blob-deleted?code=nope", new StringContent("[]", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("sleep-habits.md", await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, byQuery.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byQueryWrong.StatusCode);
    }

    [Fact]
    public async Task Every_error_answer_under_api_is_a_problem_document()
    {
        using var http = site.Http();

        var answers = new Dictionary<HttpStatusCode, HttpResponseMessage>
        {
            [HttpStatusCode.Unauthorized] = await http.GetAsync("/api/status"),
            [HttpStatusCode.NotFound] = await http.GetAsync("/api/no-such-endpoint"),
            [HttpStatusCode.MethodNotAllowed] = await http.PostAsync("/api/posts", new StringContent("{}", Encoding.UTF8, "application/json")),
            [HttpStatusCode.RequestUriTooLong] = await http.GetAsync("/api/posts?tag=" + new string('t', 9_000)),
            [HttpStatusCode.BadRequest] = await http.GetAsync("/api/openapi.json?x=1"),
        };

        foreach (var (status, response) in answers)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
        }
    }

    [Fact]
    public async Task Cors_preflights_are_answered_by_the_host_for_allowed_origins_on_every_route()
    {
        using var http = site.Http();

        foreach (var path in new[] { "/api/posts", "/api/posts/some-post", "/api/search?q=sleep", "/api/authors/jane-doe/posts" })
        {
            var allowed = await http.SendAsync(Preflight(BlogSite.AllowedOrigin, path));
            var other = await http.SendAsync(Preflight("https://elsewhere.example", path));

            Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
            Assert.Equal(BlogSite.AllowedOrigin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
            Assert.Contains("if-none-match", string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
            Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
        }

        var get = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/posts") { Headers = { { "Origin", BlogSite.AllowedOrigin } } });
        Assert.Equal(BlogSite.AllowedOrigin, get.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task The_static_site_is_served_at_the_root_with_its_search_page_and_web_config_beside_it()
    {
        using var http = site.Http();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var home = await http.GetAsync("/");
        var html = await home.Content.ReadAsStringAsync();
        while (!html.Contains($"/{SeedPosts.KetamineSlug}/", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "the page queue did not write the home page within 60 s");
            await Task.Delay(200);
            home = await http.GetAsync("/");
            html = await home.Content.ReadAsStringAsync();
        }

        var config = await http.GetStringAsync("/config.js");
        var search = await http.GetAsync("/search.html");
        var retired = await http.GetAsync($"/post.html?slug={SeedPosts.KetamineSlug}");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("text/html", home.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"href=\"/{SeedPosts.KetamineSlug}/\"", html);
        Assert.Matches("/assets/[0-9a-f]{12}/css/site\\.css", html);
        Assert.Contains("window.HEALTHFUNCTIONS_API = ''", config);
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Equal((await site.Web.GetBlobClient("search.html").DownloadContentAsync()).Value.Content.ToString(), await search.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, retired.StatusCode);
        Assert.Contains("Page not found", await retired.Content.ReadAsStringAsync());
    }

    private static HttpRequestMessage WithKey(HttpMethod method, string path, string key) =>
        new(method, path) { Headers = { { "x-functions-key", key } } };

    private static HttpRequestMessage Preflight(string origin, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
        return request;
    }
}
