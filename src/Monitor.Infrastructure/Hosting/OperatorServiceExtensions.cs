using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MinistryMonitor.Core.Operators;
using MinistryMonitor.Infrastructure.Options;
using MinistryMonitor.Infrastructure.Storage;

namespace MinistryMonitor.Infrastructure.Hosting;

public static class OperatorServiceExtensions
{
    /// <summary>Operator alerts: the <c>Operators:Emails</c> setting, the alert log table, and their delivery by e-mail.</summary>
    public static IServiceCollection AddOperatorAlerts(this IServiceCollection services)
    {
        services.AddOptions<OperatorOptions>().BindConfiguration(OperatorOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new OperatorContacts(OperatorContacts.Split(sp.GetRequiredService<IOptions<OperatorOptions>>().Value.Emails)));
        services.AddSingleton<IOperatorAlertLog, TableOperatorAlertLog>();
        services.AddTransient<OperatorNotifier>();
        services.AddTransient<OperatorAlertDelivery>();
        return services;
    }
}
