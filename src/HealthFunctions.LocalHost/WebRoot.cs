namespace HealthFunctions.LocalHost;

/// <summary>Finds the static front end: the configured folder, or <c>web/</c> beside <c>HealthFunctions.sln</c> above the app or the working directory.</summary>
public static class WebRoot
{
    public static string? Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(configured);
            return Directory.Exists(full)
                ? full
                : throw new DirectoryNotFoundException($"LocalHost:WebRoot is '{configured}', but there is no folder '{full}'.");
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var web = Path.Combine(dir.FullName, "web");
                if (File.Exists(Path.Combine(dir.FullName, "HealthFunctions.sln")) && Directory.Exists(web))
                {
                    return web;
                }
            }
        }

        return null;
    }
}
