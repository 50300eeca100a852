using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Fazhi.Platform.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Fazhi.Architecture.Tests;

/// <summary>
/// Each module owns its strings: every Chinese UI string (<c>T["…"]</c>, DataAnnotations <c>ErrorMessage</c>) has an
/// English entry, a module's in <c>src/Modules/Fazhi.X/XText.en.resx</c> (or the platform's, for shared strings) and the
/// platform's and the host's in <c>src/Fazhi.Platform/Web/Text.en.resx</c>; so a module change never edits the platform.
/// </summary>
public sealed partial class TextRules
{
    private const string PlatformResx = "src/Fazhi.Platform/Web/Text.en.resx";
    private static readonly string Root = RepoRoot();

    /// <summary>Each module with pages: its folder, its resx and its text marker type.</summary>
    public static TheoryData<string> Modules()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(Path.Combine(Root, "src", "Modules"), "Fazhi.*").Order())
        {
            if (Directory.EnumerateFiles(dir, "*.razor", SearchOption.AllDirectories).Any())
            {
                data.Add(Path.GetFileName(dir)["Fazhi.".Length..]);
            }
        }
        return data;
    }

    [Fact]
    public void Every_platform_and_host_string_has_an_english_entry_in_the_platform_resx()
    {
        var platform = Translations(PlatformResx);
        var (used, missing) = Missing([Path.Combine(Root, "src", "Fazhi.Platform"), Path.Combine(Root, "src", "Fazhi.Host")], platform);
        Assert.True(used > 100, $"only {used} localised strings found in the platform and the host: is the scan looking in the right place?");
        Assert.True(missing.Count == 0, $"Add these keys to {PlatformResx}:\n" + string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Every_module_string_has_an_english_entry_in_the_module_resx_or_the_platform_resx(string module)
    {
        var resx = ModuleResx(module);
        Assert.True(File.Exists(Path.Combine(Root, resx)), $"{resx} is missing: a module with pages keeps its English there (services.AddModuleText<{module}Text>()).");
        var known = Translations(resx).Concat(Translations(PlatformResx)).DistinctBy(e => e.Key).ToDictionary();
        var (used, missing) = Missing([Path.Combine(Root, "src", "Modules", "Fazhi." + module)], known);
        Assert.True(used > 50, $"only {used} localised strings found in {module}: is the scan looking in the right place?");
        Assert.True(missing.Count == 0, $"Add these keys to {resx}:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_platform_resx_holds_no_string_only_modules_use()
    {
        var platformCode = Code(Path.Combine(Root, "src", "Fazhi.Platform"), Path.Combine(Root, "src", "Fazhi.Host"));
        var moduleCode = Code(Path.Combine(Root, "src", "Modules"));
        var moduleOnly = Translations(PlatformResx).Keys
            .Where(key => moduleCode.Contains(Literal(key), StringComparison.Ordinal) && !platformCode.Contains(Literal(key), StringComparison.Ordinal))
            .ToList();
        Assert.True(moduleOnly.Count == 0,
            $"Move these keys from {PlatformResx} to the resx of the module that uses them (a copy in each, if several do):\n" + string.Join("\n", moduleOnly));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Every_module_translation_is_filled_and_keeps_the_placeholders(string module) => FilledWithPlaceholders(ModuleResx(module));

    [Fact]
    public void Every_platform_translation_is_filled_and_keeps_the_placeholders() => FilledWithPlaceholders(PlatformResx);

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_localizer_reads_the_module_resx_then_the_platform_resx(string module)
    {
        var assembly = Assembly.Load("Fazhi." + module);
        var marker = assembly.GetType($"Fazhi.{module}.{module}Text", throwOnError: true)!;
        var services = new ServiceCollection().AddLogging().AddFazhiText();
        typeof(TextExtensions).GetMethod(nameof(TextExtensions.AddModuleText))!.MakeGenericMethod(marker).Invoke(null, [services]);
        using var provider = services.BuildServiceProvider();
        var moduleText = (IStringLocalizer)provider.GetRequiredService(typeof(IStringLocalizer<>).MakeGenericType(marker));
        var platformText = provider.GetRequiredService<IStringLocalizer<Text>>();
        var own = Translations(ModuleResx(module)).First();
        var shared = Translations(PlatformResx).First(e => !Translations(ModuleResx(module)).ContainsKey(e.Key));

        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal(own.Value, moduleText[own.Key].Value);
            Assert.Equal(shared.Value, moduleText[shared.Key].Value);
            Assert.Equal(own.Value, platformText[own.Key].Value); // a module string shown by a platform component
            Assert.True(moduleText["没有这个词条"].ResourceNotFound);
            Assert.Equal("没有这个词条", moduleText["没有这个词条"].Value);

            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            Assert.Equal(own.Key, moduleText[own.Key].Value);
            Assert.Equal(shared.Key, moduleText[shared.Key].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    private static string ModuleResx(string module) => $"src/Modules/Fazhi.{module}/{module}Text.en.resx";

    /// <summary>The localised literals in the .razor files (and DataAnnotations messages in the .cs files) under the folders.</summary>
    private static (int Used, List<string> Missing) Missing(IEnumerable<string> dirs, IReadOnlyDictionary<string, string> known)
    {
        var used = 0;
        var missing = new List<string>();
        foreach (var file in dirs.SelectMany(d => SourceFiles(d)))
        {
            var text = File.ReadAllText(file);
            var matches = file.EndsWith(".razor", StringComparison.Ordinal)
                ? LocalizedLiteral().Matches(text).Concat(ErrorMessageLiteral().Matches(text))
                : ErrorMessageLiteral().Matches(text);
            foreach (var key in matches.Select(m => Regex.Unescape(m.Groups[1].Value)))
            {
                used++;
                if (!known.ContainsKey(key))
                {
                    missing.Add($"{Path.GetRelativePath(Root, file)}: {key}");
                }
            }
        }
        return (used, missing.Distinct().ToList());
    }

    private static IEnumerable<string> SourceFiles(string dir) =>
        Directory.EnumerateFiles(dir, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Code(params string[] dirs) => string.Join("\n", dirs.SelectMany(d => SourceFiles(d)).Select(File.ReadAllText));

    /// <summary>The key as a C# string literal, the way a .cs or .razor file spells it.</summary>
    private static string Literal(string key) => "\"" + key.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";

    private static void FilledWithPlaceholders(string resx)
    {
        var translations = Translations(resx);
        Assert.NotEmpty(translations);
        foreach (var (key, value) in translations)
        {
            Assert.False(string.IsNullOrWhiteSpace(value), $"{resx}: empty translation for {key}");
            var inKey = Placeholder().Matches(key).Select(m => m.Value).Order().Distinct();
            var inValue = Placeholder().Matches(value).Select(m => m.Value).Order().Distinct();
            Assert.True(inKey.SequenceEqual(inValue), $"{resx}: placeholders differ: {key} -> {value}");
        }
    }

    private static Dictionary<string, string> Translations(string resx)
    {
        var doc = XDocument.Load(Path.Combine(Root, resx));
        var entries = doc.Root!.Elements("data").Select(d => (Key: (string)d.Attribute("name")!, Value: (string?)d.Element("value") ?? "")).ToList();
        var duplicates = entries.GroupBy(e => e.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"{resx}: duplicate keys: " + string.Join(", ", duplicates));
        return entries.ToDictionary(e => e.Key, e => e.Value);
    }

    /// <summary>The repository root (the folder with Fazhi.slnx), for rules that read the sources.</summary>
    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fazhi.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Fazhi.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\bT\[""((?:[^""\\]|\\.)*)""[\],]")]
    private static partial Regex LocalizedLiteral();

    [GeneratedRegex(@"ErrorMessage = ""((?:[^""\\]|\\.)*)""")]
    private static partial Regex ErrorMessageLiteral();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
