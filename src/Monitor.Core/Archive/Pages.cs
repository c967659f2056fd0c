namespace MinistryMonitor.Core.Archive;

/// <summary>Reading the newest rows of a paged listing, for the logs and ledgers that show their latest entries.</summary>
public static class Pages
{
    /// <summary>
    /// The first <paramref name="max"/> items of a listing, newest first, following its continuation tokens.
    /// </summary>
    /// <param name="list">Reads one page: at most the given page size, from the given continuation token.</param>
    public static async Task<IReadOnlyList<T>> ReadFirstAsync<T>(int max, Func<int, string?, CancellationToken, Task<Page<T>>> list, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? token = null;
        do
        {
            var page = await list(Math.Min(max - items.Count, Paging.MaxPageSize), token, cancellationToken);
            items.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null && items.Count < max);
        return items;
    }
}
