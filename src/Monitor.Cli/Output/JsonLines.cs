using MinistryMonitor.Core.Messages;

namespace MinistryMonitor.Cli.Output;

/// <summary>One JSON object per line, for scripts (<c>--json</c>).</summary>
public static class JsonLines
{
    public static void Write<T>(TextWriter writer, IEnumerable<T> items)
    {
        foreach (var item in items) writer.WriteLine(PipelineJson.Serialize(item));
    }
}
