using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace HealthFunctions.Api;

/// <summary>Reads and checks query string parameters, producing a 400 problem that names the parameter at fault.</summary>
public sealed class QueryReader
{
    private readonly IQueryCollection _query;

    public QueryReader(HttpRequest request, params string[] allowed)
    {
        _query = request.Query;
        // 'code' carries a function key; the Functions host hands it on to the worker.
        var unknown = _query.Keys.FirstOrDefault(key => key != "code" && !allowed.Contains(key, StringComparer.Ordinal));
        if (unknown is not null)
        {
            Error = ApiResponse.BadParameter(unknown, $"'{unknown}' is not a parameter of this endpoint; use {string.Join(", ", allowed.Select(a => $"'{a}'"))}.");
        }
    }

    /// <summary>The first problem found, if any.</summary>
    public ApiResponse? Error { get; private set; }

    public string? Text(string name, int maxLength)
    {
        if (Error is not null || !_query.TryGetValue(name, out var values))
        {
            return null;
        }

        if (values.Count > 1)
        {
            Error = ApiResponse.BadParameter(name, $"'{name}' is given {values.Count} times; give it once.");
            return null;
        }

        var value = values.ToString().Trim();
        if (value.Length == 0 || value.Length > maxLength)
        {
            Error = ApiResponse.BadParameter(name, $"'{name}' must be 1 to {maxLength} characters long.");
            return null;
        }

        return value;
    }

    /// <summary>The value as given (untrimmed, possibly empty), for parameters whose own parser checks it; null when absent.</summary>
    public string? Raw(string name)
    {
        if (Error is not null || !_query.TryGetValue(name, out var values))
        {
            return null;
        }

        if (values.Count > 1)
        {
            Error = ApiResponse.BadParameter(name, $"'{name}' is given {values.Count} times; give it once.");
            return null;
        }

        return values.ToString();
    }

    /// <summary>A whole number written with the digits 0-9 only: no sign, no space (a '+' in a query string is one), no other digits.</summary>
    public int Integer(string name, int fallback, int min, int max)
    {
        if (Error is not null || !_query.TryGetValue(name, out var values))
        {
            return fallback;
        }

        if (values.Count > 1)
        {
            Error = ApiResponse.BadParameter(name, $"'{name}' is given {values.Count} times; give it once.");
            return fallback;
        }

        var text = values.ToString();
        if (text.Length is 0 or > 9 || !text.All(char.IsAsciiDigit)
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            var shown = text.Length <= 20 ? text : text[..20] + "…";
            Error = ApiResponse.BadParameter(name, $"'{name}' must be a whole number from {min} to {max}, in the digits 0-9 only; it is '{shown}'.");
            return fallback;
        }

        return value;
    }
}
