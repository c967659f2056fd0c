using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace MinistryMonitor.Cli.Local;

/// <summary>
/// Locally, subscribers' links need a signing key and a public address too. Unless configured, the key is made
/// once and kept in the data folder (beside Azurite's, so links in e-mails already sent keep working; in memory
/// when the data is), and the address is that of `monitor serve` on this machine.
/// </summary>
internal static class LocalSubscriberSettings
{
    public const string DefaultPublicBaseUrl = "http://localhost:5080";

    public static void AddDefaults(IConfigurationManager configuration, string? dataDirectory)
    {
        var defaults = new Dictionary<string, string?>();
        if (string.IsNullOrWhiteSpace(configuration["Links:SigningKey"]))
            defaults["Links:SigningKey"] = dataDirectory is null ? NewKey() : LocalKey(dataDirectory);
        if (string.IsNullOrWhiteSpace(configuration["Web:PublicBaseUrl"]))
            defaults["Web:PublicBaseUrl"] = DefaultPublicBaseUrl;
        if (defaults.Count > 0) configuration.AddInMemoryCollection(defaults);
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static string LocalKey(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "unsubscribe-signing-key");
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length >= 16) return existing;
            File.Delete(path); // unusable (too short): replaced
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Commands started together on a new folder (serve and run) must end up with one key, or the links one of
        // them signs would stop working: the key is written whole under another name and moved into place only if
        // no other command did so first; then that command's key is the one.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, NewKey());
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
        return File.ReadAllText(path).Trim();
    }
}
