using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HealthFunctions.Publishing.Posts;

namespace HealthFunctions.Site.Pages;

/// <summary>A person as schema.org describes them: name, job title (credentials), picture and profile page.</summary>
public sealed record LdPerson(string Name, string? Credentials, string? Image, string? Url);

/// <summary>
/// schema.org JSON-LD for a post, the one definition the page and the API share: a
/// <c>BlogPosting</c>, or a <c>MedicalWebPage</c> with <c>reviewedBy</c>, <c>lastReviewed</c>
/// and citations when a medical reviewer is named. <c>url</c> and <c>mainEntityOfPage</c> are the
/// post's page address.
/// </summary>
public static class StructuredData
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Dictionary<string, object> For(RenderedPost post, string pageUrl, LdPerson? author, LdPerson? reviewer, string? publisher, string? language)
    {
        var reviewed = post.ReviewedBy is not null;
        var data = new Dictionary<string, object>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = reviewed ? "MedicalWebPage" : "BlogPosting",
            ["headline"] = post.Title,
            ["description"] = post.Description,
            ["datePublished"] = post.Published,
            ["dateModified"] = post.Updated ?? post.Published,
            ["wordCount"] = post.WordCount,
            ["url"] = pageUrl,
            ["mainEntityOfPage"] = pageUrl,
        };

        if (post.Tags.Count > 0)
        {
            data["keywords"] = string.Join(", ", post.Tags);
        }

        if (post.Author is not null)
        {
            data["author"] = Person(author ?? new LdPerson(post.Author, null, null, null));
        }

        if (publisher is not null)
        {
            data["publisher"] = new Dictionary<string, object> { ["@type"] = "Organization", ["name"] = publisher };
        }

        if (language is not null)
        {
            data["inLanguage"] = language;
        }

        if (post.Image is not null)
        {
            data["image"] = post.ImageWidth is { } width && post.ImageHeight is { } height
                ? new Dictionary<string, object> { ["@type"] = "ImageObject", ["url"] = post.Image, ["width"] = width, ["height"] = height }
                : post.Image;
        }

        if (reviewed)
        {
            data["reviewedBy"] = Person(reviewer ?? new LdPerson(post.ReviewedBy!, null, null, null));
            if (post.LastReviewed is { } lastReviewed)
            {
                data["lastReviewed"] = lastReviewed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }

        if (post.References.Count > 0)
        {
            data["citation"] = post.References
                .Select(r => r.Url is null ? (object)r.Title : new Dictionary<string, object> { ["@type"] = "CreativeWork", ["name"] = r.Title, ["url"] = r.Url.ToString() })
                .ToList();
        }

        return data;
    }

    /// <summary>
    /// The data as the text of a <c>&lt;script type="application/ld+json"&gt;</c> element. JSON
    /// allows <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, U+2028 and U+2029 only inside strings, where
    /// <c>\uXXXX</c> means the same character, so escaping them keeps the value and leaves no
    /// <c>&lt;/script&gt;</c>, <c>&lt;!--</c> or line separator for an HTML parser or an old
    /// JavaScript engine to stop at.
    /// </summary>
    public static string ScriptText(object data)
    {
        var json = JsonSerializer.Serialize(data, Json);
        var text = new StringBuilder(json.Length + 16);
        foreach (var c in json)
        {
            _ = c switch
            {
                '<' => text.Append("\\u003c"),
                '>' => text.Append("\\u003e"),
                '&' => text.Append("\\u0026"),
                '\u2028' => text.Append("\\u2028"),
                '\u2029' => text.Append("\\u2029"),
                _ => text.Append(c),
            };
        }

        return text.ToString();
    }

    private static Dictionary<string, object> Person(LdPerson person)
    {
        var data = new Dictionary<string, object> { ["@type"] = "Person", ["name"] = person.Name };
        if (person.Credentials is not null)
        {
            data["jobTitle"] = person.Credentials;
        }

        if (person.Image is not null)
        {
            data["image"] = person.Image;
        }

        if (person.Url is not null)
        {
            data["url"] = person.Url;
        }

        return data;
    }
}
