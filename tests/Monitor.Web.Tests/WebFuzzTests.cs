using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace MinistryMonitor.Web.Tests;

/// <summary>
/// Every route and query parameter of the web host (monitor serve's Kestrel on loopback, on the fixture's archive),
/// with hostile values: no request may end in a 5xx. The request line is written raw on a socket, so invalid
/// percent-encoding reaches the server as sent (HttpClient would escape it). Seeded, so a failure reproduces.
/// </summary>
[Trait("Category", "Slow")]
public sealed class WebFuzzTests(WebArchiveFixture archive) : IClassFixture<WebArchiveFixture>
{
    private const int Seed = 20261206;
    private const int RandomRequests = 500;

    /// <summary>The routes, with "{x}" for a path segment to fuzz, and the query parameters each reads.</summary>
    private static readonly (string Route, string[] Parameters)[] Routes =
    [
        ("/", ["q", "source", "topic", "language", "since", "until", "continuationToken"]),
        ("/sources", []),
        ("/log", ["source", "outcome", "continuationToken", "requeued", "found"]),
        ("/statements/{x}/{x}", ["v", "from", "to"]),
        ("/statements/{source}/{id}", ["v", "from", "to"]),
        ("/subscribe", []),
        ("/subscriptions/confirm/{x}", []),
        ("/subscriptions/manage/{x}", []),
        ("/unsubscribe/{x}", []),
        ("/api/statements", ["source", "topic", "language", "since", "until", "q", "pageSize", "continuationToken"]),
        ("/api/statements/{x}/{x}", []),
        ("/api/statements/{source}/{id}/versions/{x}", []),
        ("/api/statements/{source}/{id}/versions/{x}/diff", []),
        ("/api/sources", []),
        ("/api/log", ["source", "outcome", "since", "pageSize", "continuationToken"]),
        ("/api/alerts", ["topic", "since", "pageSize", "continuationToken"]),
        ("/api/operator-alerts", []),
        ("/api/poison", []),
        ("/api/subscriptions/manage/{x}", []),
        ("/openapi/v1.json", []),
        ("/{x}", []),
    ];

    /// <summary>Values as they go on the wire: already percent-encoded, or deliberately not.</summary>
    private static readonly string[] Hostile =
    [
        "", "0", "-1", "1", "2147483647", "2147483648", "-2147483648", "-2147483649", "99999999999999999999999999", "1e400", "NaN", "0x10", "1.5",
        "0001-01-01", "0001-01-01T00:00:00Z", "9999-12-31", "9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59%2B14:00", "0001-01-01T00:00:00-14:00",
        "0000-00-00", "2026-02-30", "2026-13-01", "-2026-01-01", "10000-01-01", "2026-05-01", "1899-12-31", "1900-01-01", "2199-12-31", "2200-01-01",
        "%", "%%", "%zz", "%E0%A4%A", "%C0%80", "%FF%FE", "%00", "%ED%A0%80", "%F4%90%80%80", "%2e%2e%2f", "..%2F..%2F",
        "%D0%BA%D0%BE%D1%80%D0%B8%D0%B4%D0%BE%D1%80", "%F0%9F%98%80", "%E2%80%AE", "%EF%BB%BF", "%0D%0A", "%3Cscript%3E", "%27%22",
        "lachin-corridor", "ru-mfa", "ok", "network-error", "eyJ4IjoxfQ", "AAAA", "!!!",
    ];

    [Fact]
    public async Task EveryRoute_HostileValues_NeverAnswers5xx()
    {
        var random = new Random(Seed);
        var (source, id) = archive.Statement(WebArchive.EditedTitle);
        var targets = new List<string>();
        // Every parameter and path segment of every route alone with every hostile value, then random combinations.
        foreach (var (route, parameters) in Routes)
        {
            var known = route.Replace("{source}", source, StringComparison.Ordinal).Replace("{id}", id, StringComparison.Ordinal);
            foreach (var value in Hostile)
            {
                if (known.Contains("{x}", StringComparison.Ordinal)) targets.Add(known.Replace("{x}", value.Length == 0 ? "x" : value, StringComparison.Ordinal));
                targets.AddRange(parameters.Select(p => $"{known.Replace("{x}", "x", StringComparison.Ordinal)}?{p}={value}"));
            }
        }
        for (var i = 0; i < RandomRequests; i++)
        {
            var (route, parameters) = Routes[random.Next(Routes.Length)];
            var target = new StringBuilder(route.Replace("{source}", source, StringComparison.Ordinal).Replace("{id}", id, StringComparison.Ordinal));
            while (target.ToString().Contains("{x}", StringComparison.Ordinal))
            {
                var at = target.ToString().IndexOf("{x}", StringComparison.Ordinal);
                var value = Value(random);
                target.Remove(at, 3).Insert(at, value.Length == 0 ? "x" : value);
            }
            if (parameters.Length > 0)
            {
                var count = random.Next(1, Math.Min(4, parameters.Length + 1));
                target.Append('?').AppendJoin('&', Enumerable.Range(0, count).Select(_ => parameters[random.Next(parameters.Length)] + "=" + Value(random)));
            }
            targets.Add(target.ToString());
        }

        // A few connections at once, as browsers open them: the server is busy while one request waits on storage.
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await Parallel.ForEachAsync(targets, new ParallelOptions { MaxDegreeOfParallelism = 3 }, async (target, _) =>
        {
            var status = await StatusAsync(target);
            if (status >= 500) failures.Enqueue($"{status} GET {Shorten(target)}");
        });
        Assert.True(targets.Count > 2000, $"only {targets.Count} requests");
        Assert.True(failures.Count == 0, $"{failures.Count} of {targets.Count} requests (seed {Seed}) answered 5xx:\n{string.Join("\n", failures.Distinct().Take(40))}");
    }

    /// <summary>A hostile value, a long one, or random characters from across Unicode, percent-encoded or raw.</summary>
    private static string Value(Random random) => random.Next(10) switch
    {
        < 6 => Hostile[random.Next(Hostile.Length)],
        6 => new string('a', random.Next(1, 3) * 10_000 / 3),
        7 => Uri.EscapeDataString(string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => RandomRune(random).ToString()))),
        8 => random.NextInt64(long.MinValue, long.MaxValue).ToString(CultureInfo.InvariantCulture),
        _ => Hostile[random.Next(Hostile.Length)] + Hostile[random.Next(Hostile.Length)],
    };

    private static Rune RandomRune(Random random)
    {
        while (true)
        {
            var value = random.Next(1, 0x110000);
            if (Rune.IsValid(value)) return new Rune(value);
        }
    }

    /// <summary>Sends the request line as given and returns the status code of the answer.</summary>
    private async Task<int> StatusAsync(string target)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var client = new TcpClient();
        await client.ConnectAsync(archive.BaseAddress.Host, archive.BaseAddress.Port, deadline.Token);
        await using var stream = client.GetStream();
        var request = $"GET {target} HTTP/1.1\r\nHost: {archive.BaseAddress.Authority}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request), deadline.Token);
        var buffer = new byte[64];
        var read = 0;
        while (read < 12)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), deadline.Token);
            if (n == 0) break;
            read += n;
        }
        var line = Encoding.ASCII.GetString(buffer, 0, read);
        return line.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && int.TryParse(line.AsSpan(9, 3), CultureInfo.InvariantCulture, out var status)
            ? status
            : throw new InvalidOperationException($"No HTTP answer to GET {Shorten(target)}: '{line}'");
    }

    private static string Shorten(string target) => target.Length <= 200 ? target : target[..200] + $"… ({target.Length} chars)";
}
