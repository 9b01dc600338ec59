using System.Reflection;
using HealthFunctions.Functions;

namespace HealthFunctions.LocalHost;

/// <summary>The Functions app's function classes: every public class in the <c>HealthFunctions.Functions</c> namespace.</summary>
public static class FunctionClasses
{
    public static Assembly Assembly => typeof(PublishOnUpload).Assembly;

    public static IReadOnlyList<Type> All { get; } = Assembly.GetExportedTypes()
        .Where(t => t.IsClass && !t.IsAbstract && t.Namespace == typeof(PublishOnUpload).Namespace)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToList();
}
