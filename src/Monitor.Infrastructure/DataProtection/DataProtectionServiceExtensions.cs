using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MinistryMonitor.Infrastructure.Storage;

namespace MinistryMonitor.Infrastructure.DataProtection;

public static class DataProtectionServiceExtensions
{
    /// <summary>
    /// The name every host shares: Data Protection isolates key rings (and names the antiforgery cookie) by application
    /// name, which by default is the content root and so differs between the Function App and <c>monitor serve</c>.
    /// </summary>
    public const string ApplicationName = "Ministry Monitor";

    /// <summary>
    /// One Data Protection key ring for all hosts on the same storage, kept in the private container
    /// <c>Storage:DataProtectionContainer</c> (<see cref="BlobXmlRepository"/>): a form rendered by one Function App
    /// instance is accepted by another, and by <c>monitor serve</c> after a restart.
    /// </summary>
    public static IServiceCollection AddMonitorDataProtection(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var clients = sp.GetRequiredService<StorageClients>();
            return new BlobXmlRepository(clients.Blobs.GetBlobContainerClient(clients.Options.DataProtectionContainer), sp.GetRequiredService<ILogger<BlobXmlRepository>>());
        });
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<BlobXmlRepository>((options, repository) => options.XmlRepository = repository);
        return services;
    }
}
