using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HealthFunctions.Publishing;
using HealthFunctions.Publishing.Format;
using HealthFunctions.Publishing.Media;
using HealthFunctions.Publishing.Posts;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Publishing.Sync;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Cli;

/// <summary>
/// <c>render</c>: what the pipeline would store for posts on disk, without any storage. One file or
/// standard input prints its HTML (or JSON record); several files or folders are checked in one process,
/// each post's record written to a file of its own under <c>--out</c> when given.
/// </summary>
internal sealed class RenderCommand(PostRenderer renderer, IOptions<PublishingOptions> options, TextWriter stdout, TextWriter stderr)
{
    /// <summary>A post to render: the file on disk, the blob name it would be uploaded as, the folder it was found under.</summary>
    private sealed record Source(string File, string Name, string Root);

    public async Task<int> RunAsync(IReadOnlyList<string> paths, bool asJson, string? outDir, TextReader stdin)
    {
        if (paths is ["-"] or [])
        {
            var text = await stdin.ReadToEndAsync();
            return await RenderOneAsync("stdin", "stdin.md", Encoding.UTF8.GetBytes(text), images: null, asJson, outDir);
        }

        var sources = new List<Source>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var root = Path.GetFullPath(path);
                sources.AddRange(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                    .Select(file => new Source(file, Path.GetRelativePath(root, file).Replace('\\', '/'), root))
                    .Where(source => SourceNames.Classify(source.Name, out _) == SourceKind.Post)
                    .OrderBy(source => source.Name, StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                var file = Path.GetFullPath(path);
                sources.Add(new Source(file, Path.GetFileName(file), Path.GetDirectoryName(file)!));
            }
            else
            {
                await stderr.WriteLineAsync($"error: {path}: no such file or folder.");
                return 2;
            }
        }

        if (sources.Count == 1 && outDir is null)
        {
            var only = sources[0];
            return await RenderOneAsync(only.File, only.Name, await File.ReadAllBytesAsync(only.File), ImagesUnder(only.Root), asJson, outDir: null);
        }

        return await RenderManyAsync(sources, asJson, outDir);
    }

    private async Task<int> RenderManyAsync(List<Source> sources, bool asJson, string? outDir)
    {
        var catalogs = new Dictionary<string, ImageCatalog>(StringComparer.Ordinal);
        var failed = 0;
        var clock = Stopwatch.StartNew();
        foreach (var source in sources)
        {
            if (!catalogs.TryGetValue(source.Root, out var images))
            {
                catalogs[source.Root] = images = ImagesUnder(source.Root);
            }

            failed += await RenderOneAsync(source.File, source.Name, await File.ReadAllBytesAsync(source.File), images, asJson, outDir) == 0 ? 0 : 1;
        }

        var elapsed = clock.Elapsed.TotalMilliseconds;
        await stderr.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{sources.Count} post(s) rendered, {failed} with errors, in {elapsed:F0} ms ({elapsed / Math.Max(1, sources.Count):F2} ms per post)."));
        return failed == 0 ? 0 : 1;
    }

    /// <returns>0 when the post renders, 1 when it is refused.</returns>
    private async Task<int> RenderOneAsync(string shownAs, string name, byte[] content, ImageCatalog? images, bool asJson, string? outDir)
    {
        RenderedPost post;
        try
        {
            post = renderer.Render(name, content, images);
        }
        catch (PostFormatException ex)
        {
            await stderr.WriteLineAsync($"error: {shownAs}: {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug or an input no check foresaw: reported like a refusal, so the other files are still checked.
            await stderr.WriteLineAsync($"error: {shownAs}: the file could not be rendered because of an unexpected error ({ex.GetType().Name}: {ex.Message}).");
            return 1;
        }

        var record = asJson ? JsonSerializer.Serialize(PublishedRecord.From(post), CliJson.Indented) : post.Html;
        if (outDir is null)
        {
            await stdout.WriteLineAsync(record);
        }
        else
        {
            var target = Path.Combine(outDir, Path.ChangeExtension(name, asJson ? ".json" : ".html"));
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
            await File.WriteAllTextAsync(target, asJson ? record + "\n" : record);
            await stdout.WriteLineAsync($"{name} -> {target} ({post.Slug}, {post.WordCount} words)");
        }

        foreach (var warning in post.Warnings)
        {
            await stderr.WriteLineAsync($"warning: {shownAs}: {warning}");
        }

        return 0;
    }

    private ImageCatalog ImagesUnder(string folder) => LocalImages.Under(folder, options.Value.MaxImageBytes);
}
