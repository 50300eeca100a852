using System.Diagnostics;
using Fazhi.Library.Data;
using Fazhi.Library.Works;
using Fazhi.Platform.Data;
using Fazhi.Platform.Kit;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fazhi.Library.Search;

/// <summary>Wakes this node's index follower after a local change, so the editor sees the edit in search at once.</summary>
internal sealed class LibraryIndexSignal
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Poke()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}

/// <summary>
/// Keeps this node's index in step with the database (ADR 0023). On start it opens (or rebuilds) the index, then follows
/// the change feed <c>library_changes</c>: every row it has not applied re-indexes that work. A row whose transaction
/// committed late (ids are handed out before commit on PostgreSQL) is still applied: the follower keeps the ids it has
/// seen above its low-water mark and only moves the mark past a gap once the gap is a minute old.
/// </summary>
internal sealed class IndexFollower(
    IServiceScopeFactory scopes,
    LibraryIndexSignal signal,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILoggerFactory loggers,
    TimeProvider clock) : BackgroundService
{
    private static readonly TimeSpan GapPatience = TimeSpan.FromMinutes(1);
    private readonly ILogger _log = loggers.CreateLogger<IndexFollower>();
    private readonly object _openLock = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<long> _seenAbove = [];
    private Task<LibraryIndex>? _opening;
    private long _watermark;
    private bool _dirty;

    private int _disposed;
    private DateTimeOffset _lastCommit;

    /// <summary>How long applied changes may stay visible but not yet committed to disk.</summary>
    private static readonly TimeSpan CommitInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The index once it is open and caught up. The first caller opens it: the hosted service on a serving node, or a
    /// command-line verb (which runs without hosted services).
    /// </summary>
    public Task<LibraryIndex> Ready
    {
        get
        {
            lock (_openLock)
            {
                return _opening ??= OpenAsync();
            }
        }
    }

    private TimeSpan PollInterval => TimeSpan.FromMilliseconds(configuration.GetValue("Library:IndexPollMilliseconds", 2000));

    private async Task<LibraryIndex> OpenAsync()
    {
        var index = Open();
        try
        {
            await StartAsync(index, CancellationToken.None);
            return index;
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LibraryIndex index;
        try
        {
            index = await Ready.WaitAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Stopping while it opens ends the service through the cancellation; any other failure leaves search down.
            _log.LogError(e, "The library index could not be opened");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(PollInterval, stoppingToken);
                await CatchUpAsync(index, durable: false, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or IOException or System.Data.Common.DbException)
            {
                // The database may be briefly unreachable; the next round tries again from the same mark.
                _log.LogWarning(e, "Following the library change feed failed; retrying");
            }
        }
    }

    public override void Dispose()
    {
        // Disposed twice: the container owns the singleton and the hosted-service registration that hands it out. The
        // second call must not commit again on the writer the first one closed.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        base.Dispose();
        if (_opening is { IsCompletedSuccessfully: true } opened)
        {
            if (_dirty)
            {
                // What was made visible but not yet committed is committed on the way out.
                opened.Result.Commit(_watermark);
                _dirty = false;
            }
            opened.Result.Dispose();
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>Opens this node's index folder; another process holding it (a second node on one data folder) gets its own.</summary>
    private LibraryIndex Open()
    {
        var configured = configuration["Library:IndexDirectory"];
        var root = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(DataFolder.Resolve(configuration, environment.ContentRootPath), "library-index")
            : Path.GetFullPath(configured, environment.ContentRootPath);
        var logger = loggers.CreateLogger<LibraryIndex>();
        try
        {
            return new LibraryIndex(root, logger);
        }
        catch (LockObtainFailedException)
        {
            var own = root + "-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..6];
            _log.LogInformation("The library index at {Root} is held by another node; this node indexes into {Own}", root, own);
            return new LibraryIndex(own, logger, temporary: true);
        }
    }

    private async Task StartAsync(LibraryIndex index, CancellationToken ct)
    {
        var (change, schema, origin) = index.Committed;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ISystemWork>().Db<LibraryDb>("法规库索引");
        await using (db)
        {
            var hasWorks = await db.Works.AnyAsync(ct);
            var last = await db.Changes.MaxAsync(c => (long?)c.Id, ct) ?? 0;
            // Another schema, an empty index over a filled library, an index ahead of the database (the database was
            // replaced or restored from a backup), or one built from another database (an index that records no origin
            // predates the check and is kept): rebuild from the database, the source of truth.
            index.Origin = await OriginAsync(db, ct);
            if (schema != LibraryIndex.Schema || (index.DocumentCount == 0 && hasWorks) || change > last || (index.DocumentCount > 0 && !hasWorks)
                || (index.DocumentCount > 0 && origin is not null && origin != index.Origin))
            {
                await RebuildAsync(index, db, ct);
                return;
            }
            _watermark = change;
        }
        await CatchUpAsync(index, ct);
    }

    /// <summary>Rebuilds the whole index from the database (start with a missing or outdated index, <c>library reindex</c>).</summary>
    public async Task<(int Works, long Documents, TimeSpan Took)> RebuildAsync(CancellationToken ct)
    {
        var index = await Ready.WaitAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<ISystemWork>().Db<LibraryDb>("法规库索引");
        return await RebuildAsync(index, db, ct);
    }

    private async Task<(int Works, long Documents, TimeSpan Took)> RebuildAsync(LibraryIndex index, LibraryDb db, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var watch = Stopwatch.StartNew();
            // The mark is read first: a change committed during the rebuild is applied again afterwards (harmless).
            var mark = await db.Changes.MaxAsync(c => (long?)c.Id, ct) ?? 0;
            index.Origin = await OriginAsync(db, ct);
            index.DeleteAll();
            var ids = await db.Works.AsNoTracking().OrderBy(w => w.Id).Select(w => w.Id).ToListAsync(ct);
            foreach (var chunk in ids.Chunk(50))
            {
                foreach (var snapshot in await SnapshotsAsync(db, chunk, ct))
                {
                    index.Replace(snapshot.Work.Id, snapshot);
                }
                db.ChangeTracker.Clear();
            }
            index.Commit(mark);
            _dirty = false;
            _watermark = mark;
            _seenAbove.Clear();
            _log.LogInformation("Library index rebuilt: {Works} works, {Docs} documents in {Ms} ms", ids.Count, index.DocumentCount, watch.ElapsedMilliseconds);
            return (ids.Count, index.DocumentCount, watch.Elapsed);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Applies every change this node has not seen; returns when the index shows them.</summary>
    public async Task CatchUpAsync(CancellationToken ct)
    {
        var index = await Ready.WaitAsync(ct);
        await CatchUpAsync(index, ct);
    }

    private async Task CatchUpAsync(LibraryIndex index, CancellationToken ct) => await CatchUpAsync(index, durable: true, ct);

    /// <summary>
    /// Applies the change-feed rows not yet seen, in batches. Applied changes are visible to searches at once (the
    /// searcher is refreshed); they are made durable (a Lucene commit with the feed position) when <paramref name="durable"/>,
    /// else at most every few seconds: a node that stops in between re-applies those rows on start, which is harmless.
    /// </summary>
    private async Task CatchUpAsync(LibraryIndex index, bool durable, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = scope.ServiceProvider.GetRequiredService<ISystemWork>().Db<LibraryDb>("法规库索引");
            while (true)
            {
                var rows = await db.Changes.AsNoTracking().Where(c => c.Id > _watermark).OrderBy(c => c.Id).Take(2000).ToListAsync(ct);
                var fresh = rows.Where(r => !_seenAbove.Contains(r.Id)).ToList();
                foreach (var chunk in fresh.Select(r => r.WorkId).Distinct().Chunk(50))
                {
                    var snapshots = (await SnapshotsAsync(db, chunk, ct)).ToDictionary(s => s.Work.Id);
                    foreach (var id in chunk)
                    {
                        index.Replace(id, snapshots.GetValueOrDefault(id));
                    }
                    db.ChangeTracker.Clear();
                }
                foreach (var r in fresh)
                {
                    _seenAbove.Add(r.Id);
                }
                // Move the mark over what is contiguous, and over gaps old enough that no transaction can still fill them.
                var now = clock.GetUtcNow().UtcDateTime;
                foreach (var r in rows)
                {
                    if (r.Id == _watermark + 1 || now - r.AtUtc > GapPatience)
                    {
                        _watermark = Math.Max(_watermark, r.Id);
                    }
                    else
                    {
                        break;
                    }
                }
                _seenAbove.RemoveWhere(id => id <= _watermark);
                if (fresh.Count > 0)
                {
                    _dirty = true;
                    index.Refresh();
                    // An index started on an empty library learns the database's identity with its first change.
                    if (string.IsNullOrEmpty(index.Origin))
                    {
                        index.Origin = await OriginAsync(db, ct);
                    }
                }
                if (fresh.Count == 0 || rows.Count < 2000)
                {
                    break;
                }
            }
            if (_dirty && (durable || clock.GetUtcNow() - _lastCommit > CommitInterval))
            {
                index.Commit(_watermark);
                _dirty = false;
                _lastCommit = clock.GetUtcNow();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The database's identity for the index: its first change-feed row (empty while it has none).</summary>
    internal static async Task<string> OriginAsync(LibraryDb db, CancellationToken ct)
    {
        var first = await db.Changes.AsNoTracking().OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
        return first is null ? "" : $"{first.Id}:{first.WorkId:N}:{first.AtUtc.Ticks}";
    }

    internal static async Task<List<WorkSnapshot>> SnapshotsAsync(LibraryDb db, IReadOnlyCollection<Guid> workIds, CancellationToken ct)
    {
        var works = await db.Works.AsNoTracking().Where(w => workIds.Contains(w.Id)).ToListAsync(ct);
        var versions = await db.Versions.AsNoTracking().Where(v => workIds.Contains(v.WorkId)).ToListAsync(ct);
        var provisions = await db.Provisions.AsNoTracking()
            .Where(p => workIds.Contains(p.WorkId) && (p.Kind == ProvisionKind.Article || p.Kind == ProvisionKind.Paragraph))
            .ToListAsync(ct);
        var versionsByWork = versions.ToLookup(v => v.WorkId);
        var provisionsByWork = provisions.ToLookup(p => p.WorkId);
        return works.Select(w => new WorkSnapshot(w, versionsByWork[w.Id].ToList(), provisionsByWork[w.Id].ToList())).ToList();
    }
}
