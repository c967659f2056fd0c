using System.Globalization;
using System.Text.RegularExpressions;

namespace MinistryMonitor.Infrastructure.Azurite;

/// <summary>Reads Azurite's start-up line "Azurite Blob service is successfully listening at http://127.0.0.1:41234".</summary>
public static partial class AzuriteListening
{
    [GeneratedRegex(@"^Azurite (?<service>Blob|Queue|Table) service is successfully listening at \S+:(?<port>\d{1,5})/?\s*$")]
    private static partial Regex Line();

    public static bool TryParse(string line, out string service, out int port)
    {
        var match = Line().Match(line);
        service = match.Success ? match.Groups["service"].Value : "";
        port = match.Success ? int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture) : 0;
        return match.Success && port is > 0 and <= 65535;
    }
}
