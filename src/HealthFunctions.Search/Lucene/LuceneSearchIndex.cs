using Lucene.Net.Analysis.En;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace HealthFunctions.Search.Lucene;

/// <summary>
/// The embedded search index: Lucene.NET over a <see cref="RAMDirectory"/> private to this process,
/// with English stemming. It is a cache of what storage holds, never shared between instances, so
/// there is no shared index file for concurrent publishes to fight over (see docs/search.md).
/// Thread-safe: one writer, searches through a <see cref="SearcherManager"/>.
/// </summary>
public sealed class LuceneSearchIndex : ISearchIndex, IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly EnglishAnalyzer _analyzer = new(Version);
    private readonly RAMDirectory _directory = new();
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;

    public LuceneSearchIndex()
    {
        _writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { OpenMode = OpenMode.CREATE });
        _searchers = new SearcherManager(_writer, true, null);
    }

    /// <summary>How many posts the index holds (public or not yet).</summary>
    public int Count => _writer.NumDocs;

    public Task UpsertAsync(SearchDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        _writer.UpdateDocument(new Term(PostFields.Slug, document.Slug), PostFields.ToDocument(document));
        _searchers.MaybeRefreshBlocking();
        return Task.CompletedTask;
    }

    /// <summary>Adds many posts and makes them searchable once (a cold start or a rebuild).</summary>
    public void Load(IEnumerable<SearchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var document in documents)
        {
            _writer.UpdateDocument(new Term(PostFields.Slug, document.Slug), PostFields.ToDocument(document));
        }

        _searchers.MaybeRefreshBlocking();
    }

    public Task RemoveAsync(string slug, CancellationToken cancellationToken)
    {
        _writer.DeleteDocuments(new Term(PostFields.Slug, slug));
        _searchers.MaybeRefreshBlocking();
        return Task.CompletedTask;
    }

    public Task<SearchPage?> SearchAsync(SearchQuery query, DateTimeOffset now, int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var built = LuceneQueries.Build(query, _analyzer);
        if (built is null)
        {
            return Task.FromResult<SearchPage?>(null);
        }

        var searcher = _searchers.Acquire();
        try
        {
            var top = searcher.Search(built, LuceneQueries.VisibleAt(now), offset + limit + 1, NewestAmongEquals(), true, false);
            var hits = new List<SearchHit>();
            foreach (var scored in top.ScoreDocs.Skip(offset).Take(limit))
            {
                var doc = searcher.Doc(scored.Doc);
                hits.Add(new SearchHit(
                    doc.Get(PostFields.Slug),
                    doc.Get(PostFields.Title),
                    PostFields.PublishedOf(doc),
                    doc.GetValues(PostFields.Tags),
                    Snippets.For(built, _analyzer, doc.Get(PostFields.Body), doc.Get(PostFields.Excerpt)),
                    scored.Score));
            }

            int? next = top.ScoreDocs.Length > offset + limit ? offset + limit : null;
            return Task.FromResult<SearchPage?>(new SearchPage(hits, next));
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public Task<IReadOnlyList<RelatedPost>> RelatedAsync(string slug, DateTimeOffset now, int count, CancellationToken cancellationToken)
    {
        var searcher = _searchers.Acquire();
        try
        {
            var self = searcher.Search(new TermQuery(new Term(PostFields.Slug, slug)), 1);
            if (self.TotalHits == 0)
            {
                return Task.FromResult<IReadOnlyList<RelatedPost>>([]);
            }

            var docId = self.ScoreDocs[0].Doc;
            var like = new MoreLikeThis(searcher.IndexReader)
            {
                Analyzer = _analyzer,
                FieldNames = [PostFields.Title, PostFields.Tags, PostFields.Body],
                MinTermFreq = 1,
                MinDocFreq = 1,
                MaxQueryTerms = 25,
            };
            var query = new BooleanQuery { { like.Like(docId), Occur.SHOULD } };
            foreach (var tag in searcher.Doc(docId).GetValues(PostFields.Tags))
            {
                query.Add(new TermQuery(new Term(PostFields.Tag, tag.ToLowerInvariant())) { Boost = 2f }, Occur.SHOULD);
            }

            query.Add(new TermQuery(new Term(PostFields.Slug, slug)), Occur.MUST_NOT);
            var top = searcher.Search(query, LuceneQueries.VisibleAt(now), count, NewestAmongEquals(), true, false);
            var related = top.ScoreDocs
                .Select(s => searcher.Doc(s.Doc))
                .Select(d => new RelatedPost(d.Get(PostFields.Slug), d.Get(PostFields.Title), PostFields.PublishedOf(d), PostFields.ExpiresOf(d)))
                .ToList();
            return Task.FromResult<IReadOnlyList<RelatedPost>>(related);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    private static Sort NewestAmongEquals() =>
        new(SortField.FIELD_SCORE, new SortField(PostFields.Published, SortFieldType.INT64, true));
}
