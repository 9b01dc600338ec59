using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;
using HealthFunctions.Site.Pages;

namespace HealthFunctions.Site.Rendering;

/// <summary>
/// Turns page views into HTML with the theme's Liquid templates. Every value is HTML-encoded on
/// output; only the sanitised article, bios and About Me text (names ending in <c>_html</c>) and
/// the script-safe JSON-LD are written with <c>raw</c> by the templates.
/// </summary>
public sealed class PageRenderer
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly TemplateOptions Options = CreateOptions();

    /// <summary>Where the templates' <c>asset_url</c> filter finds the current theme assets.</summary>
    private const string AssetsKey = "theme_assets";

    private readonly ThemeTemplates _theme;
    private readonly ThemeAssets _assets;

    public PageRenderer(ThemeTemplates theme, ThemeAssets assets)
    {
        _theme = theme;
        _assets = assets;
    }

    /// <summary>Renders <paramref name="template"/> (post, list, notfound, search) inside the layout.</summary>
    public async Task<string> RenderAsync(string template, PageView view, CancellationToken cancellationToken)
    {
        var context = Context(view, await _assets.GetPublishedAsync(cancellationToken));
        var body = await (await _theme.GetAsync(template, cancellationToken)).RenderAsync(context, Encoder);
        context.SetValue("content", body);
        return await (await _theme.GetAsync("layout", cancellationToken)).RenderAsync(context, Encoder);
    }

    /// <summary>Renders a whole-document template (redirect) without the layout.</summary>
    public async Task<string> RenderDocumentAsync(string template, PageView view, CancellationToken cancellationToken) =>
        await (await _theme.GetAsync(template, cancellationToken)).RenderAsync(Context(view, await _assets.GetPublishedAsync(cancellationToken)), Encoder);

    /// <param name="assets">Already in the site container, so a page never names an asset that is not there.</param>
    private static TemplateContext Context(PageView view, ThemeAssetSet assets)
    {
        var context = new TemplateContext(Options);
        context.AmbientValues[AssetsKey] = assets;
        context.SetValue("site", view.Site);
        context.SetValue("head", view.Head);
        context.SetValue("latest", view.Latest);
        context.SetValue("is_home", view.IsHome);
        if (view.Post is not null)
        {
            context.SetValue("post", view.Post);
        }

        if (view.List is not null)
        {
            context.SetValue("list", view.List);
        }

        if (view.RedirectUrl is not null)
        {
            context.SetValue("redirect_url", view.RedirectUrl);
        }

        return context;
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions();
        // {{ 'css/site.css' | asset_url }}: the asset's address in the current version (/assets/{version}/css/site.css).
        options.Filters.AddFilter("asset_url", (input, _, context) =>
            new ValueTask<FluidValue>(new StringValue(((ThemeAssetSet)context.AmbientValues[AssetsKey]).UrlOf(input.ToStringValue()))));
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        foreach (var type in new[] { typeof(SiteView), typeof(HeadView), typeof(LatestView), typeof(LinkView), typeof(ImageView), typeof(PersonView), typeof(CardView), typeof(PostView), typeof(ListView) })
        {
            options.MemberAccessStrategy.Register(type);
        }

        return options;
    }
}
