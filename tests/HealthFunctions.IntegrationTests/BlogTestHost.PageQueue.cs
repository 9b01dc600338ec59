using HealthFunctions.Functions;

namespace HealthFunctions.IntegrationTests;

/// <summary>The page queue, worked by hand as the host's queue trigger would work it.</summary>
public sealed partial class BlogTestHost
{
    /// <summary>
    /// Runs the page-queue function for every visible message until none is left (as the host's
    /// queue trigger would), with <paramref name="workers"/> of them at once. Returns how many ran.
    /// </summary>
    public async Task<int> DrainAsync(int workers = 1)
    {
        await PageQueue.CreateIfNotExistsAsync();
        var count = 0;
        var idle = 0;
        while (idle < workers)
        {
            var batch = (await PageQueue.ReceiveMessagesAsync(workers, TimeSpan.FromMinutes(1))).Value;
            if (batch.Length == 0)
            {
                idle++;
                continue;
            }

            idle = 0;
            await Task.WhenAll(batch.Select(async message =>
            {
                await Get<RenderSitePage>().RunAsync(message.Body.ToString(), CancellationToken.None);
                await PageQueue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }));
            count += batch.Length;
        }

        return count;
    }

    /// <summary>Drains the page queue until it holds nothing, delayed messages included (at most 30 s).</summary>
    public async Task SettleAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        await DrainAsync();
        while ((await PageQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the page queue did not settle within 30 s");
            await Task.Delay(250);
            await DrainAsync();
        }
    }
}
