using System.Text;

namespace HealthFunctions.Publishing.Posts;

/// <summary>Turns the raw bytes of an upload into text, refusing what is not a UTF-8 text file.</summary>
public static class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes, int maxBytes)
    {
        if (bytes.Length == 0)
        {
            throw new PostFormatException("the file is empty.");
        }

        if (bytes.Length > maxBytes)
        {
            throw new PostFormatException($"the file is {bytes.Length:N0} bytes; the limit is {maxBytes:N0} bytes.");
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            throw new PostFormatException("the file is UTF-16; save it as UTF-8.");
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new PostFormatException($"the file looks binary (a NUL byte at offset {nul}); upload Markdown text.");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = ex.Index;
            throw new PostFormatException($"the file is not valid UTF-8 (bad byte near offset {offset}); save it as UTF-8.");
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new PostFormatException("the file holds only white space.");
        }

        return text;
    }
}
