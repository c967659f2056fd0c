namespace MinistryMonitor.Core.Tests.Docs;

/// <summary>Every relative link in the README, CONTRIBUTING and docs/ leads to a file that exists, and to a heading it has.</summary>
public sealed class DocsLinksTests
{
    [Fact]
    public void Docs_RelativeLinks_ResolveToExistingFilesAndHeadings()
    {
        var pages = RepositoryDocs.Pages();
        // Guards the parsing itself: with no links found, the check below would pass vacuously.
        Assert.True(pages.Sum(p => RepositoryDocs.Links(RepositoryDocs.Read(p)).Count) > 50, "Hardly any links found in " + string.Join(", ", pages));

        var broken = pages.SelectMany(p => RepositoryDocs.BrokenLinks(RepositoryDocs.Root, p)).ToList();

        Assert.True(broken.Count == 0, "Links that lead nowhere:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void Docs_EveryImageInDocsFolder_IsShownByAPage()
    {
        var images = Directory.EnumerateFiles(Path.Combine(RepositoryDocs.Root, "docs"), "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".png" or ".svg" or ".jpg")
            .Select(f => Path.GetRelativePath(RepositoryDocs.Root, f).Replace('\\', '/'))
            .ToList();
        var shown = RepositoryDocs.Pages()
            .SelectMany(p => RepositoryDocs.Links(RepositoryDocs.Read(p)).Select(l => Path.GetRelativePath(RepositoryDocs.Root, Path.GetFullPath(Path.Combine(RepositoryDocs.Root, Path.GetDirectoryName(p)!, l))).Replace('\\', '/')))
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(images.Count > 0, "No screenshots found in docs/.");
        Assert.All(images, image => Assert.True(shown.Contains(image), $"{image} is in docs/ but no page shows it."));
    }

    [Fact]
    public void BrokenLinks_MissingFileAndMissingHeading_AreBothReported()
    {
        var root = Directory.CreateTempSubdirectory("docs-links-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "docs"));
            File.WriteAllText(Path.Combine(root, "docs", "a.md"), "# Page A\n\n## The `monitor` command: options\n");
            File.WriteAllText(Path.Combine(root, "README.md"), """
                # Title
                [ok](docs/a.md) [ok anchor](docs/a.md#the-monitor-command-options) [own](#title) [web](https://example.org/x)
                [gone](docs/b.md) [bad anchor](docs/a.md#no-such-heading) `[in code](docs/c.md)`
                ```sh
                [in a block](docs/d.md)
                ```
                """);

            var broken = RepositoryDocs.BrokenLinks(root, "README.md");

            Assert.Equal(["README.md: (docs/b.md) -> no such file", "README.md: (docs/a.md#no-such-heading) -> no heading #no-such-heading in a.md"], broken);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("The `monitor` command", "the-monitor-command")]
    [InlineData("Source presets: what was checked against what", "source-presets-what-was-checked-against-what")]
    [InlineData("Timers (Azure Functions)", "timers-azure-functions")]
    [InlineData("The archive: listings, search, and Blob Storage", "the-archive-listings-search-and-blob-storage")]
    public void Slug_Heading_IsTheAnchorGitHubGivesIt(string heading, string anchor)
    {
        Assert.Equal(anchor, RepositoryDocs.Slug(heading));
    }
}
