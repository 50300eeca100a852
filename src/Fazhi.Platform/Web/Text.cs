using Microsoft.Extensions.Localization;

namespace Fazhi.Platform.Web;

/// <summary>
/// The UI's strings. Chinese is the source language and the key; <c>Text.en.resx</c> holds the English.
/// A string without an English entry shows in Chinese, so a missing translation never hides a label.
/// </summary>
public sealed class Text;

/// <summary>Shortcut for components: <c>@inject IStringLocalizer&lt;Text&gt; T</c> then <c>@T["首页"]</c>.</summary>
public static class TextExtensions
{
    /// <summary>The nav item's title in the current UI language.</summary>
    public static string TitleFor(this NavItem item) =>
        System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? item.TitleEn : item.Title;

    public static string Group(this IStringLocalizer<Text> t, NavItem item) => t[item.Group];

    /// <summary>
    /// A status word ("启用"/"停用" as a state, not as a command). The Chinese word is the same for both,
    /// so the English lives under a key with a context suffix and Chinese falls back to the bare word.
    /// </summary>
    public static string StatusWord(this IStringLocalizer<Text> t, bool active)
    {
        var (word, key) = active ? ("启用", "启用（状态）") : ("停用", "停用（状态）");
        var text = t[key];
        return text.ResourceNotFound ? word : text.Value;
    }
}
