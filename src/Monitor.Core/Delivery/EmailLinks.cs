namespace MinistryMonitor.Core.Delivery;

/// <summary>The links every subscriber e-mail carries: one-click unsubscribe (also in List-Unsubscribe) and the manage page.</summary>
public sealed record EmailLinks(Uri Unsubscribe, Uri Manage)
{
    /// <summary>The RFC 2369 / RFC 8058 header fields that let mailbox providers offer a one-click unsubscribe.</summary>
    public IReadOnlyDictionary<string, string> Headers => new Dictionary<string, string>
    {
        ["List-Unsubscribe"] = $"<{Unsubscribe.AbsoluteUri}>",
        ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
    };
}

/// <summary>Who an e-mail goes to.</summary>
public sealed record MailRecipient(string Address, string? Name);
