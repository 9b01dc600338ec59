using HealthFunctions.Publishing.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HealthFunctions.Publishing.Format;

/// <summary>
/// Typed reading of YAML fields (front matter, author profiles, site settings) with errors that
/// name the field and the line of the file.
/// </summary>
internal sealed class YamlFields(int firstLine)
{
    /// <summary>Field names match case-insensitively and ignore '_' and '-' (<c>reviewed_by</c> = <c>reviewedBy</c>).</summary>
    public static string Canonical(string key) =>
        string.Concat(key.Where(c => c is not ('_' or '-'))).ToLowerInvariant();

    public static object? Plain(YamlNode node) => node switch
    {
        YamlScalarNode scalar when IsPlainNull(scalar) => null,
        YamlScalarNode scalar => scalar.Value,
        YamlSequenceNode sequence => sequence.Children.Select(Plain).ToList(),
        YamlMappingNode mapping => mapping.Children.ToDictionary(
            pair => (pair.Key as YamlScalarNode)?.Value ?? pair.Key.ToString(),
            pair => Plain(pair.Value),
            StringComparer.Ordinal),
        _ => null,
    };

    /// <summary>YAML's unquoted <c>~</c> and <c>null</c> mean "no value", as an empty field does.</summary>
    public static bool IsPlainNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is "~" or "null" or "Null" or "NULL";

    public int LineOf(YamlNode node) => firstLine + (int)node.Start.Line - 1;

    /// <param name="limit">Longest value accepted, in characters (<see cref="PostLimits"/>).</param>
    public string? Text(string field, YamlNode node, int limit = int.MaxValue)
    {
        if (node is not YamlScalarNode scalar)
        {
            throw new PostFormatException("must be a single line of text, not a list or map.", field, LineOf(node));
        }

        var value = scalar.Value?.Trim();
        PostLimits.CheckLength(value, limit, field, LineOf(node));
        return string.IsNullOrEmpty(value) || IsPlainNull(scalar) ? null : value;
    }

    public string? SlugText(string field, YamlNode node)
    {
        var value = Text(field, node);
        if (value is null)
        {
            return null;
        }

        PostLimits.CheckLength(value, Slugs.MaxLength, field, LineOf(node));
        if (!Slugs.IsValid(value))
        {
            throw new PostFormatException(
                $"'{value}' is not a valid slug; use lower-case letters, digits and single hyphens (for example '{Slugs.From(value)}').",
                field,
                LineOf(node));
        }

        return value;
    }

    /// <summary>An http(s) URL or a path on the site; anything with another scheme (javascript:, data:) is refused.</summary>
    public string? ImageLink(string field, YamlNode node)
    {
        var value = Text(field, node, PostLimits.ImageLinkLength);
        if (value is null)
        {
            return null;
        }

        // Browsers ignore tabs, new lines and other control characters inside a URL's scheme, so this does too.
        var visible = new string(value.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = visible.IndexOf(':');
        var stop = visible.IndexOfAny(['/', '?', '#']);
        var hasScheme = colon > 0 && (stop < 0 || colon < stop);
        if (hasScheme && !(visible.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || visible.StartsWith("https:", StringComparison.OrdinalIgnoreCase)))
        {
            throw new PostFormatException($"'{PostLimits.Shorten(value)}' is not an http or https link or a path on this site.", field, LineOf(node));
        }

        return value;
    }

    /// <summary>An absolute http or https address.</summary>
    public string? WebAddress(string field, YamlNode node) =>
        Text(field, node) is not { } value ? null
        : Uri.TryCreate(value, UriKind.Absolute, out var uri) && UrlSchemes.IsWeb(uri) ? uri.ToString()
        : throw new PostFormatException($"'{value}' is not an absolute http or https address.", field, LineOf(node));

    public DateTimeOffset? Date(string field, YamlNode node)
    {
        var value = Text(field, node);
        if (value is null)
        {
            return null;
        }

        if (!PostDates.TryParse(value, out var date))
        {
            throw new PostFormatException(
                $"'{PostLimits.Shorten(value)}' is not a date; write 2024-05-01, 2024-05-01T09:30:00+02:00 or 2024-05-01 09:30:00 +0200.",
                field,
                LineOf(node));
        }

        return date;
    }

    public bool Flag(string field, YamlNode node)
    {
        var value = Text(field, node);
        return value?.ToLowerInvariant() switch
        {
            null => false,
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => throw new PostFormatException($"'{PostLimits.Shorten(value)}' is not true or false.", field, LineOf(node)),
        };
    }

    /// <param name="maxItems">Most items accepted (after duplicates are dropped).</param>
    /// <param name="maxLength">Longest item accepted, in characters.</param>
    public IReadOnlyList<string> List(string field, YamlNode node, int maxItems = PostLimits.ListItems, int maxLength = PostLimits.ListItemLength)
    {
        IEnumerable<string?> items = node switch
        {
            YamlScalarNode scalar when IsPlainNull(scalar) => [],
            YamlScalarNode scalar => (scalar.Value ?? string.Empty).Split(','),
            YamlSequenceNode sequence => sequence.Children.Select(child => Text(field, child)),
            _ => throw new PostFormatException("must be a list or a comma-separated line of text.", field, LineOf(node)),
        };

        var list = items
            .Select(item => item?.Trim())
            .Where(item => !string.IsNullOrEmpty(item))
            .Select(item => item!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (list.Count > maxItems)
        {
            throw new PostFormatException($"has {list.Count:N0} items; the limit is {maxItems:N0}.", field, LineOf(node));
        }

        if (list.FirstOrDefault(item => item.Length > maxLength) is { } tooLong)
        {
            throw new PostFormatException($"'{PostLimits.Shorten(tooLong)}' is {tooLong.Length:N0} characters long; the limit for one item is {maxLength:N0}.", field, LineOf(node));
        }

        return list;
    }

    public IReadOnlyList<string> Aliases(string field, YamlNode node)
    {
        var aliases = new List<string>();
        foreach (var alias in List(field, node, PostLimits.Aliases, PostLimits.AliasLength))
        {
            var slug = alias.Trim('/');
            var lastSegment = slug[(slug.LastIndexOf('/') + 1)..];
            if (!Slugs.IsValid(lastSegment))
            {
                throw new PostFormatException($"'{PostLimits.Shorten(alias)}' is not a slug or a path ending in one.", field, LineOf(node));
            }

            aliases.Add(lastSegment);
        }

        return aliases;
    }

    public IReadOnlyList<PostReference> References(string field, YamlNode node)
    {
        if (node is YamlScalarNode empty && (string.IsNullOrWhiteSpace(empty.Value) || IsPlainNull(empty)))
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw new PostFormatException("must be a list of sources (text, a link, or 'title' and 'url').", field, LineOf(node));
        }

        if (sequence.Children.Count > PostLimits.References)
        {
            throw new PostFormatException($"has {sequence.Children.Count:N0} sources; the limit is {PostLimits.References:N0}.", field, LineOf(node));
        }

        var length = TextLength(sequence);
        if (length > PostLimits.ReferencesLength)
        {
            throw new PostFormatException($"holds {length:N0} characters of text; the limit is {PostLimits.ReferencesLength:N0}.", field, LineOf(node));
        }

        var references = new List<PostReference>();
        foreach (var item in sequence.Children)
        {
            switch (item)
            {
                case YamlScalarNode { Value: { Length: > 0 } text }:
                    references.Add(Uri.TryCreate(text.Trim(), UriKind.Absolute, out var link) && UrlSchemes.IsWeb(link)
                        ? new PostReference(text.Trim(), link)
                        : new PostReference(text.Trim(), null));
                    break;
                case YamlMappingNode map:
                    var title = map.Children.TryGetValue(new YamlScalarNode("title"), out var t) ? Text(field, t) : null;
                    Uri? url = null;
                    if (map.Children.TryGetValue(new YamlScalarNode("url"), out var u) && Text(field, u) is { } raw)
                    {
                        if (!Uri.TryCreate(raw, UriKind.Absolute, out url) || !UrlSchemes.IsWeb(url))
                        {
                            throw new PostFormatException($"'{PostLimits.Shorten(raw)}' is not an http or https link.", field, LineOf(u));
                        }
                    }

                    if (title is null && url is null)
                    {
                        throw new PostFormatException("each source needs a 'title' or a 'url'.", field, LineOf(item));
                    }

                    references.Add(new PostReference(title ?? url!.ToString(), url));
                    break;
                default:
                    throw new PostFormatException("each source must be text, a link, or 'title' and 'url'.", field, LineOf(item));
            }
        }

        return references;
    }

    /// <summary>
    /// Characters of text in a node and everything under it, map keys included, plus one for every value
    /// and list or map, so that a list of ten thousand empty values counts too. Stored as JSON, where one
    /// character can take six, a node never needs more than six times this (depth is bounded by <see cref="YamlShape"/>).
    /// </summary>
    public static long TextLength(YamlNode node) => node switch
    {
        YamlScalarNode scalar => (scalar.Value?.Length ?? 0) + 1,
        YamlSequenceNode sequence => 1 + sequence.Children.Sum(TextLength),
        YamlMappingNode mapping => 1 + mapping.Children.Sum(pair => TextLength(pair.Key) + TextLength(pair.Value)),
        _ => 1,
    };

}
