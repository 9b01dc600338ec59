using System.ComponentModel.DataAnnotations;
using HealthFunctions.Search.AzureAiSearch;

namespace HealthFunctions.Search;

/// <summary>Which engine answers searches.</summary>
public enum SearchProvider
{
    /// <summary>Lucene.NET embedded in each instance, loaded from the search table (the default).</summary>
    Lucene,

    /// <summary>An Azure AI Search index shared by every instance, fed from the same search documents.</summary>
    AzureAiSearch,
}

/// <summary>Where search documents live and how fresh each instance keeps its index. Bound to the "Search" section.</summary>
public sealed class SearchOptions : IValidatableObject
{
    public const string SectionName = "Search";

    /// <summary>The engine searches go to. The search table and related posts are used by both.</summary>
    [EnumDataType(typeof(SearchProvider))]
    public SearchProvider Provider { get; set; } = SearchProvider.Lucene;

    /// <summary>The Azure AI Search service and index (section <c>Search:AzureAiSearch</c>); required when <see cref="Provider"/> is <see cref="SearchProvider.AzureAiSearch"/>.</summary>
    public AzureAiSearchOptions AzureAiSearch { get; set; } = new();

    /// <summary>Table holding one search document per searchable post and the change log.</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "Table must be a valid table name.")]
    public string Table { get; set; } = "SearchIndex";

    /// <summary>
    /// How old an instance's index may be before a search first reads the change log, in
    /// milliseconds (0: read it before every search). An edit is searchable everywhere after at most this long.
    /// </summary>
    [Range(0, 60_000)]
    public int RefreshMilliseconds { get; set; } = 1000;

    /// <summary>
    /// How far back each change-log read reaches past the last one, in seconds: covers clock
    /// differences between instances and publishes slow to write what they read.
    /// </summary>
    [Range(1, 3600)]
    public int ChangeOverlapSeconds { get; set; } = 60;

    /// <summary>
    /// How long change-log rows are kept, in hours. A publish prunes older ones at most once an
    /// hour per instance; an instance whose last read is older than half of this reloads every
    /// document instead of catching up, so pruning never hides a change from it.
    /// </summary>
    [Range(2, 8760)]
    public int ChangeRetentionHours { get; set; } = 168;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider != SearchProvider.AzureAiSearch)
        {
            yield break;
        }

        foreach (var problem in AzureAiSearch.Problems())
        {
            yield return new ValidationResult(problem, [nameof(AzureAiSearch)]);
        }
    }
}
