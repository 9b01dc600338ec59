using System.Globalization;

namespace HealthFunctions.Benchmarks;

/// <summary>The <c>--name value</c> options of the non-BenchmarkDotNet modes.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _known = new(StringComparer.OrdinalIgnoreCase);

    public Arguments(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"expected '--name value' pairs, got '{args[i]}'.");
            }

            _values[args[i][2..]] = args[++i];
        }
    }

    public int Int(string name, int fallback) => Ints(name, [fallback])[0];

    public IReadOnlyList<int> Ints(string name, IReadOnlyList<int> fallback)
    {
        _known.Add(name);
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        var values = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new ArgumentException($"--{name} takes positive whole numbers (comma-separated), not '{text}'."))
            .ToList();
        return values.Count > 0 ? values : throw new ArgumentException($"--{name} needs a value.");
    }

    public string? Text(string name)
    {
        _known.Add(name);
        return _values.GetValueOrDefault(name);
    }

    /// <summary>Fails on an option no reader asked for (a typo would otherwise be ignored silently).</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(key => !_known.Contains(key)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown option(s): {string.Join(", ", unknown.Select(key => "--" + key))}.");
        }
    }
}
