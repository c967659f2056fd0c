using System.Globalization;
using System.Net;
using System.Text;

namespace MinistryMonitor.Core.Delivery;

/// <summary>The two parts of an e-mail's body.</summary>
public sealed record EmailBody(string Html, string Text);

/// <summary>
/// The one template of every subscriber e-mail (alert, digest, confirmation, withdrawal): composers add blocks, and
/// each block is written twice, into an HTML document and into a plain-text part that reads on its own.
/// The HTML is what mail clients render well: one centred table at most 600 px wide (layout tables marked
/// presentation), CSS inline on each element (clients drop or ignore style sheets), colours that read on light and on
/// dark backgrounds, a dark palette for clients that honour <c>prefers-color-scheme</c>, <c>lang</c> and a
/// <c>&lt;title&gt;</c>. Every string is HTML-encoded here, so composers never write markup; only http(s) links are made.
/// </summary>
public sealed class EmailLayout
{
    private const string Font = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
    private const string Ink = "color:#1f2328;";
    private const string Muted = "color:#57606a;";
    private const string LinkStyle = "color:#0550ae;text-decoration:underline;";
    private const string MarkStyle = "background:#ffe58a;color:#1f2328;padding:0 2px;font-weight:bold;";

    // Only clients that honour the media query read this (Apple Mail, iOS, Outlook for Mac, Thunderbird); the others
    // keep the inline light palette, or invert it themselves, which the contrasts above survive.
    private const string DarkPalette =
        "@media (prefers-color-scheme: dark){" +
        ".mm-page{background:#0d1117 !important}" +
        ".mm-card{background:#161b22 !important;color:#e6edf3 !important}" +
        ".mm-card h1,.mm-card h2,.mm-card h3,.mm-card p,.mm-card li{color:#e6edf3 !important}" +
        ".mm-card .mm-muted{color:#9da7b3 !important}" +
        ".mm-card a{color:#79c0ff !important}" +
        ".mm-card .mm-del{color:#ffa198 !important}" +
        ".mm-card .mm-ins{color:#7ee787 !important}" +
        ".mm-card .mm-quote{border-color:#3d444d !important}" +
        ".mm-card .mm-button{background:#1f6feb !important;color:#ffffff !important}" +
        "}";

    private readonly string _title;
    private readonly EmailLocale _locale;
    private readonly StringBuilder _html = new();
    private readonly StringBuilder _text = new();
    private bool _inList;

    /// <param name="title">The document's &lt;title&gt;: the subject, usually.</param>
    public EmailLayout(string title, EmailLocale locale)
    {
        _title = title;
        _locale = locale;
    }

    public EmailLocale Locale => _locale;

    /// <summary>A paragraph; <paramref name="strong"/> is shown in bold where it occurs (the topic's name, say).</summary>
    public EmailLayout Paragraph(string text, string? strong = null)
    {
        var html = strong is null ? Encode(text) : EmailMarks.Html(text, [strong], tag: "strong");
        return Block($"<p style=\"margin:0 0 16px;{Ink}\">{html}</p>", text);
    }

    /// <summary>The e-mail's one heading (an alert's statement title, linking to its page).</summary>
    public EmailLayout Heading(string text, Uri? link = null) =>
        Block($"<h1 style=\"margin:0 0 {(link is null ? 16 : 8)}px;font-size:22px;line-height:1.3;{Ink}\">{Anchor(text, link)}</h1>",
            $"{text}{Environment.NewLine}{new string('=', Math.Min(text.Length, 72))}", gap: link is null);

    /// <summary>A small grey line under a heading: when, where.</summary>
    public EmailLayout Meta(string text) =>
        Block($"<p class=\"mm-muted\" style=\"margin:0 0 16px;font-size:14px;{Muted}\">{Encode(text)}</p>", text);

    /// <summary>Links side by side in HTML, one "label: address" line each in text.</summary>
    public EmailLayout Links(params (string Label, Uri Href)[] links) =>
        Block($"<p style=\"margin:0 0 16px;{Ink}\">{string.Join(" · ", links.Select(l => Anchor(l.Label, l.Href)))}</p>",
            string.Join(Environment.NewLine, links.Select(l => $"{l.Label}: {l.Href.AbsoluteUri}")));

    /// <summary>The one thing to do (confirm, manage): a large link drawn as a button.</summary>
    public EmailLayout Button(string label, Uri href) =>
        Block($"<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"margin:0 0 16px;\"><tr><td style=\"border-radius:6px;background:#0969da;\">"
              + $"<a class=\"mm-button\" href=\"{Href(href)}\" style=\"display:inline-block;padding:12px 20px;border-radius:6px;background:#0969da;color:#ffffff;text-decoration:none;font-weight:bold;{Font}\">{Encode(label)}</a>"
              + "</td></tr></table>", $"{label}: {href.AbsoluteUri}");

    /// <summary>A sentence quoted from a statement, the mention marked.</summary>
    public EmailLayout Quote(string text, IReadOnlyList<string> marks) =>
        Block($"<p class=\"mm-quote\" style=\"margin:0 0 16px;padding:4px 0 4px 12px;border-left:4px solid #d0d7de;{Ink}\">{EmailMarks.Html(text, marks, MarkStyle)}</p>",
            $"  … {EmailMarks.Text(text, marks)}");

    /// <summary>What an edit changed: the sentence as it was (struck) and as it is now, the new mention marked.</summary>
    public EmailLayout Change(string? removed, string? inserted, IReadOnlyList<string> marks)
    {
        var html = new StringBuilder("<div class=\"mm-quote\" style=\"margin:0 0 16px;padding:4px 0 4px 12px;border-left:4px solid #d0d7de;\">");
        var text = new StringBuilder();
        if (removed is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"margin:0 0 8px;{Ink}\"><span class=\"mm-muted\" style=\"font-size:13px;{Muted}\">Before: </span><del class=\"mm-del\" style=\"color:#b42318;\">{Encode(removed)}</del></p>");
            text.Append(CultureInfo.InvariantCulture, $"  - {removed}");
        }
        if (inserted is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"margin:0;{Ink}\"><span class=\"mm-muted\" style=\"font-size:13px;{Muted}\">Now: </span><ins class=\"mm-ins\" style=\"color:#116329;text-decoration:none;\">{EmailMarks.Html(inserted, marks, MarkStyle)}</ins></p>");
            if (text.Length > 0) text.AppendLine();
            text.Append(CultureInfo.InvariantCulture, $"  + {EmailMarks.Text(inserted, marks)}");
        }
        return Block(html.Append("</div>").ToString(), text.ToString());
    }

    /// <summary>A section of a digest (a topic).</summary>
    public EmailLayout Section(string heading) =>
        Block($"<h2 style=\"margin:24px 0 8px;font-size:19px;{Ink}\">{Encode(heading)}</h2>", $"== {heading} ==", gap: false);

    /// <summary>A group inside a section (a ministry).</summary>
    public EmailLayout Group(string heading) =>
        Block($"<h3 style=\"margin:16px 0 8px;font-size:16px;{Ink}\">{Encode(heading)}</h3>", $"{heading}:", gap: false);

    /// <summary>One entry of a list (a digest's statement): title linking to its page, a note, a quoted snippet.</summary>
    public EmailLayout Item(string title, Uri link, string? note, string? snippet, IReadOnlyList<string> marks)
    {
        if (!_inList)
        {
            _html.Append("<ul style=\"margin:0 0 16px;padding:0 0 0 20px;\">");
            _inList = true;
        }
        _html.Append(CultureInfo.InvariantCulture, $"<li style=\"margin:0 0 12px;{Ink}\">{Anchor(title, link)}");
        if (note is not null) _html.Append(CultureInfo.InvariantCulture, $" <span class=\"mm-muted\" style=\"{Muted}\">{Encode(note)}</span>");
        if (snippet is not null) _html.Append(CultureInfo.InvariantCulture, $"<br><span style=\"font-size:14px;\">… {EmailMarks.Html(snippet, marks, MarkStyle)}</span>");
        _html.Append("</li>");
        _text.Append(CultureInfo.InvariantCulture, $"  - {title}{(note is null ? string.Empty : " " + note)}  {link.AbsoluteUri}").AppendLine();
        if (snippet is not null) _text.Append(CultureInfo.InvariantCulture, $"    … {EmailMarks.Text(snippet, marks)}").AppendLine();
        return this;
    }

    /// <summary>Small print: why this e-mail came.</summary>
    public EmailLayout Note(string text) =>
        Block($"<p class=\"mm-muted\" style=\"margin:16px 0 0;font-size:14px;{Muted}\">{Encode(text)}</p>", text);

    /// <summary>The finished document and text, with the manage and unsubscribe links at the foot when the e-mail has them.</summary>
    public EmailBody Render(EmailLinks? links = null, Uri? manageOnly = null)
    {
        CloseList();
        var footHtml = new StringBuilder();
        var footText = new StringBuilder();
        if (links is not null)
        {
            footHtml.Append(CultureInfo.InvariantCulture, $"{Anchor("Manage your alerts", links.Manage)} · {Anchor("Unsubscribe", links.Unsubscribe)}");
            footText.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Manage your alerts: {links.Manage.AbsoluteUri}")
                .AppendLine(CultureInfo.InvariantCulture, $"Unsubscribe: {links.Unsubscribe.AbsoluteUri}");
        }
        else if (manageOnly is not null)
        {
            footHtml.Append(Anchor("Manage your alerts", manageOnly));
            footText.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Manage your alerts: {manageOnly.AbsoluteUri}");
        }

        var lang = Encode(_locale.Language);
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{lang}\" dir=\"ltr\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"color-scheme\" content=\"light dark\"><meta name=\"supported-color-schemes\" content=\"light dark\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{Encode(_title)}</title><style>{DarkPalette}</style></head>")
            .Append(CultureInfo.InvariantCulture, $"<body class=\"mm-page\" style=\"margin:0;padding:0;background:#f6f8fa;\">")
            .Append(CultureInfo.InvariantCulture, $"<div role=\"article\" aria-roledescription=\"email\" aria-label=\"{Encode(_title)}\" lang=\"{lang}\">")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" class=\"mm-page\" style=\"background:#f6f8fa;\"><tr><td align=\"center\" style=\"padding:16px 8px;\">")
            .Append(CultureInfo.InvariantCulture, $"<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" class=\"mm-card\" style=\"max-width:600px;width:100%;background:#ffffff;{Ink}border:1px solid #d0d7de;border-radius:6px;\">")
            .Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding:24px;{Font}font-size:16px;line-height:1.5;text-align:left;\">")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"mm-muted\" style=\"margin:0 0 16px;font-size:13px;letter-spacing:0.04em;text-transform:uppercase;{Muted}\">Ministry Monitor</p>")
            .Append(_html)
            .Append("</td></tr>");
        if (footHtml.Length > 0)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"mm-muted\" style=\"padding:16px 24px;border-top:1px solid #d0d7de;{Font}font-size:14px;line-height:1.5;{Muted}\">{footHtml}</td></tr>");
        html.Append("</table></td></tr></table></div></body></html>");

        var text = new StringBuilder().Append(_text.ToString().TrimEnd()).AppendLine().Append(footText);
        return new EmailBody(html.ToString(), text.ToString());
    }

    private EmailLayout Block(string html, string text, bool gap = true)
    {
        CloseList();
        _html.Append(html);
        _text.AppendLine(text);
        if (gap) _text.AppendLine();
        return this;
    }

    private void CloseList()
    {
        if (!_inList) return;
        _html.Append("</ul>");
        _text.AppendLine();
        _inList = false;
    }

    /// <summary>A link only to http(s); anything else is shown as its text.</summary>
    private static string Anchor(string label, Uri? href) =>
        href is not null && href.IsAbsoluteUri && href.Scheme is "http" or "https"
            ? $"<a href=\"{Href(href)}\" style=\"{LinkStyle}\">{Encode(label)}</a>"
            : Encode(label);

    private static string Href(Uri href) => href.IsAbsoluteUri && href.Scheme is "http" or "https"
        ? Encode(href.AbsoluteUri)
        : throw new ArgumentException($"An e-mail links only to http(s) addresses, not '{href}'.", nameof(href));

    internal static string Encode(string value) => WebUtility.HtmlEncode(value);
}
