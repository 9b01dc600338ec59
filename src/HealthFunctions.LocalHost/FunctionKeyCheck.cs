using System.Security.Cryptography;
using System.Text;
using Microsoft.Azure.Functions.Worker;

namespace HealthFunctions.LocalHost;

/// <summary>
/// The Functions host's key check, with one local key: anonymous functions are open; every other
/// level needs the key as <c>?code=</c> or in the <c>x-functions-key</c> header.
/// </summary>
public static class FunctionKeyCheck
{
    public const string HeaderName = "x-functions-key";

    public const string QueryName = "code";

    public static bool Allows(AuthorizationLevel level, HttpRequest request, string key)
    {
        if (level == AuthorizationLevel.Anonymous)
        {
            return true;
        }

        var given = request.Headers[HeaderName].ToString();
        if (given.Length == 0)
        {
            given = request.Query[QueryName].ToString();
        }

        return given.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key));
    }
}
