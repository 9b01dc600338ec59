using HealthFunctions.Publishing.Posts;

namespace HealthFunctions.Api;

/// <summary>
/// schema.org JSON-LD for a post: a <c>BlogPosting</c>, or a <c>MedicalWebPage</c> with
/// <c>reviewedBy</c> and <c>lastReviewed</c> when a medical reviewer is named.
/// </summary>
public static class StructuredData
{
    public static Dictionary<string, object> For(RenderedPost post, string url, Person? author = null, Person? reviewer = null, SiteInfo? site = null)
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
            ["url"] = url,
            ["mainEntityOfPage"] = url,
        };

        if (post.Tags.Count > 0)
        {
            data["keywords"] = string.Join(", ", post.Tags);
        }

        if (post.Author is not null)
        {
            data["author"] = PersonLd(author ?? new Person(null, post.Author, null, null, null));
        }

        if (site is not null)
        {
            data["publisher"] = new Dictionary<string, object> { ["@type"] = "Organization", ["name"] = site.Title };
            data["inLanguage"] = site.Language;
        }

        if (post.Image is not null)
        {
            data["image"] = post.ImageWidth is { } width && post.ImageHeight is { } height
                ? new Dictionary<string, object> { ["@type"] = "ImageObject", ["url"] = post.Image, ["width"] = width, ["height"] = height }
                : post.Image;
        }

        if (reviewed)
        {
            data["reviewedBy"] = PersonLd(reviewer ?? new Person(null, post.ReviewedBy!, null, null, null));
            if (post.LastReviewed is { } lastReviewed)
            {
                data["lastReviewed"] = lastReviewed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
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

    private static Dictionary<string, object> PersonLd(Person person)
    {
        var data = new Dictionary<string, object> { ["@type"] = "Person", ["name"] = person.Name };
        if (person.Credentials is not null)
        {
            data["jobTitle"] = person.Credentials;
        }

        if (person.Avatar is not null)
        {
            data["image"] = person.Avatar;
        }

        if (person.Url is not null)
        {
            data["url"] = person.Url;
        }

        return data;
    }
}
