using HealthFunctions.Publishing.Format;
using HealthFunctions.Publishing.Media;

namespace HealthFunctions.Cli;

/// <summary>For <c>render</c>: the images in a post's folder on disk, linked by their relative paths, so previews show real sizes and warnings.</summary>
internal static class LocalImages
{
    /// <summary>Every usable image below <paramref name="folder"/>, named by its path relative to it.</summary>
    public static ImageCatalog Under(string folder, int maxBytes)
    {
        var images = new List<PublishedImage>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(ImagePaths.IsImage))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            try
            {
                var facts = ImageProbe.Read(relative, File.ReadAllBytes(file), maxBytes);
                images.Add(new PublishedImage(relative, relative, facts.Width, facts.Height, facts.ContentType));
            }
            catch (PostFormatException)
            {
                // Not a usable image: the post's link to it is reported as not found.
            }
        }

        return new ImageCatalog(images);
    }
}
