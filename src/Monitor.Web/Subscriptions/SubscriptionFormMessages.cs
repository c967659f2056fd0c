using MinistryMonitor.Core.Subscriptions;

namespace MinistryMonitor.Web.Subscriptions;

/// <summary>
/// What the subscribe and manage pages say for each outcome, in the words of the form rather than of the API.
/// None of them tells a visitor whether an address is subscribed: a new address and a subscribed one get the same page
/// (the e-mail itself says which it is, to the address's owner only).
/// </summary>
public static class SubscriptionFormMessages
{
    public const string SentTitle = "Check your inbox";

    /// <summary>The same page whether the address was new (a confirmation link) or subscribed already (a manage link).</summary>
    public static string Sent(string address) =>
        $"We sent an e-mail to {address}. Follow the link in it to confirm your alerts (if this address already receives them, the e-mail has a link to change them instead). Nothing else is sent before you do.";

    /// <summary>The problem with a form, led by the name of the field as the form shows it.</summary>
    public static string For(SubscriptionException ex)
    {
        var label = ex.Field switch
        {
            "address" => "E-mail address",
            "topic" => "Topics",
            "terms" => "Your own terms",
            "source" => "Ministries",
            "hour" => "Hour",
            "tz" => "Time zone",
            "locale" => "Language",
            _ => ex.Field,
        };
        var problem = ex.Problem == "missing" ? "please fill this in" : ex.Problem;
        return $"{label}: {problem}.";
    }
}
