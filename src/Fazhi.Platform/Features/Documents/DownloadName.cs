namespace Fazhi.Platform.Features.Documents;

/// <summary>File names of generated downloads, built from user data (campaign names, decision numbers).</summary>
public static class DownloadName
{
    /// <summary>Replaces characters a file system refuses (and both slashes) with '_', keeping Chinese text as it is.</summary>
    public static string Safe(string name) => string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '/' or '\\' ? '_' : c));
}
