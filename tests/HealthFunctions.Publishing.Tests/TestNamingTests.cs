using System.Text.RegularExpressions;

namespace HealthFunctions.Publishing.Tests;

/// <summary>
/// Every test in the repository is named the same way: a sentence of words joined by underscores,
/// starting with a capital (<c>A_deleted_profile_puts_the_warning_back_on_the_post</c>), so a
/// failing run reads as a list of broken promises. Read from the test sources.
/// </summary>
public sealed partial class TestNamingTests
{
    [Fact]
    public void Every_test_is_named_as_an_underscore_sentence()
    {
        var tests = TestMethods(RepositoryTestsFolder()).ToList();

        var misnamed = tests.Where(t => !IsUnderscoreSentence(t.Name)).Select(t => $"{t.File}: {t.Name}").ToList();

        Assert.True(tests.Count > 300, $"found only {tests.Count} tests; is the tests folder being read?");
        Assert.True(misnamed.Count == 0, "tests not named as underscore sentences:\n" + string.Join('\n', misnamed));
    }

    [Theory]
    [InlineData("A_deleted_profile_puts_the_warning_back_on_the_post", true)]
    [InlineData("Paging_through_120_posts_returns_each_once", true)]
    [InlineData("Feed_is_rss2", true)]
    [InlineData("PagingThroughPostsReturnsEachOnce", false)]
    [InlineData("An_edit_ThatLeaves_the_box", false)]
    [InlineData("lowercase_first_word", false)]
    [InlineData("Single", false)]
    public void The_check_tells_a_sentence_from_other_names(string name, bool expected) =>
        Assert.Equal(expected, IsUnderscoreSentence(name));

    private static bool IsUnderscoreSentence(string name) => SentencePattern().IsMatch(name);

    private static IEnumerable<(string File, string Name)> TestMethods(string testsFolder) =>
        from file in Directory.EnumerateFiles(testsFolder, "*.cs", SearchOption.AllDirectories)
        where !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        from Match match in TestMethodPattern().Matches(File.ReadAllText(file))
        select (Path.GetRelativePath(testsFolder, file), match.Groups["name"].Value);

    private static string RepositoryTestsFolder() => Path.Combine(RepositoryRoot.Find(), "tests");

    // A capitalised first word, then at least one more word; no word has a lower-case letter or digit followed by a capital.
    [GeneratedRegex(@"^[A-Z0-9][a-z0-9]*(_(?![A-Za-z0-9]*[a-z0-9][A-Z])[A-Za-z0-9]+)+$")]
    private static partial Regex SentencePattern();

    [GeneratedRegex(@"\[(?:Fact|Theory)\b[^\]]*\][^{;]*?public\s+(?:async\s+)?(?:Task|ValueTask|void)\s+(?<name>\w+)\s*\(", RegexOptions.Singleline)]
    private static partial Regex TestMethodPattern();
}
