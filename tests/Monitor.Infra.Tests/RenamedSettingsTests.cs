using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MinistryMonitor.Infrastructure.Configuration;
using MinistryMonitor.Infrastructure.Options;
using MinistryMonitor.Infrastructure.Subscriptions;

namespace MinistryMonitor.Infra.Tests;

/// <summary>
/// FETCH_SCHEDULE → DISCOVER_SCHEDULE, Unsubscribe:SigningKey → Links:SigningKey, Pipeline:* → LocalRunner:*: the old
/// names are read for one release with a warning at start-up, and the new name wins when both are set.
/// </summary>
public sealed class RenamedSettingsTests
{
    private const string OldKey = "old-signing-key-0123456789";
    private const string NewKey = "new-signing-key-0123456789";

    [Fact]
    public async Task AddRenamedSettings_OldNamesAlone_AreReadAsTheNewOnesAndWarnedAbout()
    {
        var (host, logs) = await StartAsync(new() { ["FETCH_SCHEDULE"] = "0 */7 * * * *", ["Unsubscribe:SigningKey"] = OldKey, ["Pipeline:MaxDequeueCount"] = "9" });
        using (host)
        {
            Assert.Equal("0 */7 * * * *", host.Services.GetRequiredService<IConfiguration>()["DISCOVER_SCHEDULE"]);
            Assert.Equal(OldKey, host.Services.GetRequiredService<IOptions<LinksOptions>>().Value.SigningKey);
            Assert.Equal(9, host.Services.GetRequiredService<IOptions<PipelineOptions>>().Value.MaxDequeueCount);
            Assert.Equal(3, logs.Count);
            Assert.Contains(logs, l => l.Contains("FETCH_SCHEDULE", StringComparison.Ordinal) && l.Contains("DISCOVER_SCHEDULE", StringComparison.Ordinal));
            Assert.Contains(logs, l => l.Contains("Unsubscribe:SigningKey", StringComparison.Ordinal) && l.Contains("Links:SigningKey", StringComparison.Ordinal));
            Assert.Contains(logs, l => l.Contains("Pipeline:MaxDequeueCount", StringComparison.Ordinal) && l.Contains("LocalRunner:MaxDequeueCount", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AddRenamedSettings_NewNamesAlone_AreReadWithoutWarning()
    {
        var (host, logs) = await StartAsync(new() { ["DISCOVER_SCHEDULE"] = "0 */7 * * * *", ["Links:SigningKey"] = NewKey, ["LocalRunner:MaxDequeueCount"] = "9" });
        using (host)
        {
            Assert.Equal("0 */7 * * * *", host.Services.GetRequiredService<IConfiguration>()["DISCOVER_SCHEDULE"]);
            Assert.Equal(NewKey, host.Services.GetRequiredService<IOptions<LinksOptions>>().Value.SigningKey);
            Assert.Equal(9, host.Services.GetRequiredService<IOptions<PipelineOptions>>().Value.MaxDequeueCount);
            Assert.Empty(logs);
        }
    }

    [Fact]
    public async Task AddRenamedSettings_BothNames_NewWinsAndTheOldIsWarnedAsIgnored()
    {
        var (host, logs) = await StartAsync(new()
        {
            ["FETCH_SCHEDULE"] = "0 */7 * * * *", ["DISCOVER_SCHEDULE"] = "0 */3 * * * *",
            ["Unsubscribe:SigningKey"] = OldKey, ["Links:SigningKey"] = NewKey,
            ["Pipeline:MaxDequeueCount"] = "9", ["LocalRunner:MaxDequeueCount"] = "4",
        });
        using (host)
        {
            Assert.Equal("0 */3 * * * *", host.Services.GetRequiredService<IConfiguration>()["DISCOVER_SCHEDULE"]);
            Assert.Equal(NewKey, host.Services.GetRequiredService<IOptions<LinksOptions>>().Value.SigningKey);
            Assert.Equal(4, host.Services.GetRequiredService<IOptions<PipelineOptions>>().Value.MaxDequeueCount);
            Assert.Equal(3, logs.Count);
            Assert.All(logs, l => Assert.Contains("is ignored", l, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void RenamedSettings_All_NameTheThreeRenamesOfThisRelease()
    {
        Assert.Equal(
            [("FETCH_SCHEDULE", "DISCOVER_SCHEDULE"), ("Unsubscribe", "Links"), ("Pipeline", "LocalRunner")],
            RenamedSettings.All.Select(r => (r.Old, r.New)));
    }

    /// <summary>A host with only the renamed settings' handling and the options that read them, started so its start-up warnings run.</summary>
    private static async Task<(IHost Host, IReadOnlyCollection<string> Warnings)> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        var warnings = new ConcurrentQueue<string>();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new WarningCollector(warnings));
        builder.AddRenamedSettings();
        builder.Services.AddOptions<LinksOptions>().BindConfiguration(LinksOptions.SectionName);
        builder.Services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.SectionName);
        var host = builder.Build();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StartAsync(deadline.Token);
        await host.StopAsync(deadline.Token);
        return (host, warnings);
    }

    private sealed class WarningCollector(ConcurrentQueue<string> warnings) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(warnings);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> warnings) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) warnings.Enqueue(formatter(state, exception));
            }
        }
    }
}
