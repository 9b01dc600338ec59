using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace HealthFunctions.Publishing.Tests.Support;

/// <summary>Parses stored HTML the way a browser would when it is inserted into a page body.</summary>
internal static class Html
{
    public static IElement Body(string html)
    {
        var document = new HtmlParser().ParseDocument("<!doctype html><html><head></head><body>" + html + "</body></html>");
        return document.Body!;
    }

    public static IEnumerable<IElement> Elements(string html) => Body(html).QuerySelectorAll("*");

    /// <summary>The text a reader sees, white space collapsed.</summary>
    public static string Text(string html) =>
        string.Join(' ', Body(html).TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
