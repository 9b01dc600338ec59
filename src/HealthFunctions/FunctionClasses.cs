using System.Reflection;
using HealthFunctions.Functions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace HealthFunctions;

/// <summary>
/// The app's function classes, found one way for every host that runs them (the LocalHost, the
/// test hosts) and every check that reads them: each public class in <c>HealthFunctions.Functions</c>.
/// </summary>
public static class FunctionClasses
{
    public static Assembly Assembly => typeof(PublishOnUpload).Assembly;

    public static IReadOnlyList<Type> All { get; } = Assembly.GetExportedTypes()
        .Where(t => t.IsClass && !t.IsAbstract && t.Namespace == typeof(PublishOnUpload).Namespace)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>Every method marked <c>[Function]</c>, with its function name.</summary>
    public static IEnumerable<(Type Class, MethodInfo Method, string Name)> Functions() =>
        All.SelectMany(type => type.GetMethods()
            .Select(method => (Class: type, Method: method, Name: method.GetCustomAttribute<FunctionAttribute>()?.Name))
            .Where(f => f.Name is not null)
            .Select(f => (f.Class, f.Method, f.Name!)));

    /// <summary>The trigger or binding attributes of that kind on the functions' parameters.</summary>
    public static IEnumerable<T> Bindings<T>()
        where T : Attribute =>
        Functions().SelectMany(f => f.Method.GetParameters()).Select(p => p.GetCustomAttribute<T>()).OfType<T>();

    /// <summary>Registers the function classes (those <paramref name="include"/> keeps) as the Functions host does: transient, constructor-injected.</summary>
    public static IServiceCollection AddFunctionClasses(this IServiceCollection services, Func<Type, bool>? include = null)
    {
        foreach (var function in All.Where(t => include?.Invoke(t) ?? true))
        {
            services.AddTransient(function);
        }

        return services;
    }
}
