using HealthFunctions.Publishing.Format;
using YamlDotNet.RepresentationModel;

namespace HealthFunctions.Publishing.Posts;

/// <summary>
/// Reads YAML front matter into <see cref="FrontMatter"/>, checking each field's type and naming
/// the field and line of the first problem, within the limits of <see cref="PostLimits"/>.
/// </summary>
public static class FrontMatterReader
{
    /// <param name="yaml">The text between the <c>---</c> lines.</param>
    /// <param name="firstLine">1-based line of the file on which <paramref name="yaml"/> starts.</param>
    public static FrontMatter Read(string yaml, int firstLine)
    {
        var root = YamlMaps.Load(yaml, firstLine, "front matter", out var shape);
        if (root is null)
        {
            return FrontMatter.Empty;
        }

        var fields = new YamlFields(firstLine);
        var matter = FrontMatter.Empty;
        var extra = new Dictionary<string, object?>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long unknownLength = 0;
        foreach (var (keyNode, value) in root.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
            {
                throw new PostFormatException("every front matter field needs a plain text name.", line: fields.LineOf(keyNode));
            }

            var canonical = YamlFields.Canonical(key);
            if (!seen.Add(canonical))
            {
                throw new PostFormatException("the field is given twice (names match ignoring case, '-' and '_'); keep one.", PostLimits.Shorten(key), fields.LineOf(keyNode));
            }

            matter = canonical switch
            {
                "title" => matter with { Title = fields.Text(key, value, PostLimits.TitleLength) },
                "date" => ReadDate(matter, fields, key, value),
                "updated" or "lastmod" or "modified" => matter with { Updated = fields.Date(key, value) },
                "slug" => matter with { Slug = fields.SlugText(key, value) },
                "tags" => matter with { Tags = fields.List(key, value) },
                "categories" or "category" => matter with { Categories = fields.List(key, value) },
                "summary" => matter with { Summary = fields.Text(key, value, PostLimits.SummaryLength) },
                "description" or "excerpt" => matter with { Description = fields.Text(key, value, PostLimits.SummaryLength) },
                "author" => matter with { Author = fields.Text(key, value, PostLimits.NameLength) },
                "draft" => matter with { Draft = fields.Flag(key, value) },
                "published" => matter with { Draft = !fields.Flag(key, value) },
                "expirydate" or "expires" => matter with { ExpiryDate = fields.Date(key, value) },
                "reviewedby" => matter with { ReviewedBy = fields.Text(key, value, PostLimits.NameLength) },
                "lastreviewed" => matter with { LastReviewed = fields.Date(key, value) },
                "references" => matter with { References = fields.References(key, value) },
                "aliases" => matter with { Aliases = fields.Aliases(key, value) },
                "image" or "coverimage" => matter with { Image = fields.ImageLink(key, value) },
                "imagealt" => matter with { ImageAlt = fields.Text(key, value, PostLimits.ImageAltLength) },
                "canonicalurl" => Keep(matter, FrontMatter.CanonicalUrlField, fields.WebAddress(key, value)),
                "noindex" => Keep(matter, FrontMatter.NoIndexField, fields.Flag(key, value)),
                _ => KeepUnknown(matter, key, value),
            };
        }

        // Last, so a field with a limit of its own is named with that limit rather than this one.
        shape.CheckSize(PostLimits.FrontMatterBytes, "front matter");
        return matter with { Extra = extra };

        static FrontMatter ReadDate(FrontMatter current, YamlFields fields, string key, YamlNode value)
        {
            try
            {
                return current with { Date = fields.Date(key, value) };
            }
            catch (PostFormatException ex)
            {
                // Kept rather than thrown: a date in the file name may stand in for it (see PostDefaults).
                return current with { UnreadableDate = ex };
            }
        }

        FrontMatter KeepUnknown(FrontMatter current, string key, YamlNode value)
        {
            unknownLength += key.Length + YamlFields.TextLength(value);
            if (unknownLength > PostLimits.UnknownFieldsLength)
            {
                throw new PostFormatException(
                    $"fields this system does not know may hold {PostLimits.UnknownFieldsLength:N0} characters in all (names included); with this one they hold {unknownLength:N0}.",
                    PostLimits.Shorten(key),
                    fields.LineOf(value));
            }

            extra[key] = YamlFields.Plain(value);
            return current;
        }

        // Page-only fields travel with the post's other kept fields, under one spelling, checked.
        FrontMatter Keep(FrontMatter current, string name, object? value)
        {
            if (value is not null)
            {
                extra[name] = value;
            }

            return current;
        }
    }
}
