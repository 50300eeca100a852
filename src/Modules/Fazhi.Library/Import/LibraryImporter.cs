using System.Text;
using Fazhi.Library.Citations;
using Fazhi.Library.Data;
using Fazhi.Library.Search;
using Fazhi.Library.Works;
using Fazhi.Platform.Kit;
using Fazhi.Platform.Security.Crypto;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Library.Import;

/// <summary>What an import did with one file.</summary>
internal enum ImportResultKind
{
    /// <summary>A new work with its first version.</summary>
    NewWork,

    /// <summary>A new version of a work already in the library.</summary>
    NewVersion,

    /// <summary>A 编 of a code added to a version already in the library.</summary>
    AddedPart,

    /// <summary>The same file was imported before: nothing added.</summary>
    Unchanged,

    /// <summary>Refused: nothing of the file was stored.</summary>
    Refused,
}

/// <summary>The outcome for one file: what was done, or the line and reason it was refused.</summary>
internal sealed record ImportFileResult(string File, ImportResultKind Kind, Guid? WorkId, Guid? VersionId, string Title, int Articles, int Line, string Message);

/// <summary>Options a caller may set for a file whose kind the layout does not tell.</summary>
internal sealed record ImportOptions(EffectLevel? Level = null, string? Category = null, string? Region = null, bool? IsPublic = null);

/// <summary>
/// Imports texts into the library: each file all or nothing, idempotent by the file's SM3 hash (a second run adds
/// nothing), an amended text as a new version (never an overwrite). The level, issuing body and region come from the
/// history lines and the folder of the national export (<c>行政法规/</c>, <c>DLC/山东地方法规/…</c>), or from the caller.
/// </summary>
internal sealed class LibraryImporter(LibraryDb db, TimeProvider clock, LibraryIndexSignal signal, IndexFollower index)
{
    /// <summary>The largest file accepted (the largest text in the national export is about 1.5 MB).</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    public async Task<ImportFileResult> ImportMarkdownAsync(string relativePath, byte[] content, ImportOptions options, CancellationToken ct)
    {
        var name = Path.GetFileName(relativePath);
        if (content.Length > MaxBytes)
        {
            return Refused(name, 0, $"文件超过 {MaxBytes / 1024 / 1024} MB");
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Refused(name, 0, "文件不是 UTF-8 编码的文本");
        }
        var (law, error) = LawTextParser.ParseMarkdown(name, text);
        return law is null ? Refused(name, error!.Line, error.Message) : await StoreAsync(relativePath, content, law, options, ct);
    }

    public async Task<ImportFileResult> ImportDocxAsync(string fileName, byte[] content, ImportOptions options, CancellationToken ct)
    {
        var name = Path.GetFileName(fileName);
        if (content.Length > MaxBytes)
        {
            return Refused(name, 0, $"文件超过 {MaxBytes / 1024 / 1024} MB");
        }
        var paragraphs = DocxText.Paragraphs(content);
        if (paragraphs is null)
        {
            return Refused(name, 0, "不是有效的 .docx 文件");
        }
        var (law, error) = LawTextParser.ParsePlain(name, paragraphs);
        return law is null ? Refused(name, error!.Line, error.Message) : await StoreAsync(fileName, content, law, options, ct);
    }

    /// <summary>An uploaded file: .md in the national export's layout or .docx.</summary>
    public async Task<ImportFileResult> ImportUploadAsync(Microsoft.AspNetCore.Http.IFormFile file, ImportOptions options, CancellationToken ct)
    {
        var name = Path.GetFileName(file.FileName);
        if (file.Length > MaxBytes)
        {
            return Refused(name, 0, $"文件超过 {MaxBytes / 1024 / 1024} MB");
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var result = name.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) ? await ImportDocxAsync(name, bytes, options, ct)
            : name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? await ImportMarkdownAsync(name, bytes, options, ct)
            : Refused(name, 0, "只能导入 .md（国家法律法规数据库导出格式）或 .docx 文件");
        // Whoever uploads a document finds it in search right after (a folder import catches up once at its end).
        await index.CatchUpAsync(ct);
        return result;
    }

    /// <summary>
    /// A document entered by hand: the facts from the form, the text read like a .docx (one paragraph a line). Refused
    /// with the field named when a fact is missing or the text has no content.
    /// </summary>
    public async Task<ImportFileResult> ImportManualAsync(ManualEntry entry, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var title = TextRules.Required(checks, "title", "标题", entry.Title, 200);
        var issuer = TextRules.Optional(checks, "issuingBody", "制定机关", entry.IssuingBody, 200);
        var region = TextRules.Optional(checks, "region", "地域", entry.Region, 50);
        var number = TextRules.Optional(checks, "documentNumber", "文号", entry.DocumentNumber, 100);
        TextRules.Required(checks, "text", "正文", entry.Text, 2_000_000);
        checks.When(entry.PromulgatedOn is null && entry.EffectiveOn is null, "promulgatedOn", "请填写公布日期或施行日期");
        checks.When(entry.PromulgatedOn is { } p && entry.EffectiveOn is { } e && e < p, "effectiveOn", "施行日期不能早于公布日期");
        checks.ThrowIfAny();
        var lines = new List<string> { title };
        lines.AddRange(entry.Text.Replace("\r\n", "\n").Split('\n'));
        var (law, error) = LawTextParser.ParsePlain(title, lines);
        if (law is null)
        {
            throw Refuse.Field("text", $"正文第 {Math.Max(1, error!.Line - 1)} 行：{error.Message}");
        }
        if (law.Provisions.Count == 0)
        {
            throw Refuse.Field("text", "正文没有可识别的条文或段落");
        }
        law = law with
        {
            PromulgatedOn = entry.PromulgatedOn ?? law.PromulgatedOn,
            EffectiveOn = entry.EffectiveOn ?? law.EffectiveOn,
            VersionDate = entry.PromulgatedOn ?? entry.EffectiveOn ?? law.VersionDate,
            IssuingBody = issuer ?? law.IssuingBody,
            DocumentNumber = number ?? law.DocumentNumber,
        };
        var content = System.Text.Encoding.UTF8.GetBytes($"manual\n{title}\n{law.VersionDate}\n{entry.Text}");
        var result = await StoreAsync($"手工录入/{title}", content, law, new ImportOptions(entry.Level, "手工录入", region, entry.IsPublic), ct);
        if (result.Kind == ImportResultKind.Refused)
        {
            throw Refuse.Conflict(result.Message);
        }
        await index.CatchUpAsync(ct);
        return result;
    }

    /// <summary>Imports every .md (and .docx) under a folder, recursively, file by file.</summary>
    public async Task<List<ImportFileResult>> ImportFolderAsync(string folder, ImportOptions options, Action<ImportFileResult>? progress, CancellationToken ct)
    {
        var results = new List<ImportFileResult>();
        var files = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
            .Where(f => !IsNotALaw(Path.GetFileName(f)))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(folder, file);
            var bytes = await File.ReadAllBytesAsync(file, ct);
            var result = file.EndsWith(".docx", StringComparison.OrdinalIgnoreCase)
                ? await ImportDocxAsync(relative, bytes, options, ct)
                : await ImportMarkdownAsync(relative, bytes, options, ct);
            results.Add(result);
            progress?.Invoke(result);
            db.ChangeTracker.Clear();
        }
        return results;
    }

    /// <summary>The export's index pages, its template and its README are not texts.</summary>
    private static bool IsNotALaw(string name) => name is "_index.md" or "SOURCE.md" or "README.md" or "法律法规模版.md";

    private static ImportFileResult Refused(string file, int line, string message) =>
        new(file, ImportResultKind.Refused, null, null, "", 0, line, line > 0 ? $"{file} 第 {line} 行：{message}" : $"{file}：{message}");

    private async Task<ImportFileResult> StoreAsync(string relativePath, byte[] content, ParsedLaw law, ImportOptions options, CancellationToken ct)
    {
        var name = Path.GetFileName(relativePath);
        var hash = Sm3.HashHex(content);
        var known = await db.Sources.AsNoTracking().Where(s => s.Sm3 == hash).Select(s => s.VersionId).FirstOrDefaultAsync(ct);
        if (known != Guid.Empty)
        {
            var v = await db.Versions.AsNoTracking().FirstAsync(x => x.Id == known, ct);
            return new ImportFileResult(name, ImportResultKind.Unchanged, v.WorkId, v.Id, law.Title, law.ArticleCount, 0, $"{name}：已导入过，未改变");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var key = WorkKey.Of(law.Title);
        var work = await db.Works.FirstOrDefaultAsync(w => w.Key == key, ct);
        var kind = ImportResultKind.NewVersion;
        if (work is null)
        {
            kind = ImportResultKind.NewWork;
            var level = options.Level ?? LevelOf(relativePath, law);
            work = new LawWork
            {
                Title = law.Title,
                Key = key,
                Level = level,
                IssuingBody = law.IssuingBody,
                Region = options.Region ?? RegionOf(relativePath, law, level),
                Category = options.Category ?? CategoryOf(relativePath),
                IsPublic = options.IsPublic ?? true,
                CreatedAtUtc = now,
            };
            db.Works.Add(work);
        }
        var version = kind == ImportResultKind.NewWork
            ? null
            : await db.Versions.FirstOrDefaultAsync(v => v.WorkId == work.Id && v.VersionDate == law.VersionDate, ct);
        var ordinalBase = 0;
        if (version is not null)
        {
            // The same version again: a code's other 编 is added to it; another text under the same date is refused
            // (an amended text is a new version with its own date, never an overwrite).
            var parts = await db.Sources.Where(s => s.VersionId == version.Id).Select(s => s.Part).ToListAsync(ct);
            if (law.Part.Length == 0 || parts.Contains(law.Part) || parts.Contains(""))
            {
                return Refused(name, 0, $"《{law.Title}》{law.VersionDate:yyyy-MM-dd} 的版本已导入，且文本不同；修改后的文本请以其修改日期作为新版本导入");
            }
            kind = ImportResultKind.AddedPart;
            // Parts are ordered by their first article, whatever order the files come in.
            ordinalBase = (law.Provisions.FirstOrDefault(p => p.Kind == ProvisionKind.Article)?.Number ?? 0) * 10_000;
        }
        else
        {
            var number = kind == ImportResultKind.NewWork ? 1 : await db.Versions.Where(v => v.WorkId == work.Id).MaxAsync(v => (int?)v.Number, ct) + 1 ?? 1;
            version = new LawVersion
            {
                WorkId = work.Id,
                Number = number,
                VersionDate = law.VersionDate,
                PromulgatedOn = law.PromulgatedOn,
                EffectiveOn = law.EffectiveOn,
                DocumentNumber = law.DocumentNumber,
                History = string.Join('\n', law.History.Select(h => h.Text)),
                Preamble = law.Preamble,
                ImportedAtUtc = now,
            };
            db.Versions.Add(version);
            if (law.Part.Length > 0)
            {
                ordinalBase = (law.Provisions.FirstOrDefault(p => p.Kind == ProvisionKind.Article)?.Number ?? 0) * 10_000;
            }
        }
        version.ArticleCount += law.ArticleCount;
        var provisions = law.Provisions;
        if (law.Part.Length > 0)
        {
            // A 编 in its own file becomes a 编 heading above its chapters.
            var partAnchor = "part-" + (ordinalBase / 10_000);
            provisions = [new ParsedProvision(ProvisionKind.Part, "", law.Part, 0, 0, partAnchor, "", "", 0),
                .. law.Provisions.Select(p => p with { Path = p.Path.Length > 0 ? law.Part + " / " + p.Path : law.Part, Anchor = p.Kind == ProvisionKind.Article ? p.Anchor : partAnchor + "-" + p.Anchor })];
        }
        var ordinal = ordinalBase;
        foreach (var p in provisions)
        {
            var row = new Provision
            {
                VersionId = version.Id,
                WorkId = work.Id,
                Ordinal = ++ordinal,
                Kind = p.Kind,
                Label = p.Label,
                Heading = Truncate(p.Heading, 300),
                Number = p.Number,
                SubNumber = p.SubNumber,
                Anchor = p.Anchor,
                Path = Truncate(p.Path, 600),
                Text = p.Text,
            };
            db.Provisions.Add(row);
            if (p.Kind is ProvisionKind.Article or ProvisionKind.Paragraph)
            {
                foreach (var r in CitationFinder.Find(p.Text, key).Where(r => r.Kind != ReferenceKind.Previous))
                {
                    db.Citations.Add(new Citation
                    {
                        FromVersionId = version.Id,
                        FromWorkId = work.Id,
                        FromAnchor = p.Anchor,
                        TargetKey = Truncate(r.TargetKey, 300),
                        TargetNumber = r.Number,
                        TargetSubNumber = r.SubNumber,
                        Text = Truncate(r.Text, 400),
                        Offset = r.Offset,
                    });
                }
            }
        }
        db.Sources.Add(new VersionSource { VersionId = version.Id, FileName = Truncate(relativePath, 400), Sm3 = hash, Part = law.Part, ImportedAtUtc = now });
        db.Changes.Add(new LibraryChange { WorkId = work.Id, AtUtc = now });
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await db.WriteAuditEventAsync("library.import", nameof(LawVersion), version.Id.ToString(),
            new { file = relativePath, sm3 = hash, work = work.Title, versionNumber = version.Number, articles = law.ArticleCount, result = kind.ToString() }, ct);
        await tx.CommitAsync(ct);
        signal.Poke();
        return new ImportFileResult(name, kind, work.Id, version.Id, work.Title, law.ArticleCount, 0,
            kind switch
            {
                ImportResultKind.NewWork => $"{name}：新增《{work.Title}》",
                ImportResultKind.AddedPart => $"{name}：《{work.Title}》增加“{law.Part}”",
                _ => $"{name}：《{work.Title}》新增第 {version.Number} 版",
            });
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    /// <summary>The level from the export's folder, else from who made the text.</summary>
    internal static EffectLevel LevelOf(string relativePath, ParsedLaw law)
    {
        var path = relativePath.Replace('\\', '/');
        if (path.Contains("地方性法规/", StringComparison.Ordinal) || path.Contains("地方法规/", StringComparison.Ordinal))
        {
            return LocalRegulationLevel(law);
        }
        var folder = path.Contains('/') ? path[..path.IndexOf('/')] : "";
        switch (folder)
        {
            case "宪法":
                return law.Title.Contains("宪法修正案", StringComparison.Ordinal) || law.Title.EndsWith("宪法", StringComparison.Ordinal) ? EffectLevel.Constitution : EffectLevel.Law;
            case "宪法相关法" or "民法典" or "民法商法" or "行政法" or "经济法" or "社会法" or "刑法" or "诉讼与非诉讼程序法":
                return EffectLevel.Law;
            case "行政法规":
                return EffectLevel.AdministrativeRegulation;
            case "司法解释":
                return EffectLevel.JudicialInterpretation;
            case "部门规章":
                return EffectLevel.DepartmentRule;
            case "案例" or "其他":
                return EffectLevel.Other;
        }
        var body = law.IssuingBody;
        return body switch
        {
            "全国人民代表大会" or "全国人民代表大会常务委员会" => law.Title.EndsWith("宪法", StringComparison.Ordinal) ? EffectLevel.Constitution : EffectLevel.Law,
            "国务院" => EffectLevel.AdministrativeRegulation,
            "最高人民法院" or "最高人民检察院" => EffectLevel.JudicialInterpretation,
            _ when body.EndsWith("人民代表大会常务委员会", StringComparison.Ordinal) || body.EndsWith("人民代表大会", StringComparison.Ordinal) => LocalRegulationLevel(law),
            _ when body.EndsWith("人民政府", StringComparison.Ordinal) => EffectLevel.LocalGovernmentRule,
            _ => EffectLevel.Other,
        };
    }

    private static EffectLevel LocalRegulationLevel(ParsedLaw law)
    {
        var body = law.IssuingBody;
        if (law.Title.Contains("自治条例", StringComparison.Ordinal) || law.Title.Contains("单行条例", StringComparison.Ordinal))
        {
            return EffectLevel.AutonomousRegulation;
        }
        // 直辖市 and provinces make provincial regulations; other cities' need the province's approval (立法法 Art. 81).
        string[] provincial = ["北京市", "天津市", "上海市", "重庆市"];
        return body.Contains('省') || body.Contains("自治区", StringComparison.Ordinal) || provincial.Any(p => body.StartsWith(p, StringComparison.Ordinal))
            ? EffectLevel.ProvincialRegulation
            : body.Length > 0 ? EffectLevel.MunicipalRegulation
            : law.Title.Contains('省') ? EffectLevel.ProvincialRegulation : EffectLevel.MunicipalRegulation;
    }

    private static string RegionOf(string relativePath, ParsedLaw law, EffectLevel level)
    {
        if (level is EffectLevel.Constitution or EffectLevel.Law or EffectLevel.AdministrativeRegulation or EffectLevel.SupervisoryRegulation
            or EffectLevel.JudicialInterpretation or EffectLevel.DepartmentRule)
        {
            return "";
        }
        var body = law.IssuingBody;
        foreach (var suffix in new[] { "人民代表大会常务委员会", "人民代表大会", "人民政府" })
        {
            if (body.EndsWith(suffix, StringComparison.Ordinal))
            {
                return body[..^suffix.Length];
            }
        }
        var path = relativePath.Replace('\\', '/');
        var m = System.Text.RegularExpressions.Regex.Match(path, "DLC/(?<p>[^/]+?)地方法规/");
        return m.Success ? m.Groups["p"].Value : "";
    }

    private static string CategoryOf(string relativePath)
    {
        var path = relativePath.Replace('\\', '/');
        if (path.StartsWith("DLC/", StringComparison.Ordinal))
        {
            return "地方法规";
        }
        return path.Contains('/') ? path[..path.IndexOf('/')] : "";
    }
}
