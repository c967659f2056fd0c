namespace MinistryMonitor.Core.Delivery;

/// <summary>Someone who receives alerts for the topics they follow.</summary>
public sealed record Subscriber(string Email, string? Name, IReadOnlyList<string> Topics);
