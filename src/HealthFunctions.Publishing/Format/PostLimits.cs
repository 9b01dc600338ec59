
namespace HealthFunctions.Publishing.Format;

/// <summary>
/// The sizes, counts and depths a post may not exceed: part of the post format
/// (docs/post-format.md, "Limits"), checked before anything is written, each refusal naming the
/// field. The values keep every table property well below Table Storage's 64 KiB per property
/// (32,768 UTF-16 characters) and every row well below its 1 MiB per entity, even when list
/// fields are stored as JSON in which one character may become six (<c>\uXXXX</c>).
/// </summary>
public static class PostLimits
{
    /// <summary>The whole front matter, in UTF-8 bytes.</summary>
    public const int FrontMatterBytes = 32 * 1024;

    /// <summary>Lists and maps inside one another; the front matter itself is level 1.</summary>
    public const int FrontMatterDepth = 10;

    public const int TitleLength = 300;

    /// <summary>Summary or description, as written.</summary>
    public const int SummaryLength = 5_000;

    /// <summary>Author, reviewer and other single-line text fields.</summary>
    public const int NameLength = 200;

    public const int ImageLinkLength = 2_048;

    public const int ImageAltLength = 500;

    /// <summary>Tags and categories each: how many, and how long one may be.</summary>
    public const int ListItems = 25;

    public const int ListItemLength = 100;

    public const int Aliases = 20;

    public const int AliasLength = 200;

    public const int References = 30;

    /// <summary>All the text of the references together (titles and links).</summary>
    public const int ReferencesLength = 5_000;

    /// <summary>All the text of the fields this system does not know, names included.</summary>
    public const int UnknownFieldsLength = 5_000;

    /// <summary>An author's bio and the site's About Me, as sanitised HTML: each is kept in one table property.</summary>
    public const int StoredHtmlLength = 30_000;

    /// <summary>Longest status message and warning kept in a file's status row.</summary>
    public const int StatusMessageLength = 2_000;

    /// <summary>Warnings kept in a file's status row; further ones are counted, not kept.</summary>
    public const int StatusWarnings = 20;

    /// <summary>Fails with the field's name when <paramref name="value"/> is longer than <paramref name="limit"/> characters.</summary>
    public static void CheckLength(string? value, int limit, string field, int? line)
    {
        if (value is not null && value.Length > limit)
        {
            throw new PostFormatException($"is {value.Length:N0} characters long; the limit is {limit:N0}.", field, line);
        }
    }

    /// <summary>Fails when rendered HTML kept in a table property (a bio, the About Me text) would not fit there.</summary>
    public static void CheckStoredHtml(string? html, string field)
    {
        if (html is not null && html.Length > StoredHtmlLength)
        {
            throw new PostFormatException($"becomes {html.Length:N0} characters of HTML; the limit is {StoredHtmlLength:N0}. Shorten it.", field);
        }
    }

    /// <summary>A value short enough to quote in a message.</summary>
    public static string Shorten(string value, int length = 60) =>
        value.Length <= length ? value : string.Concat(value.AsSpan(0, length), "…");
}
