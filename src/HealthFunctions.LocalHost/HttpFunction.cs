using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Azure.Functions.Worker;

namespace HealthFunctions.LocalHost;

/// <summary>
/// One HTTP-triggered function found by reflection: a method with <see cref="FunctionAttribute"/>
/// whose first parameter carries <see cref="HttpTriggerAttribute"/>. Knows how to bind the
/// method's parameters from a request and how to answer with what the method returns.
/// </summary>
public sealed class HttpFunction
{
    private readonly Func<HttpContext, object?>[] _binders;
    private readonly Type? _taskResultType;

    private HttpFunction(string name, MethodInfo method, HttpTriggerAttribute trigger)
    {
        Name = name;
        Method = method;
        Route = string.IsNullOrWhiteSpace(trigger.Route) ? name : trigger.Route.Trim('/');
        Methods = trigger.Methods is { Length: > 0 } methods
            ? methods.Select(m => m.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList()
            : [];
        Level = trigger.AuthLevel;
        _binders = method.GetParameters().Select((p, i) => Binder(name, p, i)).ToArray();
        _taskResultType = ResultTypeOf(method.ReturnType);
    }

    /// <summary>The function's name, as in <c>[Function("...")]</c>.</summary>
    public string Name { get; }

    public MethodInfo Method { get; }

    /// <summary>The route template without the host's prefix (<c>posts/{slug}</c>).</summary>
    public string Route { get; }

    /// <summary>Upper-case HTTP methods; empty means any method.</summary>
    public IReadOnlyList<string> Methods { get; }

    public AuthorizationLevel Level { get; }

    /// <summary>Every HTTP function of the given classes, in a stable order.</summary>
    public static IReadOnlyList<HttpFunction> DiscoverIn(IEnumerable<Type> classes) =>
        classes
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(method => (Method: method, Function: method.GetCustomAttribute<FunctionAttribute>()))
            .Where(m => m.Function is not null)
            .Select(m => (m.Method, m.Function, Trigger: m.Method.GetParameters().FirstOrDefault()?.GetCustomAttribute<HttpTriggerAttribute>()))
            .Where(m => m.Trigger is not null)
            .Select(m => new HttpFunction(m.Function!.Name, m.Method, m.Trigger!))
            .OrderBy(f => f.Route, StringComparer.Ordinal)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>Runs the function for one request, with an instance from the request's services, and writes its answer.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var instance = Method.IsStatic ? null : context.RequestServices.GetRequiredService(Method.DeclaringType!);
        var arguments = _binders.Select(bind => bind(context)).ToArray();
        var returned = Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, arguments, CultureInfo.InvariantCulture);
        var result = await AwaitAsync(returned);
        switch (result)
        {
            case IActionResult action:
                await action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                break;
            case IResult httpResult:
                await httpResult.ExecuteAsync(context);
                break;
            case null:
                break;
            default:
                await context.Response.WriteAsJsonAsync(result, result.GetType(), context.RequestAborted);
                break;
        }
    }

    private async Task<object?> AwaitAsync(object? returned)
    {
        switch (returned)
        {
            case Task task:
                await task;
                return _taskResultType is null ? null : task.GetType().GetProperty(nameof(Task<>.Result))!.GetValue(task);
            case ValueTask valueTask:
                await valueTask;
                return null;
            case not null when _taskResultType is not null && returned.GetType().IsGenericType && returned.GetType().GetGenericTypeDefinition() == typeof(ValueTask<>):
                var asTask = (Task)returned.GetType().GetMethod(nameof(ValueTask<>.AsTask))!.Invoke(returned, null)!;
                await asTask;
                return asTask.GetType().GetProperty(nameof(Task<>.Result))!.GetValue(asTask);
            default:
                return returned;
        }
    }

    private static Type? ResultTypeOf(Type returnType) =>
        returnType.IsGenericType && (returnType.GetGenericTypeDefinition() == typeof(Task<>) || returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? returnType.GetGenericArguments()[0]
            : null;

    private static Func<HttpContext, object?> Binder(string function, ParameterInfo parameter, int position)
    {
        var type = parameter.ParameterType;
        if (position == 0)
        {
            return type == typeof(HttpRequest)
                ? context => context.Request
                : throw Unsupported(function, parameter, "the HTTP trigger must bind to Microsoft.AspNetCore.Http.HttpRequest (ASP.NET Core integration)");
        }

        if (type == typeof(CancellationToken))
        {
            return context => context.RequestAborted;
        }

        if (type == typeof(HttpContext))
        {
            return context => context;
        }

        var name = parameter.Name!;
        if (type == typeof(string))
        {
            return context => context.GetRouteValue(name)?.ToString();
        }

        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var converter = TypeDescriptor.GetConverter(underlying);
        if ((underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(Guid) || underlying == typeof(decimal) || underlying == typeof(DateTimeOffset))
            && converter.CanConvertFrom(typeof(string)))
        {
            var fallback = type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
            return context => context.GetRouteValue(name)?.ToString() is { Length: > 0 } text
                ? converter.ConvertFromInvariantString(text)
                : fallback;
        }

        throw Unsupported(function, parameter, "the local host binds only the trigger, route values (string, numbers, Guid, enums), HttpContext and CancellationToken");
    }

    private static NotSupportedException Unsupported(string function, ParameterInfo parameter, string why) =>
        new($"Function '{function}': cannot bind parameter '{parameter.Name}' of type {parameter.ParameterType}: {why}. Run it under 'func start' instead.");
}
