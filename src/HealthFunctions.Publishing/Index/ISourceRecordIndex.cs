namespace HealthFunctions.Publishing.Index;

/// <summary>The status row of each source file: what processing its current version did.</summary>
public interface ISourceRecordIndex
{
    Task<SourceRecord?> GetSourceAsync(string blobName, CancellationToken cancellationToken);

    /// <summary>Stores a status row if nobody changed it since it was read (its <see cref="SourceRecord.ETag"/>; null means "must not exist yet"). False on a lost race.</summary>
    Task<bool> TrySaveSourceAsync(SourceRecord record, CancellationToken cancellationToken);

    /// <summary>Deletes a status row if nobody changed it since it was read. False on a lost race.</summary>
    Task<bool> TryDeleteSourceAsync(SourceRecord record, CancellationToken cancellationToken);

    IAsyncEnumerable<SourceRecord> ListSourcesAsync(CancellationToken cancellationToken);
}
