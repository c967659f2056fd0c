namespace MinistryMonitor.Core.Extraction;

/// <summary>
/// Prompts to the reader under an article ("Follow us on...", "Subscribe now to our edition", "Únete a nuestro
/// canal de Telegram", "Get the latest news with our app"): the site speaking about itself, not the statement.
/// Only whole phrases of address are matched, so a statement's own last sentence about Twitter is not one.
/// </summary>
internal static class ReaderPrompts
{
    /// <summary>Longest paragraph read as a prompt; a longer one is prose.</summary>
    private const int MaxPromptChars = 220;

    private static readonly string[] Phrases =
    [
        "follow us", "sign up here", "sign up now", "subscribe now", "subscribe to our", "newsletter",
        "send us a message", "canal de telegram", "canal de youtube", "canal de whatsapp", "únete", "suscríbete",
        "síguenos", "folgen sie uns", "jetzt abonnieren", "abonnieren sie", "abonnez-vous", "suivez-nous",
        "inscrivez-vous",
        // Share prompts and the headings of related-article teasers, whose links the cleaning already removed.
        "share this", "artikel teilen", "beitrag teilen", "partager cet article", "you may also like",
        "you might also like", "könnte sie auch interessieren", "lesen sie auch", "lee también", "à lire aussi",
        "not logged in", "nicht eingeloggt",
    ];

    private static readonly string[] AppInvitations = ["download", "your phone", "get the latest"];

    public static bool IsPrompt(string paragraph)
    {
        if (paragraph.Length > MaxPromptChars) return false;
        foreach (var phrase in Phrases)
            if (paragraph.Contains(phrase, StringComparison.OrdinalIgnoreCase)) return true;
        return MentionsApp(paragraph) && AppInvitations.Any(p => paragraph.Contains(p, StringComparison.OrdinalIgnoreCase));
    }

    private static bool MentionsApp(string paragraph) =>
        paragraph.Contains(" app ", StringComparison.OrdinalIgnoreCase)
        || paragraph.Contains(" app.", StringComparison.OrdinalIgnoreCase)
        || paragraph.Contains(" apps ", StringComparison.OrdinalIgnoreCase);
}
