namespace MinistryMonitor.Cli.Commands;

/// <summary>The exit codes of every <c>monitor</c> command (the table in README.md).</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The command ran but its work failed: a page could not be extracted, every page of a folder was refused.</summary>
    public const int Failed = 1;

    /// <summary>A mistake to fix in the command line, a configuration file or a setting; the message names it.</summary>
    public const int Usage = 2;

    /// <summary>Storage cannot be reached: Node.js or Azurite missing or not starting, or the configured account refusing.</summary>
    public const int StorageUnavailable = 3;

    /// <summary>Another command on the same data folder holds what this one needs alone (the search index); try again once it ends.</summary>
    public const int Busy = 75;

    /// <summary>Stopped by Ctrl+C or SIGTERM (after handing back the messages it held).</summary>
    public const int Interrupted = 130;

    /// <summary>An unexpected error (a bug): one line, and the details with <c>-v</c>.</summary>
    public const int InternalError = 70;
}
