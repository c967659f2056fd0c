using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MinistryMonitor.Infrastructure.Http;
using MinistryMonitor.IntegrationTests.Fetching;

namespace MinistryMonitor.Infrastructure.Tests.Http;

public sealed class FetchSafetyNoticeTests
{
    [Theory]
    [InlineData("true", 1)]
    [InlineData("false", 0)]
    public async Task StartAsync_AllowPrivateNetworks_IsStatedAsAWarningOnlyWhenOn(string allow, int warnings)
    {
        var logged = new ConcurrentQueue<(LogLevel Level, string Message)>();
        await using var services = FetchServices.Build(new Dictionary<string, string?> { ["Fetch:AllowPrivateNetworks"] = allow },
            s => s.AddLogging(b => b.AddProvider(new ListLoggerProvider(logged))));

        foreach (var hosted in services.GetServices<IHostedService>().OfType<FetchSafetyNotice>())
            await hosted.StartAsync(CancellationToken.None);

        Assert.Equal(warnings, logged.Count(l => l.Level == LogLevel.Warning && l.Message.Contains("Fetch:AllowPrivateNetworks is on", StringComparison.Ordinal)));
    }

    private sealed class ListLoggerProvider(ConcurrentQueue<(LogLevel, string)> logged) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(logged);

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(ConcurrentQueue<(LogLevel, string)> logged) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logged.Enqueue((logLevel, formatter(state, exception)));
    }
}
