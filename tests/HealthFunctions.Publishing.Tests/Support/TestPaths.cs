using System.Reflection;

namespace HealthFunctions.Publishing.Tests.Support;

internal static class TestPaths
{
    /// <summary>The build output folder, where golden files, samples and the format doc are copied.</summary>
    public static string Output(params string[] parts) => Path.Combine([AppContext.BaseDirectory, .. parts]);

    /// <summary>The test project's source folder (recorded at build time).</summary>
    public static string ProjectDirectory =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "ProjectDirectory").Value!;

    public static bool UpdateGolden => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";
}
