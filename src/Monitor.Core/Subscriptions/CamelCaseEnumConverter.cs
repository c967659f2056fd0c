using System.Text.Json;
using System.Text.Json.Serialization;

namespace MinistryMonitor.Core.Subscriptions;

/// <summary>Enums as camelCase strings ("daily", "weekly") wherever they are serialized, as in <see cref="Messages.PipelineJson"/>.</summary>
public sealed class CamelCaseEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase) where T : struct, Enum;
