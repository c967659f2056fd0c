using System.CommandLine;

namespace MinistryMonitor.Cli.Commands;

/// <summary><c>monitor match --topics FILE TEXT_FILE</c>: every mention in a text, one JSON object per line.</summary>
internal static class MatchCommand
{
    public static Command Create()
    {
        var topics = new Option<FileInfo>("--topics") { Description = "topics.json to match against", Required = true };
        var text = new Argument<FileInfo>("TEXT_FILE") { Description = "statement text (paragraphs separated by blank lines)" };
        var command = new Command("match", "Print every topic mention in a statement text as JSON lines.") { topics, text };
        command.SetAction(parseResult =>
        {
            var detector = DetectionOutput.LoadDetector(parseResult.GetValue(topics)!);
            var content = DetectionOutput.ReadText(parseResult.GetValue(text)!);
            if (detector is null || content is null) return 2;
            DetectionOutput.Print(detector.Match(content));
            return 0;
        });
        return command;
    }
}
