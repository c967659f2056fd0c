using System.Net;
using System.Net.Sockets;

namespace MinistryMonitor.IntegrationTests.Subscriptions;

internal static class SubscriberTestData
{
    public const string Listing = "<html><body><a href=\"/news/1.html\">1</a></body></html>";
    public const string ListingWithSecond = "<html><body><a href=\"/news/1.html\">1</a><a href=\"/news/2.html\">2</a></body></html>";

    public static string Statement(string paragraph) =>
        $"<html><body><article><h1>Statement on &lt;transport&gt;</h1><p>{paragraph}</p><p>Other matters were discussed at length by the delegations.</p></article></body></html>";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string Between(string text, string start, char end)
    {
        var at = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{start}' not found in:\n{text}");
        var stop = text.IndexOfAny([end, '\r', '\n', ' ', '"', '>'], at + start.Length);
        return text[at..(stop < 0 ? text.Length : stop)];
    }
}
