using System.Text;
using HealthFunctions.Publishing.Format;

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
            if (LooksLikeUtf16WithoutBom(bytes))
            {
                throw new PostFormatException("the file is UTF-16 (without a byte order mark); save it as UTF-8.");
            }

            throw new PostFormatException($"the file looks binary (a NUL byte at offset {nul}); upload Markdown text.", line: LineAt(bytes, nul));
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = Math.Clamp(ex.Index, 0, bytes.Length - 1);
            throw new PostFormatException(
                $"the file is not valid UTF-8 (bad byte 0x{bytes[offset]:X2} at offset {offset}); it may be saved as Windows-1252 or Latin-1: save it as UTF-8.",
                line: LineAt(bytes, offset));
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

    /// <summary>1-based line of the byte at <paramref name="offset"/>.</summary>
    private static int LineAt(ReadOnlySpan<byte> bytes, int offset) => bytes[..offset].Count((byte)'\n') + 1;

    /// <summary>ASCII-heavy UTF-16 text has a NUL in every other byte; binary files rarely do.</summary>
    private static bool LooksLikeUtf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..(Math.Min(bytes.Length, 512) & ~1)];
        if (sample.Length < 4)
        {
            return false;
        }

        int evenNuls = 0, oddNuls = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            evenNuls += sample[i] == 0 ? 1 : 0;
            oddNuls += sample[i + 1] == 0 ? 1 : 0;
        }

        var pairs = sample.Length / 2;
        return (evenNuls * 10 >= pairs * 9 && oddNuls == 0) || (oddNuls * 10 >= pairs * 9 && evenNuls == 0);
    }
}
