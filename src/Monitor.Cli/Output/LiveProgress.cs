using MinistryMonitor.Core.Messages;
using MinistryMonitor.Infrastructure.Hosting;
using Spectre.Console;

namespace MinistryMonitor.Cli.Output;

/// <summary>
/// The live line of <c>run</c> and <c>demo</c> while a cycle works: sources due, messages handled per stage,
/// failures, and why it waits. Only on a terminal; redirected output gets just the summaries.
/// </summary>
internal static class LiveProgress
{
    public static async Task<T> RunAsync<T>(TextWriter output, string title, Func<IProgress<CycleProgress>?, Task<T>> work)
    {
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
            return await work(null);
        return await AnsiConsole.Status()
            .Spinner(Spinner.Known.Dots)
            .StartAsync(Markup.Escape(title), context => work(new StatusReporter(context, title)));
    }

    public static string Describe(CycleProgress progress)
    {
        var stages = string.Join(", ", QueueNames.Pipeline.Select(q => $"{q} {progress.HandledByQueue.GetValueOrDefault(q)}"));
        var line = $"{progress.SourcesScheduled} sources due; handled: {stages}; {progress.Failed} failed, {progress.Poisoned} poisoned";
        return progress.Waiting is null ? line : $"{line}. {progress.Waiting}";
    }

    private sealed class StatusReporter(StatusContext context, string title) : IProgress<CycleProgress>
    {
        public void Report(CycleProgress value) => context.Status(Markup.Escape($"{title}: {Describe(value)}"));
    }
}
