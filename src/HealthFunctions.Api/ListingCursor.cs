using System.Buffers.Text;
using System.Text;
using HealthFunctions.Publishing.Index;

namespace HealthFunctions.Api;

/// <summary>The opaque continuation token of a listing: the last row key of the previous page, base64url-encoded.</summary>
public static class ListingCursor
{
    public static string Encode(string rowKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(rowKey));

    public static bool TryDecode(string cursor, out string rowKey)
    {
        rowKey = string.Empty;
        if (cursor.Length is 0 or > 200 || !Base64Url.IsValid(cursor))
        {
            return false;
        }

        try
        {
            rowKey = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            return false;
        }

        return ListingKeys.IsRowKey(rowKey);
    }
}
