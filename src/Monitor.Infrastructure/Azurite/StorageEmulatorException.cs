namespace MinistryMonitor.Infrastructure.Azurite;

/// <summary>The local storage emulator cannot be installed or started; the message says what to install or set.</summary>
public sealed class StorageEmulatorException(string message, Exception? inner = null) : Exception(message, inner);
