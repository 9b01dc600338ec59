namespace HealthFunctions.Publishing.Index;

/// <summary>Result of trying to take a slug for a source file.</summary>
public sealed record SlugClaim(bool Claimed, PostEntry? Holder);

/// <summary>
/// The table that indexes published posts, in all its roles. Callers depend on the role they use:
/// <see cref="ISourceRecordIndex"/> (status rows), <see cref="IPostIndexReader"/> (what readers see),
/// <see cref="IPostIndexWriter"/> (what publishing changes); one instance serves them all.
/// </summary>
public interface IPostIndex : ISourceRecordIndex, IPostIndexReader, IPostIndexWriter;
