namespace MinistryMonitor.Infra.Tests;

/// <summary>
/// Every setting the code reads is set by the Bicep: options classes (Section__Property) and the %NAME% settings
/// in trigger bindings. A setting may be left out only if it is listed in <see cref="NotSetOnAzure"/> with a reason.
/// </summary>
[Trait("Category", "Slow")]
public sealed class AppSettingsTests
{
    /// <summary>Settings the code binds that Azure deliberately leaves unset, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotSetOnAzure = new Dictionary<string, string>
    {
        ["Storage__ConnectionString"] =
            "The storage account has shared-key access disabled: the app connects with its managed identity (Storage__AccountName + Storage__ManagedIdentityClientId).",
        ["Web__Operators__"] =
            "On Azure operators are whoever holds the Monitor.Operator app role (Web__OperatorRoles__0); naming accounts is for a deployment without app roles.",
        ["Smtp__PickupDirectory"] =
            "Writes .eml files to a local folder instead of sending, for trying the monitor without a mail server; on Azure the disk is not kept and alerts must go to Smtp__Host.",
        ["Search__IndexPath"] =
            "Folder of the embedded Lucene index; on Azure search is Azure AI Search (Search__Endpoint), and the app's disk is not kept.",
        ["Search__InMemory"] =
            "An embedded index that lives as long as the process, for the demo and tests; Azure uses Azure AI Search.",
        ["Web__KnownNetworks__"] =
            "The only proxy in front of the worker is the Functions host on loopback, named in Web__KnownProxies; networks are for other front ends.",
        ["LocalRunner__MaxRetryDelaySeconds"] =
            "The local runner's ceiling on its doubling retry delay; the Functions host retries a message after host.json's fixed visibilityTimeout, which never grows.",
    };

    /// <summary>Settings the Flex Consumption plan rejects or ignores: the runtime and the package are in functionAppConfig.</summary>
    public static readonly IReadOnlyList<string> RejectedByFlexConsumption =
    [
        "FUNCTIONS_WORKER_RUNTIME",
        "FUNCTIONS_WORKER_RUNTIME_VERSION",
        "FUNCTIONS_EXTENSION_VERSION",
        "FUNCTIONS_MAX_HTTP_CONCURRENCY",
        "FUNCTIONS_WORKER_PROCESS_COUNT",
        "FUNCTIONS_WORKER_DYNAMIC_CONCURRENCY_ENABLED",
        "SCM_DO_BUILD_DURING_DEPLOYMENT",
        "ENABLE_ORYX_BUILD",
        "WEBSITE_RUN_FROM_PACKAGE",
        "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING",
        "WEBSITE_CONTENTSHARE",
        "WEBSITE_CONTENTOVERVNET",
        "WEBSITE_MAX_DYNAMIC_APPLICATION_SCALE_OUT",
        "WEBSITE_NODE_DEFAULT_VERSION",
        "WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED",
        "AzureWebJobsStorage", // a connection string: shared keys are disabled, the host uses AzureWebJobsStorage__* with the identity
    ];

    private static IReadOnlyDictionary<string, string> Bicep => ArmTemplate.Main.AppSettings();

    [Fact]
    public void OptionsClasses_Reflection_FindsTheSectionsTheCodeBinds()
    {
        // Guards the reflection itself: if it finds nothing, the next test would pass vacuously.
        var sections = CodeSettings.OptionsTypes(CodeSettings.InfrastructureAssembly).Select(t => CodeSettings.SectionName(t)).ToList();

        Assert.Contains("Storage", sections);
        Assert.Contains("Smtp", sections);
        Assert.Contains("Monitor", sections);
        Assert.Contains("Fetch", sections);
        Assert.Contains("LocalRunner", sections);
        Assert.Contains("Storage__AccountName", CodeSettings.BoundSettings(CodeSettings.InfrastructureAssembly).Keys);
        Assert.Contains("Web__Authentication", CodeSettings.AllBoundSettings().Keys);
    }

    [Fact]
    public void AppSettings_EveryOptionsProperty_IsSetOrListedAsNotSetOnAzure()
    {
        var bound = CodeSettings.AllBoundSettings();

        var missing = bound
            .Where(s => !NotSetOnAzure.ContainsKey(s.Key) && !IsSet(s.Key))
            .Select(s => $"{s.Key} (bound by {s.Value})")
            .ToList();

        Assert.True(missing.Count == 0,
            "The code binds settings that infra/app/function.bicep does not set. Set them there, or list them in " +
            $"{nameof(AppSettingsTests)}.{nameof(NotSetOnAzure)} with the reason:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void AppSettings_EveryPercentSettingInFunctionsMetadata_IsSet()
    {
        var percent = FunctionsMetadata.PercentSettings();
        Assert.NotEmpty(percent); // the timer's %DISCOVER_SCHEDULE% at least: an empty list means the metadata was not read

        var missing = percent.Where(s => !IsSet(s.Key)).Select(s => $"{s.Key}, used by {s.Value}").ToList();

        Assert.True(missing.Count == 0, "Trigger bindings resolve settings the Bicep does not set:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void NotSetOnAzure_EveryEntry_IsStillBoundAndStaysUnset()
    {
        var bound = CodeSettings.AllBoundSettings();

        // A stale entry (the property is gone) hides nothing but misleads: remove it.
        var stale = NotSetOnAzure.Keys.Where(k => !bound.ContainsKey(k)).ToList();
        Assert.True(stale.Count == 0, "Listed as not set on Azure but no longer bound by the code: " + string.Join(", ", stale));

        // Setting one of them contradicts its reason (e.g. a pickup directory would swallow every alert).
        var set = NotSetOnAzure.Keys.Where(k => Bicep.ContainsKey(k)).ToList();
        Assert.True(set.Count == 0, "Listed as deliberately unset on Azure but set by the Bicep: " + string.Join(", ", set));
    }

    [Fact]
    public void AppSettings_SecretSettings_AreKeyVaultReferences()
    {
        var secretLike = Bicep.Keys
            .Where(k => k.Contains("Password", StringComparison.OrdinalIgnoreCase)
                        || k.Contains("Secret", StringComparison.OrdinalIgnoreCase)
                        || k.EndsWith("SigningKey", StringComparison.OrdinalIgnoreCase)
                        || k.EndsWith("ApiKey", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.Contains("Smtp__Password", secretLike);
        Assert.Contains("Links__SigningKey", secretLike);

        var plain = secretLike.Where(k => !Bicep[k].Contains("@Microsoft.KeyVault(SecretUri=", StringComparison.Ordinal)).ToList();

        Assert.True(plain.Count == 0, "Secrets must be Key Vault references, not values in app settings: " + string.Join(", ", plain));
    }

    [Fact]
    public void AppSettings_FlexConsumption_ContainNoSettingThePlanRejects()
    {
        var rejected = RejectedByFlexConsumption.Where(Bicep.ContainsKey).ToList();

        Assert.True(rejected.Count == 0, "Flex Consumption rejects these app settings (use functionAppConfig): " + string.Join(", ", rejected));
    }

    [Fact]
    public void AppSettings_TriggerConnections_UseTheManagedIdentity()
    {
        // A binding without "connection" uses AzureWebJobsStorage.
        var connections = FunctionsMetadata.Bindings
            .Where(b => b.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase) && !b.Type.Equals("timerTrigger", StringComparison.OrdinalIgnoreCase))
            .Select(b => b.Property("connection") is { Length: > 0 } c ? c : "AzureWebJobsStorage")
            .Append("AzureWebJobsStorage") // the host's own storage (timer locks, leases)
            .Distinct()
            .ToList();

        var problems = new List<string>();
        foreach (var connection in connections)
        {
            if (Bicep.ContainsKey(connection))
                problems.Add($"{connection} is a connection string; shared keys are disabled, use {connection}__accountName with the identity");
            if (!Bicep.ContainsKey($"{connection}__accountName") && !Bicep.ContainsKey($"{connection}__queueServiceUri"))
                problems.Add($"{connection}__accountName (or __queueServiceUri) is not set");
            if (!Bicep.TryGetValue($"{connection}__credential", out var credential) || credential != "managedidentity")
                problems.Add($"{connection}__credential is not 'managedidentity'");
            if (!Bicep.ContainsKey($"{connection}__clientId"))
                problems.Add($"{connection}__clientId is not set (the identity is user-assigned)");
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static bool IsSet(string name) =>
        name.EndsWith("__", StringComparison.Ordinal)
            ? Bicep.Keys.Any(k => k.StartsWith(name, StringComparison.OrdinalIgnoreCase))
            : Bicep.ContainsKey(name);
}
