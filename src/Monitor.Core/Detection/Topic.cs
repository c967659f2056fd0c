namespace Monitor.Core.Detection;

/// <summary>A tracked topic: an id subscribers refer to, a display name and the terms that mention it.</summary>
public sealed record Topic(string Id, string Name, IReadOnlyList<string> Terms);
