namespace MinistryMonitor.Core.Subscriptions;

/// <summary>
/// One e-mail per address per window from the self-service door, across every instance (Table Storage in
/// production): the time the last one went out is kept per address.
/// </summary>
public interface IAddressMailWindow
{
    /// <summary>
    /// Null when an e-mail to <paramref name="address"/> may go now (and the window starts again now); otherwise when
    /// the next one may.
    /// </summary>
    Task<DateTimeOffset?> TryOpenAsync(string address, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Gives the window back after the e-mail it was opened for could not be sent, so a retry is not refused.</summary>
    Task ReleaseAsync(string address, CancellationToken cancellationToken);
}

/// <summary>The address was e-mailed from the self-service door less than a window ago; try again after <see cref="RetryAt"/>.</summary>
public sealed class AddressMailLimitException(DateTimeOffset retryAt)
    : Exception($"An e-mail went to this address recently; the next may go at {retryAt:u}.")
{
    public DateTimeOffset RetryAt { get; } = retryAt;
}
