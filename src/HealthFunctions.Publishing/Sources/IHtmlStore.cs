namespace HealthFunctions.Publishing.Sources;

/// <summary>Where each published post's sanitised HTML is kept, one file per slug.</summary>
public interface IHtmlStore
{
    /// <summary>The path of a slug's HTML inside the store, as reported by the API.</summary>
    string LocationOf(string slug);

    Task WriteAsync(string slug, string html, CancellationToken cancellationToken);

    Task<string?> ReadAsync(string slug, CancellationToken cancellationToken);

    Task DeleteAsync(string slug, CancellationToken cancellationToken);
}
