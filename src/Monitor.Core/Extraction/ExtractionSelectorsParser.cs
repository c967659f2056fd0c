namespace MinistryMonitor.Core.Extraction;

/// <summary>Reads selectors written as "title=CSS;date=CSS;body=CSS;number=CSS" (command line, configuration files).</summary>
public static class ExtractionSelectorsParser
{
    public static ExtractionSelectors Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return ExtractionSelectors.None;
        string? title = null, date = null, body = null, number = null;
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0) throw new FormatException($"Selector part '{part}' is not of the form name=CSS.");
            var value = part[(equals + 1)..].Trim();
            switch (part[..equals].Trim().ToLowerInvariant())
            {
                case "title": title = value; break;
                case "date": date = value; break;
                case "body": body = value; break;
                case "number": number = value; break;
                default: throw new FormatException($"Unknown selector name in '{part}': use title, date, body or number.");
            }
        }
        return new ExtractionSelectors(title, date, body, number);
    }
}
