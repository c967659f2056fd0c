using MinistryMonitor.Infrastructure.DataProtection;
using MinistryMonitor.Core.Configuration;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MinistryMonitor.Infrastructure.Azurite;
using MinistryMonitor.Web;

namespace MinistryMonitor.Cli.Local;

/// <summary>
/// <c>monitor serve</c>: the web reader, operator console and JSON API on Kestrel, on the same storage and
/// configuration as <c>monitor run</c>. It listens on loopback only, so the operator pages are open to this machine
/// and to nobody else.
/// </summary>
public sealed class LocalWebServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ILocalAzurite? _azurite;

    private LocalWebServer(WebApplication app, ILocalAzurite? azurite, Uri address)
    {
        _app = app;
        _azurite = azurite;
        Address = address;
    }

    /// <summary>Where it listens, e.g. http://127.0.0.1:5080/.</summary>
    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="port">0 picks a free port.</param>
    /// <param name="configureServices">Runs after the web services are added (tests replace a service with it).</param>
    public static async Task<LocalWebServer> StartAsync(LocalMonitorOptions options, int port, CancellationToken cancellationToken, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        var settings = new Dictionary<string, string?>(options.Settings)
        {
            [$"{WebOptions.SectionName}:{nameof(WebOptions.Authentication)}"] = nameof(WebAuthentication.Loopback),
        };
        var azurite = await LocalMonitor.ConfigureAsync(builder, options with { Settings = settings }, cancellationToken);
        try
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            // Antiforgery keys kept unencrypted in the local storage (Azurite) are what a loopback-only server needs; no warning.
            builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
            builder.AddMonitorWebServices();
            // The web host's key ring (forms, antiforgery) in blob storage, shared by every host on the same storage; only
            // web hosts register it, so commands without storage (check-source) never wait on it.
            builder.Services.AddMonitorDataProtection();
            configureServices?.Invoke(builder.Services);
            var app = builder.Build();
            LocalMonitor.LogStorage(app.Services.GetRequiredService<ILogger<LocalWebServer>>(), azurite, options);
            app.UseMonitorWeb();
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            return new LocalWebServer(app, azurite, new Uri(address.EndsWith('/') ? address : address + "/"));
        }
        catch
        {
            if (azurite is not null) await azurite.DisposeAsync();
            throw;
        }
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
            if (_azurite is not null) await _azurite.DisposeAsync();
        }
    }
}
