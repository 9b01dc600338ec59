using System.Globalization;
using System.Text.RegularExpressions;

namespace HealthFunctions.Publishing.Text;

/// <summary>Reads the date forms editors' tools write: ISO 8601 dates and date-times, with or without an offset.</summary>
public static partial class PostDates
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-ddTHH:mm",
        "yyyy-MM-ddTHH:mm:ss",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mmzzz",
        "yyyy-MM-ddTHH:mm:sszzz",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-ddTHH:mm:ssZ",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ",
        "yyyy-MM-ddTHH:mmZ",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss zzz",
        "yyyy-MM-dd HH:mm:sszzz",
        "yyyy-MM-dd HH:mm zzz",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF zzz",
        "yyyy-MM-dd HH:mm:ssZ",
        "yyyy-MM-dd HH:mm:ss Z",
    ];

    /// <summary>
    /// Parses a front matter date. A value without an offset is taken as UTC. Offsets written
    /// without a colon (<c>+0200</c>) are accepted.
    /// </summary>
    public static bool TryParse(string? value, out DateTimeOffset result)
    {
        result = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var text = CompactOffset().Replace(value.Trim(), "$1$2:$3");
        return DateTimeOffset.TryParseExact(
            text,
            Formats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out result);
    }

    /// <summary>Splits a <c>2024-05-01-my-post</c> file name into its date and the rest.</summary>
    public static bool TryTakeFileNameDate(string fileStem, out DateTimeOffset date, out string rest)
    {
        var match = FileNameDate().Match(fileStem);
        if (match.Success && DateTimeOffset.TryParseExact(
                match.Groups["date"].Value,
                "yyyy-MM-dd",
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out date))
        {
            rest = match.Groups["rest"].Value;
            return true;
        }

        date = default;
        rest = fileStem;
        return false;
    }

    [GeneratedRegex(@"(\s|\d)([+-]\d{2})(\d{2})$")]
    private static partial Regex CompactOffset();

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})-(?<rest>.+)$")]
    private static partial Regex FileNameDate();
}
