using HealthFunctions.Publishing.Index;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HealthFunctions.Publishing.Tests;

/// <summary>The index is one object behind several role interfaces: what one role writes, the others must see.</summary>
public sealed class PostIndexRegistrationTests
{
    [Fact]
    public void Every_role_of_the_post_index_resolves_the_one_instance()
    {
        var index = new Mock<IPostIndex>().Object;
        var created = 0;
        using var services = new ServiceCollection().AddPostIndex(_ => { created++; return index; }).BuildServiceProvider();

        Assert.Same(index, services.GetRequiredService<IPostIndex>());
        Assert.Same(index, services.GetRequiredService<ISourceRecordIndex>());
        Assert.Same(index, services.GetRequiredService<IPostIndexReader>());
        Assert.Same(index, services.GetRequiredService<IPostIndexWriter>());
        Assert.Equal(1, created);
    }

    [Fact]
    public void A_keyed_post_index_serves_its_roles_under_its_key_only()
    {
        var plain = new Mock<IPostIndex>().Object;
        var reads = new Mock<IPostIndex>().Object;
        using var services = new ServiceCollection()
            .AddPostIndex(_ => plain)
            .AddKeyedPostIndex("reads", _ => reads)
            .BuildServiceProvider();

        Assert.Same(reads, services.GetRequiredKeyedService<ISourceRecordIndex>("reads"));
        Assert.Same(reads, services.GetRequiredKeyedService<IPostIndexReader>("reads"));
        Assert.Same(reads, services.GetRequiredKeyedService<IPostIndexWriter>("reads"));
        Assert.Same(plain, services.GetRequiredService<IPostIndexReader>());
    }
}
