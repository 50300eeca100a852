using System.Reflection;
using System.Text.RegularExpressions;
using Fazhi.Platform.Kit;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Architecture.Tests;

/// <summary>
/// The readable audit trail names every action in Chinese and English (ADR 0041, ADR 0064): an action code a module writes
/// with no registered <see cref="AuditActionLabel"/> shows raw (<c>signout</c>, <c>enforcement.case.decide</c>). This rule
/// reads every place in <c>src</c> that writes an audit action — <c>WriteAuditEventAsync</c>, the sign-in audit's
/// <c>RecordAsync</c>, the role events and the penalty case's steps — takes the action codes written there, and asks the
/// labels every module really registers (each <c>*AuditLabels.Add</c>, run into a service collection) for a name.
/// A write whose action is not a string literal must be one of the known forwarding sites below, whose codes are read
/// where they come from; a new computed action fails here until it is listed.
/// </summary>
public sealed partial class AuditActionRules
{
    private static readonly string Root = TextRules.RepoRoot();

    /// <summary>Sites whose action is computed, and how to read the codes they may write.</summary>
    private static readonly Dictionary<string, string> Forwarders = new(StringComparer.Ordinal)
    {
        // FazhiDbContext.WriteAuditEventAsync itself, SignInAudit and RoleAssignmentService pass their caller's action on.
        ["action"] = "forwarded: the callers' literals are checked",
        // SignInAudit maps a SignInResult to its "signin.*" code in a switch: its literals are read from SignInAudit.cs.
        ["result"] = "SignInAudit switch",
        ["SignInResult.Success"] = "SignInAudit switch",
        // CaseProcedure.StepAsync writes "enforcement.case." + the step's kind: the kinds are read at each StepAsync call.
        ["\"enforcement.case.\" + kind"] = "penalty case steps",
    };

    [Fact]
    public void Every_audit_action_written_in_src_has_a_chinese_and_english_name()
    {
        var registered = RegisteredActions();
        var written = WrittenActions(out var unknownSites);
        Assert.True(unknownSites.Count == 0,
            "These audit writes compute their action: write it as a string literal, or add the site to AuditActionRules.Forwarders with where its codes come from:\n"
            + string.Join("\n", unknownSites));
        Assert.True(written.Count > 40, $"only {written.Count} audit actions found in src: is the scan looking in the right place?");
        var missing = written.Where(w => !registered.ContainsKey(w.Action))
            .Select(w => $"{w.Action}   ({w.File})").Distinct().Order().ToList();
        Assert.True(missing.Count == 0,
            "Register these audit actions with AddAuditActions in the module's *AuditLabels.cs (Chinese and English name):\n" + string.Join("\n", missing));
        var untranslated = registered.Values.Where(a => string.IsNullOrWhiteSpace(a.Label) || string.IsNullOrWhiteSpace(a.LabelEn) || a.LabelEn == a.Label || a.LabelEn == a.Action)
            .Select(a => a.Action).ToList();
        Assert.True(untranslated.Count == 0, "These audit actions lack a Chinese or an English name:\n" + string.Join("\n", untranslated));
    }

    [Fact]
    public void The_scan_finds_the_known_writes_and_a_missing_label_would_fail()
    {
        var written = WrittenActions(out _).Select(w => w.Action).ToHashSet();
        foreach (var known in new[] { "signout", "2fa.recovery_codes_regenerated", "role.assigned", "signin.locked_out", "platform.phone-code.requested", "enforcement.case.decide", "library.import", "disputes.case.merge" })
        {
            Assert.Contains(known, written);
        }
        Assert.DoesNotContain("no.such.action", RegisteredActions().Keys);
    }

    /// <summary>Every action the modules register, from their real registration code.</summary>
    private static Dictionary<string, AuditActionLabel> RegisteredActions()
    {
        var services = new ServiceCollection();
        var dir = Path.GetDirectoryName(typeof(AuditActionRules).Assembly.Location)!;
        var registrations = 0;
        foreach (var file in Directory.GetFiles(dir, "Fazhi.*.dll").Where(f => !Path.GetFileName(f).Contains(".Tests", StringComparison.Ordinal) && !Path.GetFileName(f).Contains("Testing", StringComparison.Ordinal)))
        {
            Type[] types;
            try
            {
                types = Assembly.LoadFrom(file).GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                types = e.Types.Where(t => t is not null).ToArray()!;
            }
            foreach (var type in types.Where(t => t.Name.EndsWith("AuditLabels", StringComparison.Ordinal) && t.IsAbstract && t.IsSealed))
            {
                var add = type.GetMethod("Add", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic, [typeof(IServiceCollection)]);
                if (add is not null)
                {
                    add.Invoke(null, [services]);
                    registrations++;
                }
            }
        }
        Assert.True(registrations >= 9, $"only {registrations} *AuditLabels.Add registrations found");
        var actions = services.Where(s => s.ServiceType == typeof(AuditActionLabel)).Select(s => (AuditActionLabel)s.ImplementationInstance!).ToList();
        // The kit's basic entity actions are built in (AuditLabels.Basic).
        actions.AddRange([new("create", "新增", "Created"), new("update", "修改", "Changed"), new("delete", "删除", "Deleted")]);
        var duplicates = actions.GroupBy(a => a.Action).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "Registered twice: " + string.Join(", ", duplicates));
        return actions.ToDictionary(a => a.Action, StringComparer.Ordinal);
    }

    /// <summary>The action codes written anywhere in src, with the file that writes each.</summary>
    private static List<(string Action, string File)> WrittenActions(out List<string> unknownSites)
    {
        var result = new List<(string, string)>();
        unknownSites = [];
        foreach (var path in Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
                     .Where(p => (p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith(".razor", StringComparison.Ordinal))
                                 && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(path);
            var file = Path.GetRelativePath(Root, path);
            foreach (Match m in Call().Matches(text))
            {
                var args = Arguments(text, m.Index + m.Length);
                var isStep = m.Groups["name"].Value == "procedure.StepAsync";
                if (args.Count == 0 || args[0].StartsWith("string ", StringComparison.Ordinal) || args[0].StartsWith("PenaltyCase ", StringComparison.Ordinal) || args[0].StartsWith("SignInResult ", StringComparison.Ordinal))
                {
                    continue; // the method's own declaration
                }
                var arg = isStep ? args.ElementAtOrDefault(1) ?? "" : args[0];
                var literals = Literal().Matches(arg).Select(l => l.Groups[1].Value).ToList();
                if (isStep)
                {
                    if (literals.Count == 0)
                    {
                        unknownSites.Add($"{file}: StepAsync({string.Join(", ", args.Take(2))}, …)");
                    }
                    result.AddRange(literals.Select(k => ("enforcement.case." + k, file)));
                }
                else if (literals.Count > 0 && !Forwarders.ContainsKey(arg))
                {
                    result.AddRange(literals.Select(a => (a, file)));
                }
                else if (!Forwarders.ContainsKey(arg))
                {
                    unknownSites.Add($"{file}: {m.Value}{arg}, …)");
                }
            }
            if (Path.GetFileName(path) == "SignInAudit.cs")
            {
                result.AddRange(SwitchArm().Matches(text).Select(l => (l.Groups[1].Value, file)));
            }
        }
        return result;
    }

    /// <summary>The top-level arguments of a call starting at <paramref name="start"/> (just after the parenthesis), trimmed.</summary>
    private static List<string> Arguments(string text, int start)
    {
        var args = new List<string>();
        var depth = 0;
        var inString = false;
        var current = new System.Text.StringBuilder();
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                current.Append(c);
                if (c == '\\')
                {
                    current.Append(text[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    inString = true;
                    current.Append(c);
                    break;
                case '(' or '[' or '{':
                    depth++;
                    current.Append(c);
                    break;
                case ')' or ']' or '}' when depth == 0:
                    args.Add(current.ToString().Trim());
                    return args;
                case ')' or ']' or '}':
                    depth--;
                    current.Append(c);
                    break;
                case ',' when depth == 0:
                    args.Add(current.ToString().Trim());
                    current.Clear();
                    if (args.Count >= 2)
                    {
                        return args;
                    }
                    break;
                default:
                    current.Append(c);
                    break;
            }
        }
        return args;
    }

    [GeneratedRegex(@"(?:\.|\b)(?<name>WriteAuditEventAsync|audit\.RecordAsync|RoleEventAsync|procedure\.StepAsync)\(")]
    private static partial Regex Call();

    [GeneratedRegex("\"([A-Za-z0-9_.\\-]+)\"")]
    private static partial Regex Literal();

    [GeneratedRegex("=>\\s*\"(signin\\.[a-z0-9_]+)\"")]
    private static partial Regex SwitchArm();
}
