using Fazhi.Library.Search;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Fazhi.Library.Tests.Search;

/// <summary>
/// The search runs over the index's segments in slices, one per core, and merges them. Over an index of many segments
/// the merged pages, totals and facet counts must be exactly those of one pass over the whole index.
/// </summary>
public sealed class SlicedSearchTests : IDisposable
{
    private readonly RAMDirectory _dir = new();
    private readonly DirectoryReader _reader;

    public SlicedSearchTests()
    {
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)) { MergePolicy = NoMergePolicy.COMPOUND_FILES };
        using (var writer = new IndexWriter(_dir, config))
        {
            var random = new Random(7);
            string[] words = ["罚款", "复议", "听证", "备案", "许可"];
            string[] levels = ["Law", "AdministrativeRegulation", "LocalRegulation"];
            string[] issuers = ["全国人民代表大会常务委员会", "国务院", "山东省人民代表大会常务委员会", "枣庄市人民政府"];
            var n = 0;
            // Seven segments of uneven size (one commit each, merging off), so that the slices differ.
            foreach (var size in new[] { 400, 30, 250, 5, 600, 90, 120 })
            {
                for (var i = 0; i < size; i++, n++)
                {
                    var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 8)).Select(_ => words[random.Next(words.Length)]));
                    var from = 20100101 + random.Next(0, 15) * 10000;
                    var to = random.Next(3) == 0 ? from + 50000 : IndexFields.Open;
                    writer.AddDocument(new Document
                    {
                        new TextField(IndexFields.Text, text, Field.Store.NO),
                        new StringField(IndexFields.Provision, n.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
                        new SortedDocValuesField(IndexFields.Level, new BytesRef(levels[random.Next(levels.Length)])),
                        new SortedDocValuesField(IndexFields.Issuer, new BytesRef(issuers[random.Next(issuers.Length)])),
                        new NumericDocValuesField(IndexFields.Year, 2000 + random.Next(25)),
                        new NumericDocValuesField(IndexFields.From, from),
                        new NumericDocValuesField(IndexFields.To, to),
                        new SortedDocValuesField(IndexFields.End, new BytesRef(random.Next(2) == 0 ? "amended" : "repealed")),
                        new NumericDocValuesField(IndexFields.Ordinal, random.Next(50)),
                    });
                }
                writer.Commit();
            }
        }
        _reader = DirectoryReader.Open(_dir);
    }

    [Theory]
    [InlineData("罚款", false)]
    [InlineData("复议", true)]
    [InlineData("听证", false)]
    public void Sliced_pages_totals_and_facets_equal_one_pass_over_the_index(string word, bool sorted)
    {
        Assert.True(_reader.Leaves.Count >= 7);
        var searcher = new IndexSearcher(_reader);
        var query = new TermQuery(new Term(IndexFields.Text, word));
        var sort = sorted ? new Sort(new SortField(IndexFields.Ordinal, SortFieldType.INT64)) : null;
        var day = 20200601;

        var all = sort is null ? searcher.Search(query, 10_000) : searcher.Search(query, 10_000, sort);
        Assert.True(all.TotalHits > 100);
        var pageSize = 20;
        for (var page = 1; page <= 4; page++)
        {
            var (docs, facets) = LibrarySearch.Collect(searcher, query, sort, page * pageSize, day, page, pageSize);
            Assert.Equal(all.TotalHits, docs.TotalHits);
            Assert.Equal(all.ScoreDocs.Skip((page - 1) * pageSize).Take(pageSize).Select(d => d.Doc), docs.ScoreDocs.Select(d => d.Doc));
            if (page == 1)
            {
                Assert.Equal(all.TotalHits, facets.Levels().Sum(f => f.Count));
                Assert.Equal(all.TotalHits, facets.Statuses().Sum(f => f.Count));
                // Each facet count against the documents themselves.
                var expectedIssuers = all.ScoreDocs.GroupBy(d => Value(d.Doc, IndexFields.Issuer)).ToDictionary(g => g.Key, g => g.Count());
                Assert.Equal(expectedIssuers.OrderBy(kv => kv.Key), facets.Issuers().ToDictionary(f => f.Value, f => f.Count).OrderBy(kv => kv.Key));
                var expectedInForce = all.ScoreDocs.Count(d => Number(d.Doc, IndexFields.From) <= day && day < Number(d.Doc, IndexFields.To));
                Assert.Equal(expectedInForce, facets.Statuses().SingleOrDefault(f => f.Value == "InForce")?.Count ?? 0);
            }
        }
    }

    private string Value(int doc, string field)
    {
        var leaf = _reader.Leaves[ReaderUtil.SubIndex(doc, _reader.Leaves)];
        var scratch = new BytesRef();
        leaf.AtomicReader.GetSortedDocValues(field).Get(doc - leaf.DocBase, scratch);
        return scratch.Utf8ToString();
    }

    private long Number(int doc, string field)
    {
        var leaf = _reader.Leaves[ReaderUtil.SubIndex(doc, _reader.Leaves)];
        return leaf.AtomicReader.GetNumericDocValues(field).Get(doc - leaf.DocBase);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _dir.Dispose();
    }
}
