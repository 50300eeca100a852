namespace Fazhi.Disputes.Cases;

/// <summary>
/// One per request: panels on the same page (the case page's front-desk summary and handling panel) initialise
/// concurrently, and on PostgreSQL their awaits really overlap; they take turns on the request's DbContext through this.
/// </summary>
internal sealed class PanelLoadGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        return new Release(_gate);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
