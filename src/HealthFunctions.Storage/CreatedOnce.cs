namespace HealthFunctions.Storage;

/// <summary>
/// Creates a container or table the first time it is needed. A creation that failed (storage was
/// unreachable) is tried again on the next use instead of being remembered, so the app recovers by
/// itself when storage comes back.
/// </summary>
internal sealed class CreatedOnce(Func<Task> create)
{
    private readonly Lock _gate = new();
    private Task? _created;

    public Task EnsureAsync()
    {
        lock (_gate)
        {
            if (_created is null || _created.IsFaulted || _created.IsCanceled)
            {
                _created = create();
            }

            return _created;
        }
    }
}
