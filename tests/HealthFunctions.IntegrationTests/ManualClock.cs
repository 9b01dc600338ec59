namespace HealthFunctions.IntegrationTests;

/// <summary>A clock the test moves by hand, for scheduled and expiring posts.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
