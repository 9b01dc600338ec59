using System.CommandLine;
using HealthFunctions.Api;
using HealthFunctions.Publishing;
using HealthFunctions.Publishing.Posts;
using HealthFunctions.Publishing.Queries;
using HealthFunctions.Publishing.Sync;
using HealthFunctions.Search;
using HealthFunctions.Site;
using HealthFunctions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace HealthFunctions.Cli;

/// <summary>
/// The editors' and operators' command line: render a post, upload posts, reindex, list and
/// show status, all through the same services the Functions app uses.
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, IDictionary<string, string?>? settings = null)
    {
        var connection = new Option<string?>("--connection", "-c")
        {
            Description = $"Storage connection string. Default: the PostsStorage setting, else the local emulator ({StorageConnection.LocalEmulator}).",
        };

        var render = new Command("render", "Print the sanitised HTML the pipeline would store for a post, or check many posts at once.");
        var files = new Argument<string[]>("paths") { Description = "Markdown files or folders of them, or - for standard input.", Arity = ArgumentArity.ZeroOrMore };
        var json = new Option<bool>("--json") { Description = "Print the whole published record as JSON." };
        var outDir = new Option<string?>("--out") { Description = "Write each post's record to a file of its own under this folder (named after the file, .html or .json)." };
        render.Arguments.Add(files);
        render.Options.Add(json);
        render.Options.Add(outDir);
        render.SetAction((parse, ct) => RenderAsync(parse.GetValue(files) ?? [], parse.GetValue(json), parse.GetValue(outDir), stdin, stdout, stderr, settings));

        var publish = new Command("publish", "Upload Markdown files, or folders of them, to the source container.");
        var paths = new Argument<string[]>("paths") { Description = "Files or folders.", Arity = ArgumentArity.OneOrMore };
        publish.Arguments.Add(paths);
        publish.Options.Add(connection);
        publish.SetAction((parse, ct) => WithServicesAsync(parse.GetValue(connection), settings, stderr, services =>
            CliCommands.PublishAsync(services, parse.GetValue(paths)!, stdout, stderr, ct)));

        var reindex = new Command("reindex", "Run the publish step over every file in the source container, remove what is gone, and rebuild the static site.");
        var parallelism = new Option<int>("--parallelism") { Description = "Files processed at once.", DefaultValueFactory = _ => 8 };
        reindex.Options.Add(connection);
        reindex.Options.Add(parallelism);
        reindex.SetAction((parse, ct) => WithServicesAsync(parse.GetValue(connection), settings, stderr, services =>
            CliCommands.ReindexAsync(services, parse.GetValue(parallelism), stdout, stderr, ct)));

        var asJson = new Option<bool>("--json") { Description = "Print JSON for scripts, in the shape the HTTP API answers with." };

        var list = new Command("list", "Print the latest-posts listing the HTTP API serves.");
        var limit = new Option<int>("--limit", "-n") { Description = $"How many posts (1 to {PostQueries.MaxPageSize}).", DefaultValueFactory = _ => PostsApi.DefaultLimit };
        var tag = new Option<string?>("--tag") { Description = "Only posts with this tag." };
        list.Options.Add(connection);
        list.Options.Add(limit);
        list.Options.Add(tag);
        list.Options.Add(asJson);
        list.SetAction((parse, ct) => WithServicesAsync(parse.GetValue(connection), settings, stderr, services =>
            CliCommands.ListAsync(services, parse.GetValue(limit), parse.GetValue(tag), parse.GetValue(asJson), stdout, stderr, ct)));

        var reviewDue = new Command("review-due", "List the public posts due for medical review (never reviewed, or reviewed longer ago than Review:MaxAgeMonths), oldest first.");
        reviewDue.Options.Add(connection);
        reviewDue.Options.Add(asJson);
        reviewDue.SetAction((parse, ct) => WithServicesAsync(parse.GetValue(connection), settings, stderr, services =>
            CliCommands.ReviewDueAsync(services, parse.GetValue(asJson), stdout, ct)));

        var status = new Command("status", "Show what happened to each uploaded file (failures first).");
        var failedOnly = new Option<bool>("--failed") { Description = "Only files that could not be published." };
        status.Options.Add(connection);
        status.Options.Add(failedOnly);
        status.Options.Add(asJson);
        status.SetAction((parse, ct) => WithServicesAsync(parse.GetValue(connection), settings, stderr, services =>
            CliCommands.StatusAsync(services, parse.GetValue(failedOnly), parse.GetValue(asJson), stdout, ct)));

        var root = new RootCommand("HealthFunctions: publish Markdown posts to the blog's storage and index.")
        {
            render, publish, reindex, list, status, reviewDue,
        };

        var parsed = root.Parse(args);
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    private static async Task<int> RenderAsync(string[] paths, bool asJson, string? outDir, TextReader stdin, TextWriter stdout, TextWriter stderr, IDictionary<string, string?>? settings)
    {
        using var services = BuildServices(settings, connection: null, withStorage: false);
        var command = new RenderCommand(
            services.GetRequiredService<PostRenderer>(),
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PublishingOptions>>(),
            stdout,
            stderr);
        return await command.RunAsync(paths, asJson, outDir, stdin);
    }

    private static async Task<int> WithServicesAsync(string? connection, IDictionary<string, string?>? settings, TextWriter stderr, Func<IServiceProvider, Task<int>> work)
    {
        ServiceProvider services;
        try
        {
            services = BuildServices(settings, connection, withStorage: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return 2;
        }

        await using (services)
        {
            try
            {
                return await work(services);
            }
            catch (Azure.RequestFailedException ex)
            {
                await stderr.WriteLineAsync($"error: storage answered {ex.Status} ({ex.ErrorCode}): {ex.Message.Split('\n')[0]}");
                return 3;
            }
            catch (Exception ex) when (ex is HttpRequestException or AggregateException or TaskCanceledException)
            {
                await stderr.WriteLineAsync($"error: cannot reach storage ({ex.GetBaseException().Message}). Is Azurite running (npm run azurite)?");
                return 3;
            }
        }
    }

    private static ServiceProvider BuildServices(IDictionary<string, string?>? settings, string? connection, bool withStorage)
    {
        var builder = new ConfigurationBuilder().AddEnvironmentVariables();
        if (settings is not null)
        {
            builder.AddInMemoryCollection(settings);
        }

        var configuration = builder.Build();
        if (connection is not null)
        {
            configuration[StorageConnection.DefaultName] = connection;
        }
        else if (configuration[StorageConnection.DefaultName] is null && configuration.GetSection(StorageConnection.DefaultName)["blobServiceUri"] is null)
        {
            configuration[StorageConnection.DefaultName] = StorageConnection.LocalEmulator;
        }

        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning))
            .AddPublishing(configuration);
        if (withStorage)
        {
            // The site is rebuilt in one pass after a reindex, not page by page as each file is published.
            services.AddSingleton<IConfiguration>(configuration)
                .AddPublishingStorage(configuration)
                .AddStaticSite(configuration)
                .Replace(ServiceDescriptor.Singleton<ISiteChangeNotifier>(NoSiteChanges.Instance))
                .AddSearch();
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = withStorage });
        _ = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<PublishingOptions>>().Value;
        return provider;
    }
}
