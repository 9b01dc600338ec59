using HealthFunctions.Publishing.Format;
using HealthFunctions.Publishing.Text;

namespace HealthFunctions.Publishing.Posts;

/// <summary>Limits a post must keep once rendered, with the same wording as the front matter checks.</summary>
public static class RenderedPostChecks
{
    /// <summary>
    /// The checks on what a post became after defaults were applied (a title taken from the first
    /// heading, a slug taken from the file name), which front matter checks cannot see.
    /// </summary>
    public static RenderedPost Checked(RenderedPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        PostLimits.CheckLength(post.Title, PostLimits.TitleLength, "title", null);
        if (!Slugs.IsValid(post.Slug))
        {
            throw new PostFormatException($"'{PostLimits.Shorten(post.Slug)}' is not a valid slug of at most {Slugs.MaxLength} characters; set 'slug:' or rename the file.", "slug");
        }

        PostLimits.CheckLength(post.Description, PostLimits.SummaryLength, "summary", null);
        return post;
    }
}
