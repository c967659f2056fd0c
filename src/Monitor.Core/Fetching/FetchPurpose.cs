namespace MinistryMonitor.Core.Fetching;

/// <summary>What a fetched URL is expected to be; a feed URL answering HTML is a challenge page, not a broken feed.</summary>
public enum FetchPurpose
{
    Page,
    Feed,
    Listing,
}
