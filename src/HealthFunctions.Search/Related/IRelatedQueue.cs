namespace HealthFunctions.Search.Related;

/// <summary>Posts whose related-posts lists are to be computed again from the index as it is when the message runs.</summary>
public sealed record RelatedMessage(IReadOnlyList<string> Slugs);

/// <summary>The Storage queue that carries related-posts recomputations a publish does not do itself.</summary>
public interface IRelatedQueue
{
    Task SendAsync(IEnumerable<RelatedMessage> messages, CancellationToken cancellationToken);
}
