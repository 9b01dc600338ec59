using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HealthFunctions.Publishing.Format;

/// <summary>
/// A first pass over YAML as a stream of parser events, before any tree is built: refuses anchors
/// and aliases (a "billion laughs" document expands a few lines into gigabytes) and nesting deeper
/// than <see cref="PostLimits.FrontMatterDepth"/>, naming the top-level field and the line, and
/// measures each top-level field so a document over the size limit can name the biggest one.
/// The parser keeps its own stack, so a document nested thousands deep costs no call stack here.
/// </summary>
internal sealed class YamlShape
{
    private YamlShape(int bytes, string? largestField, int largestLine, int largestBytes)
    {
        Bytes = bytes;
        LargestField = largestField;
        LargestLine = largestLine;
        LargestBytes = largestBytes;
    }

    /// <summary>UTF-8 size of the whole document.</summary>
    public int Bytes { get; }

    public string? LargestField { get; }

    public int LargestLine { get; }

    public int LargestBytes { get; }

    /// <param name="firstLine">1-based line of the file on which <paramref name="yaml"/> starts.</param>
    /// <param name="what">What the YAML is, for messages ("front matter", "site settings").</param>
    public static YamlShape Scan(string yaml, int firstLine, string what)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        var rootMapping = false;
        var expectKey = false;
        string? field = null;
        var fieldLine = 0;
        var fieldStart = -1;
        string? largest = null;
        int largestLine = 0, largestBytes = 0;

        var line = firstLine;
        while (Next(parser, what, line))
        {
            var current = parser.Current!;
            line = firstLine + (int)current.Start.Line - 1;
            if (current is AnchorAlias || current is NodeEvent { Anchor.IsEmpty: false })
            {
                throw new PostFormatException(
                    "YAML anchors and aliases ('&name', '*name') are not supported; write each value out in full.",
                    field,
                    line);
            }

            if (current is NodeEvent && depth == 1 && rootMapping)
            {
                if (expectKey)
                {
                    CloseField((int)current.Start.Index);
                    field = current is Scalar scalar ? PostLimits.Shorten(scalar.Value) : null;
                    fieldLine = line;
                    fieldStart = (int)current.Start.Index;
                }

                expectKey = !expectKey;
            }

            switch (current)
            {
                case MappingStart or SequenceStart:
                    if (depth == 0)
                    {
                        rootMapping = current is MappingStart;
                        expectKey = rootMapping;
                    }

                    depth++;
                    if (depth > PostLimits.FrontMatterDepth)
                    {
                        throw new PostFormatException(
                            $"lists and maps are nested more than {PostLimits.FrontMatterDepth} levels deep; the limit is {PostLimits.FrontMatterDepth} (the front matter itself is level 1).",
                            field,
                            line);
                    }

                    break;
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
            }
        }

        CloseField(yaml.Length);
        return new YamlShape(Encoding.UTF8.GetByteCount(yaml), largest, largestLine, largestBytes);

        void CloseField(int end)
        {
            if (fieldStart < 0)
            {
                return;
            }

            var bytes = Encoding.UTF8.GetByteCount(yaml.AsSpan(fieldStart, Math.Max(0, end - fieldStart)));
            if (bytes > largestBytes)
            {
                (largest, largestLine, largestBytes) = (field, fieldLine, bytes);
            }
        }
    }

    /// <summary>
    /// The parser's next event. Its syntax errors are <see cref="YamlException"/>s with a position; for
    /// a few broken documents (a '[' that is never closed) it fails with other exceptions, which say
    /// nothing to an editor, so those become a message of our own at the last line read.
    /// </summary>
    private static bool Next(Parser parser, string what, int line)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (Exception ex) when (ex is not (YamlException or OutOfMemoryException))
        {
            throw new PostFormatException($"the {what} is not valid YAML: it ends inside a list or map; check that every '[' and '{{' is closed and every quote ends.", line: line);
        }
    }

    /// <summary>Fails when the whole document is over <paramref name="limit"/> bytes, naming its biggest field.</summary>
    public void CheckSize(int limit, string what)
    {
        if (Bytes <= limit)
        {
            return;
        }

        var biggest = LargestField is null ? string.Empty : $"; this field takes {LargestBytes:N0} of them";
        throw new PostFormatException(
            $"the {what} is {Bytes:N0} bytes; the limit is {limit:N0} bytes{biggest}.",
            LargestField,
            LargestField is null ? null : LargestLine);
    }
}
