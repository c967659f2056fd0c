using System.CommandLine;

namespace MinistryMonitor.Cli.Commands;

/// <summary><c>monitor diff --topics FILE OLD NEW</c>: only the mentions that are new in the new version, one JSON object per line.</summary>
internal static class DiffCommand
{
    public static Command Create()
    {
        var topics = new Option<FileInfo>("--topics") { Description = "topics.json to match against", Required = true };
        var oldText = new Argument<FileInfo>("OLD_TEXT_FILE") { Description = "the previous version of the statement" };
        var newText = new Argument<FileInfo>("NEW_TEXT_FILE") { Description = "the current version of the statement" };
        var command = new Command("diff", "Print the topic mentions that lie in text inserted or changed since the previous version.") { topics, oldText, newText };
        command.SetAction(parseResult =>
        {
            var detector = DetectionOutput.LoadDetector(parseResult.GetValue(topics)!);
            var previous = DetectionOutput.ReadText(parseResult.GetValue(oldText)!);
            var current = DetectionOutput.ReadText(parseResult.GetValue(newText)!);
            if (detector is null || previous is null || current is null) return 2;
            DetectionOutput.Print(detector.Detect(previous, current).NewMentions);
            return 0;
        });
        return command;
    }
}
