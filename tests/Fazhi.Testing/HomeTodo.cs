using System.Net;
using System.Text.RegularExpressions;

namespace Fazhi.Testing;

/// <summary>Reads the home page's to-do panel (待办) as a signed-in browser sees it.</summary>
public static partial class HomeTodo
{
    /// <summary>The count on the to-do card linking to <paramref name="href"/>, or null when there is no such card.</summary>
    public static async Task<string?> CountAsync(HttpClient browser, string href)
    {
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync("/"));
        var m = Regex.Match(html, "class=\"card card-todo[^\"]*\" href=\"" + Regex.Escape(href) + "\">.*?<div class=\"card-count\">([^<]+)</div>", RegexOptions.Singleline);
        return m.Success ? m.Groups[1].Value.Trim() : null;
    }
}
