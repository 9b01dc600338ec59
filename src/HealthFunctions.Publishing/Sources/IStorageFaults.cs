using System.Net.Sockets;

namespace HealthFunctions.Publishing.Sources;

/// <summary>
/// Tells a storage outage (worth trying again later) from every other failure (the same input
/// fails the same way). Publishing lets transient failures escape so the trigger retries; the API
/// answers them with 503.
/// </summary>
public interface IStorageFaults
{
    bool IsTransient(Exception exception);
}

/// <summary>Network failures and timeouts of the .NET libraries; the storage adapters add the Azure SDK's own.</summary>
public class NetworkFaults : IStorageFaults
{
    public static readonly NetworkFaults Instance = new();

    public bool IsTransient(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsTransient))
            {
                return true;
            }

            if (e is HttpRequestException or IOException or SocketException or TimeoutException || IsTransientHere(e))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One exception (not its inner ones) that a derived class knows to be transient.</summary>
    protected virtual bool IsTransientHere(Exception exception) => false;
}
