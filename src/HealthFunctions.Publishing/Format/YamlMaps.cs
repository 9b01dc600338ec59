using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HealthFunctions.Publishing.Format;

/// <summary>
/// Loads YAML (front matter, author profiles, site settings) as a map of fields, after
/// <see cref="YamlShape"/> has checked it is safe to build a tree from, turning every failure of the
/// YAML parser into a <see cref="PostFormatException"/> for the editor.
/// </summary>
internal static class YamlMaps
{
    /// <summary>Parses <paramref name="yaml"/> as a map of fields; null when it is empty. Checks its size at once.</summary>
    /// <param name="firstLine">1-based line of the file on which <paramref name="yaml"/> starts.</param>
    /// <param name="what">What the YAML is, for messages ("front matter", "site settings").</param>
    public static YamlMappingNode? Load(string yaml, int firstLine, string what)
    {
        var root = Load(yaml, firstLine, what, out var shape);
        shape.CheckSize(PostLimits.FrontMatterBytes, what);
        return root;
    }

    /// <summary>
    /// Parses <paramref name="yaml"/> as a map of fields after checking its shape (no anchors or
    /// aliases, nesting within the limit); null when it is empty. The caller checks the size with
    /// <paramref name="shape"/>, after the field checks, whose messages say more.
    /// Every failure of the YAML parser becomes a <see cref="PostFormatException"/>.
    /// </summary>
    public static YamlMappingNode? Load(string yaml, int firstLine, string what, out YamlShape shape)
    {
        var stream = new YamlStream();
        try
        {
            shape = YamlShape.Scan(yaml, firstLine, what);
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex) when (DuplicateKey(ex) is { } duplicate)
        {
            // YamlDotNet refuses a repeated key while loading, before the field-by-field checks see it.
            throw new PostFormatException("the field is given twice; keep one.", PostLimits.Shorten(duplicate), firstLine + (int)ex.Start.Line - 1);
        }
        catch (YamlException ex)
        {
            var line = firstLine + (int)ex.Start.Line - 1;
            var reason = (ex.InnerException?.Message ?? ex.Message).Trim();
            throw new PostFormatException($"the {what} is not valid YAML: {PostLimits.Shorten(reason, 300)}", line: line);
        }
        catch (Exception ex) when (ex is not (PostFormatException or OutOfMemoryException or OperationCanceledException))
        {
            // The parser throws other types too for some broken input (an unclosed '[' is an InvalidOperationException).
            throw new PostFormatException($"the {what} is not valid YAML: {PostLimits.Shorten(ex.Message.Trim(), 300)}", line: firstLine);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return null;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var kind = stream.Documents[0].RootNode is YamlSequenceNode ? "a list" : "a single value";
            throw new PostFormatException($"the {what} must be 'field: value' lines (a map), not {kind}.", line: firstLine + (int)stream.Documents[0].RootNode.Start.Line - 1);
        }

        return root;
    }

    private static string? DuplicateKey(YamlException ex)
    {
        const string Prefix = "Duplicate key ";
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e.Message.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return e.Message[Prefix.Length..].Trim();
            }
        }

        return null;
    }
}
