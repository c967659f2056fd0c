using System.Globalization;
using System.Text;

namespace MinistryMonitor.Core.Storage;

/// <summary>
/// Readable blob paths: <c>{source}/{yyyy}/{MM}/{dd}/{slug}-{id8}/v001.{txt|html|json}</c>, so that a person
/// browsing the archive in Storage Explorer finds a statement by source, date and title.
/// </summary>
public static class ArchivePaths
{
    private const int MaxSlugLength = 60;

    public static string StatementBase(string sourceId, DateTimeOffset date, string? title, Uri url, string statementId)
    {
        var slug = Slug(title);
        if (slug.Length == 0) slug = Slug(url.AbsolutePath.Replace('/', ' '));
        if (slug.Length == 0) slug = "statement";
        var utc = date.ToUniversalTime();
        return string.Create(CultureInfo.InvariantCulture, $"{sourceId}/{utc:yyyy}/{utc:MM}/{utc:dd}/{slug}-{statementId[..8]}");
    }

    public static string Version(string basePath, int version, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"{basePath}/v{version:000}.{extension}");

    public static string Feed(string sourceId, DateTimeOffset fetchedAt, string contentHash)
    {
        var utc = fetchedAt.ToUniversalTime();
        return string.Create(CultureInfo.InvariantCulture, $"{sourceId}/{utc:yyyy}/{utc:MM}/{utc:dd}/{contentHash[..16]}.xml");
    }

    /// <summary>Lower-case letters and digits of any script, words joined by '-'.</summary>
    public static string Slug(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return string.Empty;
        var sb = new StringBuilder(Math.Min(text.Length, MaxSlugLength));
        var dash = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (sb.Length >= MaxSlugLength) break;
            if (char.IsLetterOrDigit(c))
            {
                if (dash && sb.Length > 0) sb.Append('-');
                dash = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                dash = true;
            }
        }
        return sb.ToString().TrimEnd('-');
    }
}
