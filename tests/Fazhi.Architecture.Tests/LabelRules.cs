using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Fazhi.Architecture.Tests;

/// <summary>
/// English mode shows enum values in English (ADR 0057). A module names each enum's values in one Chinese table: a static
/// method taking the enum and returning its label (<c>Labels.Status(SubmissionStatus)</c>, <c>CaseDisplay.StageName</c>);
/// pages show <c>T[table(value)]</c>, so the Chinese is the resx key. These rules call every such table in every Fazhi
/// assembly with every value of its enum: each value has a Chinese label (a new status cannot fall through to
/// <c>ToString()</c>), and each label has an English entry in the owning module's resx or the platform's.
/// </summary>
public sealed partial class LabelRules
{
    private static readonly string Root = TextRules.RepoRoot();

    /// <summary>Every label table: static, one enum parameter, returns a string that is Chinese for some value.</summary>
    private static IEnumerable<(Assembly Assembly, MethodInfo Table, Type Enum, Dictionary<object, string> Labels)> Tables()
    {
        var dir = Path.GetDirectoryName(typeof(LabelRules).Assembly.Location)!;
        foreach (var file in Directory.GetFiles(dir, "Fazhi.*.dll").Where(f => !Path.GetFileName(f).Contains(".Tests", StringComparison.Ordinal) && !Path.GetFileName(f).Contains("Testing", StringComparison.Ordinal)))
        {
            var assembly = Assembly.LoadFrom(file);
            Type[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                types = e.Types.Where(t => t is not null).ToArray()!;
            }
            foreach (var type in types.Where(t => !t.IsGenericTypeDefinition))
            {
                foreach (var method in type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    var parameters = method.GetParameters();
                    if (method.ReturnType != typeof(string) || method.IsGenericMethodDefinition || parameters.Length != 1 || !parameters[0].ParameterType.IsEnum)
                    {
                        continue;
                    }
                    var enumType = parameters[0].ParameterType;
                    var labels = Enum.GetValues(enumType).Cast<object>().Distinct()
                        .ToDictionary(v => v, v => (string?)method.Invoke(null, [v]) ?? "");
                    if (labels.Values.Any(l => Han().IsMatch(l)))
                    {
                        yield return (assembly, method, enumType, labels);
                    }
                }
            }
        }
    }

    [Fact]
    public void The_scan_finds_the_modules_label_tables()
    {
        var tables = Tables().Select(t => t.Assembly.GetName().Name).Distinct().ToList();
        foreach (var module in new[] { "Fazhi.Platform", "Fazhi.Disputes", "Fazhi.Enforcement", "Fazhi.Assessment", "Fazhi.Library", "Fazhi.Rulemaking", "Fazhi.Learning", "Fazhi.Oversight", "Fazhi.Lists" })
        {
            Assert.Contains(module, tables);
        }
    }

    [Fact]
    public void Every_value_of_a_labelled_enum_has_a_chinese_label()
    {
        var missing = Tables()
            .SelectMany(t => t.Labels.Where(l => l.Value == l.Key.ToString()).Select(l => $"{t.Table.DeclaringType!.FullName}.{t.Table.Name}({t.Enum.Name}.{l.Key}) = \"{l.Value}\""))
            .ToList();
        Assert.True(missing.Count == 0, "Give these values a Chinese label in their table (and its English in the module's resx):\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_chinese_enum_label_has_an_english_entry()
    {
        var platform = Translations("src/Fazhi.Platform/Web/Text.en.resx");
        var missing = new List<string>();
        foreach (var (assembly, table, enumType, labels) in Tables())
        {
            var resx = ResxOf(assembly.GetName().Name!);
            var known = resx is null ? platform : Translations(resx).Concat(platform).DistinctBy(e => e.Key).ToDictionary();
            foreach (var label in labels.Values.Where(l => Han().IsMatch(l) && !known.ContainsKey(l)))
            {
                missing.Add($"{resx ?? "src/Fazhi.Platform/Web/Text.en.resx"}: {label}   ({table.DeclaringType!.Name}.{table.Name}, {enumType.Name})");
            }
        }
        Assert.True(missing.Count == 0, "Add these English labels:\n" + string.Join("\n", missing.Distinct().Order()));
    }

    /// <summary>The resx of the module that owns an assembly (a Contracts assembly belongs to its module); null for the platform and the host.</summary>
    private static string? ResxOf(string assembly)
    {
        var module = assembly["Fazhi.".Length..].Replace(".Contracts", "", StringComparison.Ordinal);
        var resx = $"src/Modules/Fazhi.{module}/{module}Text.en.resx";
        return File.Exists(Path.Combine(Root, resx)) ? resx : null;
    }

    private static Dictionary<string, string> Translations(string resx) =>
        XDocument.Load(Path.Combine(Root, resx)).Root!.Elements("data")
            .Select(d => (Key: (string)d.Attribute("name")!, Value: (string?)d.Element("value") ?? ""))
            .DistinctBy(e => e.Key)
            .ToDictionary(e => e.Key, e => e.Value);

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
