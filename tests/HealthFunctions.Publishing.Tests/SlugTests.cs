using HealthFunctions.Publishing.Tests.Support;
using HealthFunctions.Publishing.Text;

namespace HealthFunctions.Publishing.Tests;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Ketamine IV Infusion Therapy", "ketamine-iv-infusion-therapy")]
    [InlineData("Ünïcödé Crème Brûlée à la carte", "unicode-creme-brulee-a-la-carte")]
    [InlineData("Straße & Fußpflege", "strasse-and-fusspflege")]
    [InlineData("Ærøskøbing smørrebrød", "aeroskobing-smorrebrod")]
    [InlineData("Łódź Œuvre Þórr", "lodz-oeuvre-thorr")]
    [InlineData("ÐANISH ẞTRASSE Ħal", "danish-sstrasse-hal")]
    [InlineData("Don't skip breakfast", "dont-skip-breakfast")]
    [InlineData("Don’t skip breakfast", "dont-skip-breakfast")]
    [InlineData("  --Vitamin   D!!  (2024) --  ", "vitamin-d-2024")]
    [InlineData("COVID-19 & flu: what's new?", "covid-19-and-flu-whats-new")]
    [InlineData("🩺 Blood pressure 101 💓", "blood-pressure-101")]
    [InlineData("ＦＵＬＬＷＩＤＴＨ text", "fullwidth-text")]
    [InlineData("ﬁsh oil and x²", "fish-oil-and-x2")]
    [InlineData("Sleep_hygiene/basics", "sleep-hygiene-basics")]
    [InlineData("Сон и здоровье — sleep", "son-i-zdorove-sleep")]
    public void Latin_text_becomes_lower_case_ascii_with_single_hyphens(string title, string slug)
    {
        Assert.Equal(slug, Slugs.From(title));
        Assert.True(Slugs.IsValid(slug));
    }

    [Theory]
    [InlineData("Сон и здоровье", "son-i-zdorove")]
    [InlineData("Витамин D зимой", "vitamin-d-zimoy")]
    [InlineData("수면 건강", "sumyeon-geongang")]
    [InlineData("Ύπνος και υγεία", "ypnos-kai-ygeia")]
    [InlineData("睡眠と健康", "shuimiantojiankang")]
    [InlineData("النوم والصحة", "lnwm-wlshh")]
    public void Titles_in_other_scripts_are_spelled_in_ascii_so_readers_see_words_not_a_hash(string title, string slug)
    {
        Assert.Equal(slug, Slugs.From(title));
        Assert.True(Slugs.IsValid(slug));
    }

    [Theory]
    [InlineData("🍎🥦💪")]
    [InlineData("!!!")]
    [InlineData("— · —")]
    public void Text_without_letters_or_digits_gets_a_stable_hashed_slug(string title)
    {
        var slug = Slugs.From(title);

        Assert.Matches("^post-[0-9a-f]{10}$", slug);
        Assert.Equal(slug, Slugs.From(title));
        Assert.Equal(slug, Slugs.From("  " + title + "\t"));
        Assert.True(Slugs.IsValid(slug));
    }

    [Fact]
    public void Different_non_latin_titles_get_different_slugs()
    {
        Assert.NotEqual(Slugs.From("Сон и здоровье"), Slugs.From("Сон и питание"));
        Assert.NotEqual(Slugs.From("睡眠と健康"), Slugs.From("食事と健康"));
        Assert.NotEqual(Slugs.From("🍎🥦💪"), Slugs.From("🍎🥦"));
    }

    [Fact]
    public void A_very_long_title_is_cut_at_a_hyphen_within_the_limit()
    {
        var title = string.Join(' ', Enumerable.Repeat("intravenous ketamine infusion therapy", 10));

        var slug = Slugs.From(title);

        Assert.True(slug.Length <= Slugs.MaxLength);
        Assert.True(Slugs.IsValid(slug));
        Assert.StartsWith("intravenous-ketamine-infusion-therapy-intravenous", slug, StringComparison.Ordinal);
        Assert.EndsWith("therapy", slug, StringComparison.Ordinal);
    }

    [Fact]
    public void A_very_long_single_word_is_cut_at_the_limit()
    {
        var slug = Slugs.From(new string('a', 200));

        Assert.Equal(new string('a', Slugs.MaxLength), slug);
    }

    [Theory]
    [InlineData("ok-slug", true)]
    [InlineData("a", true)]
    [InlineData("2024", true)]
    [InlineData("Upper", false)]
    [InlineData("double--hyphen", false)]
    [InlineData("-leading", false)]
    [InlineData("trailing-", false)]
    [InlineData("under_score", false)]
    [InlineData("crème", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Validation_accepts_only_what_the_mapping_produces(string? value, bool valid) =>
        Assert.Equal(valid, Slugs.IsValid(value));

    [Theory]
    [InlineData("2024-05-01-睡眠と健康.md", "shuimiantojiankang")]
    [InlineData("2024-05-01-Сон.md", "son")]
    [InlineData("2024-05-01-💤.md", null)]
    public void A_non_latin_file_name_gives_a_readable_slug_that_is_the_same_on_every_render(string sourceName, string? expected)
    {
        var first = TestPosts.Render("---\ntitle: T\n---\nBody.\n", sourceName).Slug;
        var second = TestPosts.Render("---\ntitle: T\n---\nBody.\n", sourceName).Slug;

        if (expected is null)
        {
            Assert.Matches("^post-[0-9a-f]{10}$", first);
        }
        else
        {
            Assert.Equal(expected, first);
        }

        Assert.Equal(first, second);
    }
}
