using System.Text.RegularExpressions;
using HealthFunctions.Publishing.Format;
using HealthFunctions.Publishing.Text;
using YamlDotNet.RepresentationModel;

namespace HealthFunctions.Publishing.Content;

/// <summary>The fields of an author profile's front matter.</summary>
internal sealed record AuthorFields(string Name, string? Credentials, string? Avatar, IReadOnlyList<PostReference> Links);

/// <summary>The fields of site.yaml, before the About Me Markdown is rendered.</summary>
internal sealed record SiteFields(string Title, string? Description, string? AboutMarkdown, string? BaseUrl, string Language, string? DefaultAuthor);

/// <summary>Reads author front matter and site.yaml with the same field checks as posts.</summary>
internal static partial class ContentReaders
{
    public static AuthorFields ReadAuthor(string yaml, int firstLine)
    {
        var root = YamlMaps.Load(yaml, firstLine, "author front matter")
            ?? throw new PostFormatException("the author profile needs front matter with at least 'name:'.", "name");
        var fields = new YamlFields(firstLine);
        string? name = null, credentials = null, avatar = null;
        IReadOnlyList<PostReference> links = [];
        foreach (var (key, value) in Named(root, fields))
        {
            switch (YamlFields.Canonical(key))
            {
                case "name":
                    name = fields.Text(key, value);
                    break;
                case "credentials" or "jobtitle" or "title":
                    credentials = fields.Text(key, value);
                    break;
                case "avatar" or "image" or "photo":
                    avatar = fields.ImageLink(key, value);
                    break;
                case "links" or "sameas":
                    links = fields.References(key, value);
                    break;
            }
        }

        return new AuthorFields(
            name ?? throw new PostFormatException("the author profile has no name; add 'name: Dr Jane Doe'.", "name"),
            credentials,
            avatar,
            links);
    }

    public static SiteFields ReadSite(string yaml)
    {
        var root = YamlMaps.Load(yaml, 1, "site settings")
            ?? throw new PostFormatException("site.yaml is empty; it needs at least 'title:'.", "title");
        var fields = new YamlFields(1);
        string? title = null, description = null, about = null, baseUrl = null, defaultAuthor = null;
        var language = "en";
        foreach (var (key, value) in Named(root, fields))
        {
            switch (YamlFields.Canonical(key))
            {
                case "title":
                    title = fields.Text(key, value);
                    break;
                case "description":
                    description = fields.Text(key, value);
                    break;
                case "aboutme" or "about":
                    about = fields.Text(key, value);
                    break;
                case "baseurl" or "url":
                    baseUrl = fields.Text(key, value) is { } url
                        ? UrlSchemes.TryParseWeb(url, out _)
                            ? url.TrimEnd('/')
                            : throw new PostFormatException($"'{url}' is not an absolute http or https address.", key, fields.LineOf(value))
                        : null;
                    break;
                case "language" or "lang":
                    language = fields.Text(key, value) is { } lang
                        ? LanguageTag().IsMatch(lang) ? lang : throw new PostFormatException($"'{lang}' is not a language tag such as 'en' or 'en-GB'.", key, fields.LineOf(value))
                        : "en";
                    break;
                case "defaultauthor" or "author":
                    defaultAuthor = fields.SlugText(key, value);
                    break;
            }
        }

        return new SiteFields(
            title ?? throw new PostFormatException("site.yaml has no title; add 'title: My Health Blog'.", "title"),
            description,
            about,
            baseUrl,
            language,
            defaultAuthor);
    }

    private static IEnumerable<(string Key, YamlNode Value)> Named(YamlMappingNode root, YamlFields fields)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in root.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
            {
                throw new PostFormatException("every field needs a plain text name.", line: fields.LineOf(keyNode));
            }

            if (!seen.Add(YamlFields.Canonical(key)))
            {
                throw new PostFormatException("the field is given twice; keep one.", key, fields.LineOf(keyNode));
            }

            yield return (key, value);
        }
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}
