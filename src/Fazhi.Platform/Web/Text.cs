using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace Fazhi.Platform.Web;

/// <summary>
/// The UI's strings. Chinese is the source language and the key; <c>Text.en.resx</c> holds the platform's English, each
/// module's own resx (registered with <see cref="TextExtensions.AddModuleText{TModuleText}"/>) the module's.
/// A string without an English entry shows in Chinese, so a missing translation never hides a label.
/// </summary>
public sealed class Text;

/// <summary>Shortcut for components: <c>@inject IStringLocalizer&lt;Text&gt; T</c> then <c>@T["首页"]</c>.</summary>
public static class TextExtensions
{
    /// <summary>
    /// Gives a module its own strings: <typeparamref name="TModuleText"/> is a marker class at the module's root
    /// (<c>Fazhi.X.XText</c>) with <c>XText.en.resx</c> beside it, and the module's components inject
    /// <c>IStringLocalizer&lt;XText&gt;</c>. That localizer looks in the module's resx, then in the platform's
    /// (shared strings); the platform's localizer looks in its own resx, then in every module's, for the strings a
    /// module hands to platform components (navigation groups, validation messages, to-do lines).
    /// </summary>
    public static IServiceCollection AddModuleText<TModuleText>(this IServiceCollection services) where TModuleText : class
    {
        services.AddSingleton(new ModuleTextSource(typeof(TModuleText)));
        services.TryAddSingleton<IStringLocalizer<TModuleText>, ModuleTextLocalizer<TModuleText>>();
        return services;
    }

    /// <summary>The platform's localizer (with the modules' resx behind it); called by the platform's setup.</summary>
    public static IServiceCollection AddFazhiText(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddSingleton<IStringLocalizer<Text>, PlatformTextLocalizer>();
        return services;
    }

    /// <summary>The nav item's title in the current UI language.</summary>
    public static string TitleFor(this NavItem item) =>
        System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? item.TitleEn : item.Title;

    public static string Group(this IStringLocalizer t, NavItem item) => t[item.Group];

    /// <summary>
    /// A status word ("启用"/"停用" as a state, not as a command). The Chinese word is the same for both,
    /// so the English lives under a key with a context suffix and Chinese falls back to the bare word.
    /// </summary>
    public static string StatusWord(this IStringLocalizer t, bool active)
    {
        var (word, key) = active ? ("启用", "启用（状态）") : ("停用", "停用（状态）");
        var text = t[key];
        return text.ResourceNotFound ? word : text.Value;
    }
}

/// <summary>A module's resx, known to the platform's localizer.</summary>
internal sealed record ModuleTextSource(Type Marker);

/// <summary>Looks a key up in each resx in turn; the first that has it answers, otherwise the Chinese key shows.</summary>
internal abstract class ChainedLocalizer(IReadOnlyList<IStringLocalizer> chain) : IStringLocalizer
{
    /// <summary>
    /// Chinese is the source language: a text's key is its Chinese wording and only English has resources, so under a
    /// Chinese UI culture every lookup would walk each localizer's resource fallback (zh-CN, zh-Hans, zh, neutral) to find
    /// nothing and return the key. That walk was about 4 % of a page's CPU (issue 14, ADR 0042); the answer is the same.
    /// </summary>
    private static bool SourceLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    public LocalizedString this[string name]
    {
        get
        {
            if (SourceLanguage)
            {
                return new LocalizedString(name, name, resourceNotFound: true);
            }
            LocalizedString? first = null;
            foreach (var localizer in chain)
            {
                var text = localizer[name];
                if (!text.ResourceNotFound)
                {
                    return text;
                }
                first ??= text;
            }
            return first!;
        }
    }

    public LocalizedString this[string name, params object[] arguments] => SourceLanguage
        ? new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, name, arguments), resourceNotFound: true)
        : (chain.FirstOrDefault(l => !l[name].ResourceNotFound) ?? chain[0])[name, arguments];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        chain.SelectMany(l => l.GetAllStrings(includeParentCultures)).DistinctBy(s => s.Name);
}

/// <summary>The platform's strings, then every module's (for module strings shown by platform components).</summary>
internal sealed class PlatformTextLocalizer(IStringLocalizerFactory factory, IEnumerable<ModuleTextSource> modules)
    : ChainedLocalizer([factory.Create(typeof(Text)), .. modules.Select(m => factory.Create(m.Marker))]), IStringLocalizer<Text>;

/// <summary>A module's strings, then the platform's (shared strings).</summary>
internal sealed class ModuleTextLocalizer<TModuleText>(IStringLocalizerFactory factory, IStringLocalizer<Text> platform)
    : ChainedLocalizer([factory.Create(typeof(TModuleText)), platform]), IStringLocalizer<TModuleText>;
