using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MinistryMonitor.Infrastructure.Configuration;

/// <summary>At start-up, names every old setting name still in use and the name that replaces it.</summary>
public sealed class RenamedSettingsWarning(IReadOnlyList<RenamedSettingUse> uses, ILogger<RenamedSettingsWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var use in uses)
        {
            if (use.NewIsSet)
                logger.LogWarning("Setting {OldSetting} is ignored: {NewSetting}, its new name, is set too and wins. Remove {OldSetting}", use.OldKey, use.NewKey, use.OldKey);
            else
                logger.LogWarning("Setting {OldSetting} is read as {NewSetting}, its new name; the old name is read for this release only. Rename it", use.OldKey, use.NewKey);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class RenamedSettingsExtensions
{
    /// <summary>
    /// Reads the renamed settings' old names for one release (<see cref="RenamedSettings"/>) and warns of them at start-up.
    /// Call before anything binds a renamed setting.
    /// </summary>
    public static IHostApplicationBuilder AddRenamedSettings(this IHostApplicationBuilder builder)
    {
        var uses = RenamedSettings.Apply(builder.Configuration);
        builder.Services.AddHostedService(sp => new RenamedSettingsWarning(uses, sp.GetRequiredService<ILogger<RenamedSettingsWarning>>()));
        return builder;
    }
}
