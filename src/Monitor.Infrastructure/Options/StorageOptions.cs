using System.ComponentModel.DataAnnotations;

namespace MinistryMonitor.Infrastructure.Options;

/// <summary>
/// Where the archive, queues and tables live. Give a connection string (Azurite, <c>UseDevelopmentStorage=true</c>,
/// or an account key), or an account name to connect with a managed identity.
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    public string? ConnectionString { get; set; }

    /// <summary>Storage account name, used with a managed identity when no connection string is given.</summary>
    public string? AccountName { get; set; }

    /// <summary>Client id of the user-assigned managed identity; empty for the system-assigned one or developer credentials.</summary>
    public string? ManagedIdentityClientId { get; set; }

    [Required, RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    public string ArchiveContainer { get; set; } = "archive";

    [Required, RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    public string FeedContainer { get; set; } = "feeds";

    /// <summary>Private container of the web host's Data Protection keys (antiforgery), shared by all its instances.</summary>
    [Required, RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    public string DataProtectionContainer { get; set; } = "dataprotection";

    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string TablePrefix { get; set; } = "Monitor";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && string.IsNullOrWhiteSpace(AccountName))
            yield return new ValidationResult("Set Storage:ConnectionString or Storage:AccountName.", [nameof(ConnectionString), nameof(AccountName)]);
        else if (!string.IsNullOrWhiteSpace(ConnectionString) && ConnectionStringError(ConnectionString) is { } error)
            yield return new ValidationResult($"Storage:ConnectionString is not a storage connection string: {error}", [nameof(ConnectionString)]);
    }

    private static string? ConnectionStringError(string connectionString)
    {
        try
        {
            // The SDK's own parser: what it refuses here, it would refuse at the first request.
            _ = new Azure.Storage.Queues.QueueServiceClient(connectionString);
            return null;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            return ex.Message;
        }
    }
}
