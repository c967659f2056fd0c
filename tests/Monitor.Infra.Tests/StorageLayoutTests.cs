using System.Reflection;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Infrastructure.Storage;

namespace MinistryMonitor.Infra.Tests;

/// <summary>
/// What the generated functions.metadata and the code expect of the storage account is what the Bicep provisions:
/// queues (each with its -poison queue), tables (Storage__TablePrefix + name) and blob containers.
/// </summary>
[Trait("Category", "Slow")]
public sealed class StorageLayoutTests
{
    private const string QueueType = "Microsoft.Storage/storageAccounts/queueServices/queues";
    private const string TableType = "Microsoft.Storage/storageAccounts/tableServices/tables";
    private const string ContainerType = "Microsoft.Storage/storageAccounts/blobServices/containers";

    private static IReadOnlySet<string> Queues => ArmTemplate.Main.ChildNames(QueueType);

    [Fact]
    public void FunctionsMetadata_Functions_MatchTheFunctionMethodsOfTheBuild()
    {
        // A stale or empty functions.metadata would make the checks below pass or fail for the wrong reason.
        var functionsAssembly = typeof(MinistryMonitor.Functions.FunctionsServiceExtensions).Assembly;
        var declared = functionsAssembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => m.GetCustomAttribute<Microsoft.Azure.Functions.Worker.FunctionAttribute>()?.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(declared);
        Assert.Equal(declared.Order(StringComparer.Ordinal), FunctionsMetadata.FunctionNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void QueueTriggers_InFunctionsMetadata_AreProvisionedWithPoisonQueues()
    {
        var triggers = FunctionsMetadata.Triggers("queueTrigger").ToList();
        Assert.NotEmpty(triggers);

        var missing = new List<string>();
        foreach (var trigger in triggers)
        {
            var queue = trigger.Property("queueName");
            if (string.IsNullOrEmpty(queue))
            {
                missing.Add($"{trigger.Function}: the queue trigger has no queueName");
                continue;
            }
            if (queue.Contains('%'))
            {
                missing.Add($"{trigger.Function}: queueName '{queue}' is a setting; give the queue a fixed name so that the Bicep can create it");
                continue;
            }
            if (!Queues.Contains(queue)) missing.Add($"{trigger.Function}: queue '{queue}'");
            if (!Queues.Contains(queue + "-poison")) missing.Add($"{trigger.Function}: poison queue '{queue}-poison' (the host moves messages there after maxDequeueCount)");
        }

        Assert.True(missing.Count == 0, "infra/app/storage.bicep does not create:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void TimerTriggers_InFunctionsMetadata_HaveTheirScheduleSettingSet()
    {
        var timers = FunctionsMetadata.Triggers("timerTrigger").ToList();
        Assert.NotEmpty(timers);
        var settings = ArmTemplate.Main.AppSettings();

        var problems = new List<string>();
        foreach (var timer in timers)
        {
            var schedule = timer.Property("schedule") ?? "";
            if (schedule.Length > 2 && schedule.StartsWith('%') && schedule.EndsWith('%'))
            {
                var name = schedule.Trim('%');
                if (!settings.TryGetValue(name, out var value) || string.IsNullOrWhiteSpace(value))
                    problems.Add($"{timer.Function}: schedule setting {name} is not set");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(settings.ContainsKey(MinistryMonitor.Functions.Functions.ScheduleFunction.ScheduleSetting), "DISCOVER_SCHEDULE is not set");
    }

    [Fact]
    public void CodeQueues_EveryQueueTheCodeWrites_IsProvisionedWithPoisonQueue()
    {
        // Queues the stages send to, including operator-alerts, which no function triggers on.
        var code = typeof(QueueNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.Contains(QueueNames.OperatorAlerts, code);

        var missing = code.SelectMany(q => new[] { q, QueueNames.PoisonOf(q) }).Where(q => !Queues.Contains(q)).ToList();

        Assert.True(missing.Count == 0, "infra/app/storage.bicep does not create the queues: " + string.Join(", ", missing));
    }

    [Fact]
    public void StorageSettings_TablePrefix_NamesEveryProvisionedTable()
    {
        var settings = ArmTemplate.Main.AppSettings();
        var prefix = Literal(settings, "Storage__TablePrefix");
        var tables = ArmTemplate.Main.ChildNames(TableType);

        var missing = StorageClients.TableNames.All.Select(t => prefix + t).Where(t => !tables.Contains(t)).ToList();

        Assert.True(missing.Count == 0, $"Storage__TablePrefix is '{prefix}' but infra/app/storage.bicep does not create: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("Storage__ArchiveContainer")]
    [InlineData("Storage__FeedContainer")]
    [InlineData("Storage__DataProtectionContainer")]
    public void StorageSettings_Container_IsProvisioned(string setting)
    {
        var container = Literal(ArmTemplate.Main.AppSettings(), setting);

        Assert.Contains(container, ArmTemplate.Main.ChildNames(ContainerType));
    }

    private static string Literal(IReadOnlyDictionary<string, string> settings, string name)
    {
        Assert.True(settings.TryGetValue(name, out var value), $"{name} is not set");
        Assert.False(value!.StartsWith('['), $"{name} is the expression {value}: keep it a literal in function.bicep so that it can be checked against storage.bicep");
        return value;
    }
}
