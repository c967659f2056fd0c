namespace MinistryMonitor.Core.Extraction;

/// <summary>The input cannot be turned into a statement (binary content, too large, invalid selector...).</summary>
public sealed class ExtractionException : Exception
{
    public ExtractionException(string message) : base(message) { }

    public ExtractionException(string message, Exception inner) : base(message, inner) { }
}
