using Microsoft.AspNetCore.Http;

namespace MinistryMonitor.Web;

internal static class WebPaths
{
    public static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
