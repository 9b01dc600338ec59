using HealthFunctions.Publishing.Rendering;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Publishing.Posts;

/// <summary>The words a reader sees and the minutes they take to read.</summary>
public sealed record ReadingCounts(int WordCount, int ReadingMinutes);

/// <summary>The counts step: words counted from the syntax tree, reading time at <see cref="PublishingOptions.WordsPerMinute"/>.</summary>
public sealed class PostCounts(IOptions<PublishingOptions> options)
{
    public ReadingCounts For(PostBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var words = DocumentText.CountWords(body.Blocks);
        return new ReadingCounts(words, Math.Max(1, (int)Math.Ceiling(words / (double)options.Value.WordsPerMinute)));
    }
}
