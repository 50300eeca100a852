using Fazhi.Library.Search;
using Fazhi.Library.Works;
using Fazhi.Platform.Features.Setup;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Library.Import;

/// <summary>
/// <c>library import PATH [--level Law]</c>: imports a .md/.docx file or a folder (recursively), file by file, each all or
/// nothing; a second run adds nothing. Prints one line per refused file (file, line, reason) and a summary; exit code 1
/// when a file was refused.
/// </summary>
internal sealed class LibraryImportVerb : ICliVerb
{
    public IReadOnlyList<string> Words => ["library", "import"];

    public string Usage => "library import PATH [--level Law]          导入法律法规（.md 国家数据库格式或 .docx；文件或文件夹，可重复执行）";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count == 0)
        {
            Console.Error.WriteLine("用法 usage: " + Usage);
            return 2;
        }
        EffectLevel? level = null;
        var at = args.ToList().IndexOf("--level");
        if (at >= 0)
        {
            if (at + 1 >= args.Count || !Enum.TryParse<EffectLevel>(args[at + 1], out var l) || !Enum.IsDefined(l))
            {
                Console.Error.WriteLine("--level 应为：" + string.Join(", ", Enum.GetNames<EffectLevel>()));
                return 2;
            }
            level = l;
        }
        var path = args[0];
        var importer = services.GetRequiredService<LibraryImporter>();
        var options = new ImportOptions(level);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        List<ImportFileResult> results;
        if (Directory.Exists(path))
        {
            var done = 0;
            results = await importer.ImportFolderAsync(path, options, r =>
            {
                if (r.Kind == ImportResultKind.Refused)
                {
                    Console.Error.WriteLine("  拒绝 refused: " + r.Message);
                }
                if (++done % 250 == 0)
                {
                    Console.WriteLine($"  … {done} 个文件");
                }
            }, ct);
        }
        else if (File.Exists(path))
        {
            var bytes = await File.ReadAllBytesAsync(path, ct);
            var r = path.EndsWith(".docx", StringComparison.OrdinalIgnoreCase)
                ? await importer.ImportDocxAsync(path, bytes, options, ct)
                : await importer.ImportMarkdownAsync(Path.GetFileName(path), bytes, options, ct);
            results = [r];
            Console.WriteLine(r.Message);
        }
        else
        {
            Console.Error.WriteLine($"找不到文件或文件夹 not found: {path}");
            return 2;
        }
        // The index follows the change feed; wait until it shows what was imported.
        await services.GetRequiredService<IndexFollower>().CatchUpAsync(ct);
        var by = results.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count());
        Console.WriteLine($"导入完成 done in {watch.Elapsed.TotalSeconds:F1} s：新增法规 {by.GetValueOrDefault(ImportResultKind.NewWork)}，新增版本 {by.GetValueOrDefault(ImportResultKind.NewVersion)}，" +
                          $"补充分编 {by.GetValueOrDefault(ImportResultKind.AddedPart)}，未变 {by.GetValueOrDefault(ImportResultKind.Unchanged)}，拒绝 {by.GetValueOrDefault(ImportResultKind.Refused)}；" +
                          $"条文 {results.Where(r => r.Kind is not ImportResultKind.Unchanged and not ImportResultKind.Refused).Sum(r => r.Articles)}");
        return by.GetValueOrDefault(ImportResultKind.Refused) > 0 ? 1 : 0;
    }
}

/// <summary><c>library reindex</c>: rebuilds this node's search index from the database.</summary>
internal sealed class LibraryReindexVerb : ICliVerb
{
    public IReadOnlyList<string> Words => ["library", "reindex"];

    public string Usage => "library reindex                           重建法规检索索引";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, CancellationToken ct)
    {
        var follower = services.GetRequiredService<IndexFollower>();
        var (works, docs, took) = await follower.RebuildAsync(ct);
        var index = await follower.Ready;
        Console.WriteLine($"索引已重建 rebuilt: {works} 部法规，{docs} 个文档，{took.TotalSeconds:F1} s，{index.SizeBytes / 1024.0 / 1024:F1} MB（{index.Path}）");
        return 0;
    }
}
