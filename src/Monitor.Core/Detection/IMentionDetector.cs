namespace MinistryMonitor.Core.Detection;

/// <summary>Finds mentions of the tracked topics and decides which of them are new.</summary>
public interface IMentionDetector
{
    IReadOnlyList<Topic> Topics { get; }

    /// <summary>All mentions in a text.</summary>
    IReadOnlyList<Mention> Match(string text);

    /// <summary>
    /// Mentions in <paramref name="currentText"/> that lie in text inserted or changed since
    /// <paramref name="previousText"/>; all mentions when there is no previous version.
    /// </summary>
    DetectionResult Detect(string? previousText, string currentText);
}
