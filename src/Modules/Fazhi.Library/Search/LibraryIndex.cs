using Fazhi.Library.Works;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Fazhi.Library.Search;

/// <summary>A work with everything the index needs, read from the database.</summary>
internal sealed record WorkSnapshot(LawWork Work, IReadOnlyList<LawVersion> Versions, IReadOnlyList<Provision> Provisions);

/// <summary>
/// This node's search index: a Lucene directory under the data folder, written by one writer, read through a searcher
/// manager that sees each applied change at once. Derived data: it can be deleted and rebuilt from the database at any
/// time (<c>library reindex</c>); the change-feed position it has applied is kept in its commit data.
/// </summary>
internal sealed class LibraryIndex : IDisposable
{
    /// <summary>Bumped when the documents' shape changes; an index of another schema is rebuilt on start.</summary>
    public const string Schema = "1";

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly ILogger<LibraryIndex> _log;

    private readonly bool _temporary;

    /// <param name="temporary">A node's own copy beside a folder another process holds: deleted when the node stops.</param>
    public LibraryIndex(string path, ILogger<LibraryIndex> log, bool temporary = false)
    {
        _temporary = temporary;
        _log = log;
        Path = path;
        System.IO.Directory.CreateDirectory(path);
        _directory = FSDirectory.Open(path);
        var config = new IndexWriterConfig(LawAnalyzers.Version, LawAnalyzers.ForIndex)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 64,
        };
        _writer = new IndexWriter(_directory, config);
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new BM25SearcherFactory());
    }

    public string Path { get; }

    /// <summary>The change-feed id this index has applied up to (from its last commit), and its schema.</summary>
    public (long Change, string? Schema, string? Origin) Committed
    {
        get
        {
            var data = _writer.CommitData;
            long change = data is not null && data.TryGetValue("change", out var c) && long.TryParse(c, out var v) ? v : 0;
            return (change, data is not null && data.TryGetValue("schema", out var s) ? s : null, data is not null && data.TryGetValue("origin", out var o) ? o : null);
        }
    }

    /// <summary>The database this index was built from (its first change-feed row), so an index never serves another database.</summary>
    public string? Origin { get; set; }

    public int DocumentCount => _writer.NumDocs;

    public long SizeBytes => System.IO.Directory.EnumerateFiles(Path).Sum(f => new FileInfo(f).Length);

    /// <summary>Replaces every document of a work (all its versions) with the snapshot's; a null snapshot deletes the work.</summary>
    public void Replace(Guid workId, WorkSnapshot? snapshot)
    {
        _writer.DeleteDocuments(new Term(IndexFields.Work, workId.ToString("N")));
        if (snapshot is not null)
        {
            _writer.AddDocuments(Documents(snapshot));
        }
    }

    public void DeleteAll() => _writer.DeleteAll();

    /// <summary>Makes applied changes durable and visible, recording the change-feed position.</summary>
    public void Commit(long change)
    {
        _writer.SetCommitData(new Dictionary<string, string>
        {
            ["change"] = change.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["schema"] = Schema,
            ["origin"] = Origin ?? "",
        });
        _writer.Commit();
        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>Makes applied changes visible to searches without committing them to disk.</summary>
    public void Refresh() => _searchers.MaybeRefreshBlocking();

    /// <summary>Runs a search on the newest searcher.</summary>
    public T Search<T>(Func<IndexSearcher, T> work)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return work(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private static IEnumerable<IEnumerable<IIndexableField>> Documents(WorkSnapshot s)
    {
        var work = s.Work;
        var workId = work.Id.ToString("N");
        foreach (var version in s.Versions)
        {
            // A version that never applied (repealed before it took effect) is indexed as starting and ending on the day of
            // the end: 尚未生效 before it, 已废止 (or 失效) from it, never 现行有效.
            var starts = Validity.StartsOn(work, version);
            var from = IndexFields.DateValue(starts == DateOnly.MinValue ? new DateOnly(1, 1, 1) : starts);
            var until = Validity.AppliesUntil(work, s.Versions, version);
            var to = until is { } u ? IndexFields.DateValue(u) : IndexFields.Open;
            var successor = !Validity.NeverApplied(work, version) && s.Versions.Any(v => v.Id != version.Id && v.AppliesFrom > version.AppliesFrom && !Validity.NeverApplied(work, v));
            var end = successor ? "amended" : work.End switch { WorkEnd.Repealed => "repealed", WorkEnd.Expired => "expired", _ => "none" };
            var year = (version.PromulgatedOn ?? version.VersionDate)?.Year ?? 0;
            var vdate = version.VersionDate is { } vd ? IndexFields.DateValue(vd) : 0;
            var versionId = version.Id.ToString("N");

            Document Common(string type)
            {
                var d = new Document
                {
                    new StringField(IndexFields.Type, type, Field.Store.NO),
                    new StringField(IndexFields.Work, workId, Field.Store.YES),
                    new StringField(IndexFields.Version, versionId, Field.Store.YES),
                    new StoredField(IndexFields.VersionNumber, version.Number),
                    new TextField(IndexFields.Title, work.Title, Field.Store.YES),
                    new StringField(IndexFields.Level, work.Level.ToString(), Field.Store.YES),
                    new SortedDocValuesField(IndexFields.Level, new BytesRef(work.Level.ToString())),
                    new StringField(IndexFields.Issuer, work.IssuingBody, Field.Store.NO),
                    new SortedDocValuesField(IndexFields.Issuer, new BytesRef(work.IssuingBody)),
                    new StringField(IndexFields.Region, work.Region, Field.Store.NO),
                    new SortedDocValuesField(IndexFields.Region, new BytesRef(work.Region)),
                    new Int32Field(IndexFields.Year, year, Field.Store.NO),
                    new NumericDocValuesField(IndexFields.Year, year),
                    new Int32Field(IndexFields.From, from, Field.Store.YES),
                    new NumericDocValuesField(IndexFields.From, from),
                    new Int32Field(IndexFields.To, to, Field.Store.YES),
                    new NumericDocValuesField(IndexFields.To, to),
                    new StringField(IndexFields.End, end, Field.Store.YES),
                    new SortedDocValuesField(IndexFields.End, new BytesRef(end)),
                    new StringField(IndexFields.Public, work.IsPublic ? "1" : "0", Field.Store.NO),
                    new NumericDocValuesField(IndexFields.VersionDate, vdate),
                    new StoredField(IndexFields.VersionDate, vdate),
                };
                return d;
            }

            var title = Common(IndexFields.WorkType);
            title.Add(new StringField(IndexFields.Key, work.Key, Field.Store.NO));
            title.Add(new NumericDocValuesField(IndexFields.Ordinal, 0));
            yield return title;

            foreach (var p in s.Provisions.Where(p => p.VersionId == version.Id && p.Kind is ProvisionKind.Article or ProvisionKind.Paragraph))
            {
                var d = Common(IndexFields.ArticleType);
                d.Add(new StringField(IndexFields.Provision, p.Id.ToString("N"), Field.Store.YES));
                d.Add(new TextField(IndexFields.Text, p.Text, Field.Store.YES));
                d.Add(new TextField(IndexFields.Words, p.Text, Field.Store.NO));
                d.Add(new StoredField(IndexFields.Label, p.Label));
                d.Add(new StoredField(IndexFields.Anchor, p.Anchor));
                d.Add(new StoredField(IndexFields.Path, p.Path));
                d.Add(new NumericDocValuesField(IndexFields.Ordinal, p.Ordinal));
                yield return d;
            }
        }
    }

    public void Dispose()
    {
        try
        {
            _searchers.Dispose();
            _writer.Dispose();
            _directory.Dispose();
            if (_temporary)
            {
                System.IO.Directory.Delete(Path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or UnauthorizedAccessException)
        {
            _log.LogWarning(e, "Closing the library index at {Path} failed", Path);
        }
    }

    private sealed class BM25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
