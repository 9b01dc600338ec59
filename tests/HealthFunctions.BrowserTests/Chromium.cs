using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(HealthFunctions.BrowserTests.Chromium))]

namespace HealthFunctions.BrowserTests;

/// <summary>
/// One headless Chromium for the whole run, driven by Playwright's bundled driver (no browser
/// download): Debian's <c>chromium</c> at <c>/usr/bin/chromium</c>, or the one <c>CHROMIUM_PATH</c> names.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string DefaultPath = "/usr/bin/chromium";

    // Without the background-networking flags Chromium keeps calling Google's hosts, which a closed network refuses.
    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    public async ValueTask InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } given ? given : DefaultPath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {path}. On Debian run 'apt-get install -y chromium', or set CHROMIUM_PATH to a Chromium or Chrome binary.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = Arguments,
            Timeout = 60_000,
        });
    }

    /// <summary>A fresh browser profile (no cache, no cookies) on <paramref name="baseUrl"/>.</summary>
    public async Task<ReaderSession> OpenAsync(string baseUrl, int width = 1280, int height = 900, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = javaScript,
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        context.SetDefaultTimeout(10_000);
        var page = await context.NewPageAsync();
        return new ReaderSession(context, page);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>A reader's browser tab, remembering any script error the page raised.</summary>
public sealed class ReaderSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _scriptErrors = [];

    public ReaderSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.PageError += (_, error) => _scriptErrors.Add(error);
    }

    public IPage Page { get; }

    /// <summary>Uncaught errors from the page's own scripts.</summary>
    public IReadOnlyList<string> ScriptErrors => _scriptErrors;

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
