using HealthFunctions.Publishing.Tests.Support;

namespace HealthFunctions.Publishing.Tests;

/// <summary>
/// Each <c>Golden/NAME.md</c> is rendered under its own file name and compared, strictly, with the
/// record in <c>Golden/NAME.json</c> (the shape <c>render --json</c> prints). After an intended change,
/// regenerate with <c>UPDATE_GOLDEN=1 dotnet test tests/HealthFunctions.Publishing.Tests</c>, which rewrites
/// the .json files in the source folder, then review the diff before committing.
/// </summary>
public sealed class GoldenFileTests
{
    public static TheoryData<string> Cases()
    {
        var cases = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestPaths.Output("Golden"), "*.md").Order(StringComparer.Ordinal))
        {
            cases.Add(Path.GetFileName(file));
        }

        return cases;
    }

    [Fact]
    public void There_are_golden_cases_to_compare()
    {
        Assert.True(Cases().Count >= 5, "the Golden folder was not copied to the test output");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Given_a_golden_source_When_rendered_Then_the_record_matches_the_expected_file(string fileName)
    {
        var source = File.ReadAllBytes(TestPaths.Output("Golden", fileName));
        var expectedName = Path.ChangeExtension(fileName, ".json");

        var actual = PublishedJson.Serialize(TestPosts.Renderer.Render(fileName, source)).ReplaceLineEndings("\n") + "\n";

        if (TestPaths.UpdateGolden)
        {
            File.WriteAllText(Path.Combine(TestPaths.ProjectDirectory, "Golden", expectedName), actual);
            return;
        }

        var expectedPath = TestPaths.Output("Golden", expectedName);
        Assert.True(File.Exists(expectedPath), $"{expectedName} is missing; run with UPDATE_GOLDEN=1 to create it, then review it.");
        Assert.Equal(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"), actual);
    }
}
