using Microsoft.AspNetCore.Http;

namespace Monitor.Web;

internal static class WebPaths
{
    public static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
