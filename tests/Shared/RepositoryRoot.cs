namespace HealthFunctions.Testing;

public static class RepositoryRoot
{
    /// <summary>The folder holding HealthFunctions.sln, looked for above the build output and above the working directory.</summary>
    public static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "HealthFunctions.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (the folder holding HealthFunctions.sln).");
    }
}
