using System.CommandLine;
using MinistryMonitor.Core.Extraction;

namespace MinistryMonitor.Cli.Commands;

/// <summary>Options several commands share, so they are spelled the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object per line instead of a table." };

    /// <summary>Every command takes -v: what each stage does, and the details of a failure.</summary>
    public static Option<bool> Verbose() => VerboseOption;

    private static readonly Option<bool> VerboseOption = new("--verbose", "-v")
    {
        Description = "Log what each stage does, and show the details (stack trace) of a failure.",
        Recursive = true,
    };

    public static Option<int> Limit(int defaultValue) => new("--limit", "-n")
    {
        Description = "How many rows to print.",
        DefaultValueFactory = _ => defaultValue,
    };

    /// <summary>Where the local Azurite and the outbox keep their files (default .monitor under the working directory); every command sees it.</summary>
    public static readonly Option<DirectoryInfo?> Data = new("--data")
    {
        Description = "Folder for the local storage and e-mails (default: .monitor in the working directory).",
        Recursive = true,
    };

    public static Option<FileInfo?> File(string name, string description) => new(name) { Description = description };

    /// <summary>
    /// <c>--selectors 'title=CSS;date=CSS;body=CSS;number=CSS'</c>, parsed in one place (<see cref="ExtractionSelectorsParser"/>):
    /// a malformed value is a usage error that names the option.
    /// </summary>
    public static Option<ExtractionSelectors> Selectors(string description) => new("--selectors")
    {
        Description = description,
        DefaultValueFactory = _ => ExtractionSelectors.None,
        CustomParser = result =>
        {
            try
            {
                return ExtractionSelectorsParser.Parse(result.Tokens.Single().Value);
            }
            catch (FormatException e)
            {
                result.AddError($"--selectors: {e.Message}");
                return ExtractionSelectors.None;
            }
        },
    };
}
