using MinistryMonitor.Core.Configuration;

namespace MinistryMonitor.Web.Security;

/// <summary>The two kinds of caller the web host tells apart.</summary>
public static class WebPolicies
{
    /// <summary>Reader pages and <c>/api/statements*</c>: anyone, unless <see cref="WebOptions.RequireSignIn"/>.</summary>
    public const string Reader = "reader";

    /// <summary>The operator console and its API: a signed-in caller with an operator role or on the allowed list.</summary>
    public const string Operator = "operator";
}
