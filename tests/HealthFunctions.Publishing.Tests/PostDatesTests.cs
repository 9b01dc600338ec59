using HealthFunctions.Publishing.Text;

namespace HealthFunctions.Publishing.Tests;

public sealed class PostDatesTests
{
    [Theory]
    [InlineData("2024-05-01", "2024-05-01T00:00:00+00:00")]
    [InlineData("2024-05-01T09:30", "2024-05-01T09:30:00+00:00")]
    [InlineData("2024-05-01T09:30:15", "2024-05-01T09:30:15+00:00")]
    [InlineData("2024-05-01T09:30:15.250", "2024-05-01T09:30:15.25+00:00")]
    [InlineData("2024-05-01T09:30:15Z", "2024-05-01T09:30:15+00:00")]
    [InlineData("2024-05-01T09:30:15.5Z", "2024-05-01T09:30:15.5+00:00")]
    [InlineData("2024-05-01T09:30Z", "2024-05-01T09:30:00+00:00")]
    [InlineData("2024-05-01T09:30:15+02:00", "2024-05-01T07:30:15+00:00")]
    [InlineData("2024-05-01T09:30:15-05:00", "2024-05-01T14:30:15+00:00")]
    [InlineData("2024-05-01T09:30:15+0200", "2024-05-01T07:30:15+00:00")]
    [InlineData("2024-05-01T09:30+02:00", "2024-05-01T07:30:00+00:00")]
    [InlineData("2024-05-01 09:30", "2024-05-01T09:30:00+00:00")]
    [InlineData("2024-05-01 09:30:15", "2024-05-01T09:30:15+00:00")]
    [InlineData("2013-05-06 02:12:52 +0200", "2013-05-06T00:12:52+00:00")]
    [InlineData("2013-05-06 02:12:52 -0700", "2013-05-06T09:12:52+00:00")]
    [InlineData("2013-05-06 02:12:52 +02:00", "2013-05-06T00:12:52+00:00")]
    [InlineData("2013-05-06 02:12 +0200", "2013-05-06T00:12:00+00:00")]
    [InlineData("2013-05-06 02:12:52Z", "2013-05-06T02:12:52+00:00")]
    [InlineData("  2024-05-01  ", "2024-05-01T00:00:00+00:00")]
    public void Accepts_iso_dates_and_date_times_with_or_without_an_offset_and_stores_utc(string text, string expected)
    {
        Assert.True(PostDates.TryParse(text, out var date));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
        Assert.Equal(TimeSpan.Zero, date.Offset);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("05/01/2024")]
    [InlineData("1 May 2024")]
    [InlineData("2024-5-1")]
    [InlineData("2024-02-30")]
    [InlineData("2024-05-01T25:00")]
    [InlineData("2024-05-01 09:30:00 +2")]
    [InlineData("")]
    [InlineData(null)]
    public void Refuses_anything_else(string? text) => Assert.False(PostDates.TryParse(text, out _));

    [Theory]
    [InlineData("2013-05-06-staying-hydrated", true, "staying-hydrated")]
    [InlineData("2013-05-06-", false, "2013-05-06-")]
    [InlineData("2013-02-30-not-a-day", false, "2013-02-30-not-a-day")]
    [InlineData("staying-hydrated", false, "staying-hydrated")]
    [InlineData("20130506-compact", false, "20130506-compact")]
    public void Splits_a_leading_date_off_a_file_name(string stem, bool hasDate, string rest)
    {
        Assert.Equal(hasDate, PostDates.TryTakeFileNameDate(stem, out var date, out var remainder));

        Assert.Equal(rest, remainder);
        if (hasDate)
        {
            Assert.Equal(new DateTimeOffset(2013, 5, 6, 0, 0, 0, TimeSpan.Zero), date);
        }
    }
}
