using System.Diagnostics;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MinistryMonitor.Functions;
using MinistryMonitor.Functions.Functions;

// What a cold start of the worker costs before it can take its first message: the host built through the real
// DI container (Program.cs's two lines) and each function's dependencies resolved. No storage is contacted.
var builder = FunctionsApplication.CreateBuilder(args);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
    ["Monitor:SourcesFile"] = Path.Combine(AppContext.BaseDirectory, "config", "sources.json"),
    ["Monitor:TopicsFile"] = Path.Combine(AppContext.BaseDirectory, "config", "topics.json"),
    ["Monitor:SubscriptionsFile"] = Path.Combine(AppContext.BaseDirectory, "config", "subscriptions.json"),
    ["Smtp:PickupDirectory"] = Path.GetTempPath(),
});
builder.AddMonitorFunctionsServices();
using var host = builder.Build();
using var scope = host.Services.CreateScope();
foreach (var function in new[] { typeof(DiscoverFunction), typeof(FetchFunction), typeof(DetectFunction), typeof(DeliverFunction), typeof(ScheduleFunction), typeof(WatchPoisonFunction) })
    ActivatorUtilities.CreateInstance(scope.ServiceProvider, function);

var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
Console.WriteLine($"worker host built and functions resolved {sinceStart.TotalMilliseconds:0} ms after process start");
