namespace MinistryMonitor.Infrastructure.Azurite;

/// <summary>An Azurite this process uses and must let go of when it ends: its own, or one shared by a data folder's commands.</summary>
public interface ILocalAzurite : IAsyncDisposable
{
    string ConnectionString { get; }

    /// <summary>The Azurite (node) process.</summary>
    int AzuriteProcessId { get; }

    /// <summary>The supervisor that stops Azurite when its owners are gone.</summary>
    int SupervisorProcessId { get; }
}
