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
}
