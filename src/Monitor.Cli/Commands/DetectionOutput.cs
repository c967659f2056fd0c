using System.Text.Json;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Configuration;
using MinistryMonitor.Core.Detection;

namespace MinistryMonitor.Cli.Commands;

/// <summary>What <c>match</c> and <c>diff</c> share: loading topics and texts with operator-readable errors, and JSON lines.</summary>
internal static class DetectionOutput
{
    public static MentionDetector? LoadDetector(FileInfo topics)
    {
        try
        {
            return new MentionDetector(TopicCatalog.Load(topics.FullName));
        }
        catch (ConfigurationFileException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return null;
        }
    }

    public static string? ReadText(FileInfo file)
    {
        if (file.Exists) return File.ReadAllText(file.FullName);
        Console.Error.WriteLine($"error: {file.FullName}: file not found");
        return null;
    }

    public static void Print(IEnumerable<Mention> mentions)
    {
        var output = Console.Out;
        foreach (var mention in mentions) output.WriteLine(PipelineJson.Serialize(mention));
    }
}
