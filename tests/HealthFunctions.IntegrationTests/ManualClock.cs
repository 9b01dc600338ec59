namespace HealthFunctions.IntegrationTests;

/// <summary>
/// A clock the test moves by hand, for scheduled and expiring posts. A ticking clock also moves on
/// by one tick each time it is read, as a real one does between two events, so "rendered after the
/// change was requested" means the same as with real time.
/// </summary>
public sealed class ManualClock(DateTimeOffset now, bool ticking = false) : TimeProvider
{
    private long _ticks = now.UtcTicks;

    public DateTimeOffset Now
    {
        get => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _ticks, value.UtcTicks);
    }

    public override DateTimeOffset GetUtcNow() =>
        ticking ? new DateTimeOffset(Interlocked.Increment(ref _ticks), TimeSpan.Zero) : Now;
}
