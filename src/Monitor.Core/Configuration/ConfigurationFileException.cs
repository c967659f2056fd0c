namespace MinistryMonitor.Core.Configuration;

/// <summary>
/// A hand-written configuration file (sources, topics, subscriptions) that cannot be used.
/// The message always names the file, the entry and the field so an operator can fix it without reading code.
/// </summary>
public sealed class ConfigurationFileException : Exception
{
    public ConfigurationFileException(string file, string? entryId, string? field, string problem, Exception? inner = null)
        : base(Format(file, entryId, field, problem), inner)
    {
        File = file;
        EntryId = entryId;
        Field = field;
        Problem = problem;
    }

    public string File { get; }
    public string? EntryId { get; }
    public string? Field { get; }
    public string Problem { get; }

    private static string Format(string file, string? entryId, string? field, string problem)
    {
        var where = file;
        if (entryId is not null) where += $": entry '{entryId}'";
        if (field is not null) where += $", field '{field}'";
        return $"{where}: {problem}";
    }
}
