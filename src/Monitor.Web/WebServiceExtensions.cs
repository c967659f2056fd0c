using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MinistryMonitor.Core.Configuration;
using MinistryMonitor.Web.Archive;
using MinistryMonitor.Web.Limits;
using MinistryMonitor.Web.Security;

namespace MinistryMonitor.Web;

public static class WebServiceExtensions
{
    /// <summary>
    /// The web reader, operator console and JSON API, for both hosts (the Function App and <c>monitor serve</c>).
    /// Call after <c>AddMonitorServices</c>, whose storage and configuration (including <see cref="WebOptions"/>) it reads.
    /// </summary>
    public static IHostApplicationBuilder AddMonitorWebServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRouting();
        services.AddProblemDetails();
        services.AddAntiforgery();
        services.AddRazorComponents();
        services.AddSubscriberLimits();
        services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Ministry Monitor API";
            document.Info.Description = "Archived ministry statements, their versions and diffs (public), and the operators' listings (sign-in).";
            return Task.CompletedTask;
        }));

        var scheme = builder.Configuration.GetValue($"{WebOptions.SectionName}:{nameof(WebOptions.Authentication)}", WebAuthentication.AppService) switch
        {
            WebAuthentication.Loopback => LoopbackAuthenticationHandler.SchemeName,
            _ => AppServiceAuthenticationHandler.SchemeName,
        };
        services.AddAuthentication(scheme)
            .AddScheme<AuthenticationSchemeOptions, AppServiceAuthenticationHandler>(AppServiceAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, LoopbackAuthenticationHandler>(LoopbackAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(WebPolicies.Reader, p => p.AddRequirements(new ReaderRequirement()))
            .AddPolicy(WebPolicies.Operator, p => p.RequireAuthenticatedUser().AddRequirements(new OperatorRequirement()));
        services.AddSingleton<IAuthorizationHandler, ReaderHandler>();
        services.AddSingleton<IAuthorizationHandler, OperatorHandler>();

        services.AddSingleton<SourceNames>();
        services.AddSingleton<StatementBrowser>();
        services.AddSingleton<ArchiveActivity>();
        services.AddSingleton<MonitorWebPipeline>();
        return builder;
    }

    internal static int PageSize(this IServiceProvider services) => services.GetRequiredService<IOptions<WebOptions>>().Value.PageSize;
}
