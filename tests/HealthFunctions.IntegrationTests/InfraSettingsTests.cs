using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;
using HealthFunctions.Functions;
using HealthFunctions.Publishing;
using Microsoft.Azure.Functions.Worker;

namespace HealthFunctions.IntegrationTests;

/// <summary>Every app setting the code needs in Azure is set by the Bicep that deploys it.</summary>
public sealed partial class InfraSettingsTests
{
    [Fact]
    public void Every_setting_the_app_reads_is_set_by_the_infra()
    {
        var bicep = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "infra", "app", "function-app.bicep"));
        var set = SettingName().Matches(bicep).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

        var missing = RequiredSettings().Where(name => !set.Contains(name)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void The_polling_trigger_is_disabled_in_azure_but_not_locally()
    {
        var bicep = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "infra", "app", "function-app.bicep"));
        var local = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "src", "HealthFunctions", "local.settings.example.json"));

        Assert.Contains($"AzureWebJobs.{nameof(PublishOnUpload)}.Disabled", bicep);
        Assert.Contains($"AzureWebJobs.{nameof(PublishOnBlobEvent)}.Disabled", local);
        Assert.DoesNotContain($"AzureWebJobs.{nameof(PublishOnBlobEvent)}.Disabled", bicep);
    }

    /// <summary>
    /// Read from the code: each blob trigger's identity-based connection and its %setting%
    /// expressions, the host's own storage, the identity connection the app's clients use, and
    /// every [Required] publishing option.
    /// </summary>
    private static IEnumerable<string> RequiredSettings()
    {
        var triggers = FunctionClasses.Bindings<BlobTriggerAttribute>().ToList();
        Assert.NotEmpty(triggers);

        foreach (var trigger in triggers)
        {
            yield return $"{trigger.Connection}__blobServiceUri";
            yield return $"{trigger.Connection}__queueServiceUri";
            yield return $"{trigger.Connection}__credential";
            yield return $"{trigger.Connection}__clientId";
            foreach (Match expression in AppSettingExpression().Matches(trigger.BlobPath))
            {
                yield return expression.Groups["name"].Value.Replace(":", "__", StringComparison.Ordinal);
            }
        }

        foreach (var queue in FunctionClasses.Bindings<QueueTriggerAttribute>())
        {
            yield return $"{queue.Connection}__queueServiceUri";
            foreach (Match expression in AppSettingExpression().Matches(queue.QueueName))
            {
                yield return expression.Groups["name"].Value.Replace(":", "__", StringComparison.Ordinal);
            }
        }

        foreach (var option in typeof(Site.SiteOptions).GetProperties().Where(p => p.GetCustomAttribute<RequiredAttribute>() is not null))
        {
            yield return $"{Site.SiteOptions.SectionName}__{option.Name}";
        }

        foreach (var option in typeof(Search.SearchOptions).GetProperties().Where(p => p.GetCustomAttribute<RequiredAttribute>() is not null))
        {
            yield return $"{Search.SearchOptions.SectionName}__{option.Name}";
        }

        yield return "PostsStorage__tableServiceUri";
        yield return "AzureWebJobsStorage__blobServiceUri";
        yield return "AzureWebJobsStorage__queueServiceUri";
        yield return "AzureWebJobsStorage__credential";
        yield return "AzureWebJobsStorage__clientId";

        foreach (var option in typeof(PublishingOptions).GetProperties().Where(p => p.GetCustomAttribute<RequiredAttribute>() is not null))
        {
            yield return $"{PublishingOptions.SectionName}__{option.Name}";
        }
    }

    [GeneratedRegex(@"name:\s*'(?<name>[^']+)'")]
    private static partial Regex SettingName();

    [GeneratedRegex("%(?<name>[^%]+)%")]
    private static partial Regex AppSettingExpression();
}
