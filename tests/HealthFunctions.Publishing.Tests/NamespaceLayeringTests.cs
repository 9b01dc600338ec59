using System.Text.RegularExpressions;

namespace HealthFunctions.Publishing.Tests;

/// <summary>
/// The core library's namespaces form layers: none depends, directly or through others, on one that
/// depends on it. Read from the sources: with unnecessary usings an error (IDE0005), a file's
/// <c>using</c> directives are exactly what it uses, and fully qualified names count too.
/// </summary>
public sealed partial class NamespaceLayeringTests
{
    private const string Root = "HealthFunctions.Publishing";

    [Fact]
    public void No_namespace_of_the_core_library_depends_on_itself_through_others()
    {
        var graph = DependencyGraph();

        var cycles = graph.Keys.Select(start => CycleFrom(start, graph)).OfType<string>().Distinct().ToList();

        Assert.True(cycles.Count == 0, "namespace cycles:\n" + string.Join('\n', cycles));
    }

    [Fact]
    public void The_check_sees_a_cycle_when_there_is_one()
    {
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["A"] = ["B"],
            ["B"] = ["C"],
            ["C"] = ["A"],
            ["D"] = ["A"],
        };

        Assert.Equal("A -> B -> C -> A", CycleFrom("A", graph));
        Assert.Null(CycleFrom("D", new Dictionary<string, HashSet<string>> { ["D"] = ["A"], ["A"] = [] }));
        var layers = DependencyGraph();
        Assert.Contains(Root + ".Format", layers[Root + ".Posts"]);
        Assert.Contains(Root + ".Sources", layers[Root + ".Index"]);
    }

    private static Dictionary<string, HashSet<string>> DependencyGraph()
    {
        var source = Path.Combine(RepositoryRoot.Find(), "src", Root);
        var files = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .Select(text => (Text: text, Declared: FileNamespace().Match(text)))
            .Where(file => file.Declared.Success)
            .ToList();
        var graph = files.Select(f => f.Declared.Groups["name"].Value).Distinct().ToDictionary(ns => ns, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);

        // Names written relative to the root namespace (Sync.SourceKind inside HealthFunctions.Publishing.Index) count too.
        var relative = new Regex(
            @"(?<![\w.])(?<name>" + string.Join('|', graph.Keys.Where(k => k != Root).Select(k => Regex.Escape(k[(Root.Length + 1)..]))) + @")\.[A-Z]",
            RegexOptions.None,
            TimeSpan.FromSeconds(5));
        foreach (var (text, declared) in files)
        {
            var ns = declared.Groups["name"].Value;
            var code = Comments().Replace(text, string.Empty);
            var targets = UsingOrQualified().Matches(code).Select(m => m.Groups["name"].Value)
                .Concat(relative.Matches(UsingOrNamespaceLine().Replace(code, string.Empty)).Select(m => Root + "." + m.Groups["name"].Value));
            graph[ns].UnionWith(targets.Where(target => target != ns && target != Root));
        }

        return graph;
    }

    /// <summary>The first cycle back to <paramref name="start"/>, as "A -> B -> A", or null.</summary>
    private static string? CycleFrom(string start, IReadOnlyDictionary<string, HashSet<string>> graph)
    {
        var path = new Stack<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return Visit(start);

        string? Visit(string node)
        {
            path.Push(node);
            foreach (var next in graph.TryGetValue(node, out var edges) ? edges.Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
            {
                if (next == start)
                {
                    return string.Join(" -> ", path.Reverse().Append(start));
                }

                if (seen.Add(next) && Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.Pop();
            return null;
        }
    }

    [GeneratedRegex(@"^namespace (?<name>HealthFunctions\.Publishing(\.\w+)?);", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"(?:^using (?:static )?|(?<![\w.]))(?<name>HealthFunctions\.Publishing\.\w+)(?=;|\.)", RegexOptions.Multiline)]
    private static partial Regex UsingOrQualified();

    [GeneratedRegex(@"^(using|namespace) .*$", RegexOptions.Multiline)]
    private static partial Regex UsingOrNamespaceLine();

    /// <summary>Line comments other than XML docs, whose <c>cref</c>s are real references.</summary>
    [GeneratedRegex(@"(?<!/)//(?!/).*$", RegexOptions.Multiline)]
    private static partial Regex Comments();
}
