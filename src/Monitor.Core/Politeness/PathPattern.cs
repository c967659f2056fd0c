namespace MinistryMonitor.Core.Politeness;

/// <summary>
/// A robots.txt path pattern (RFC 9309 2.2.3): a prefix match in which <c>*</c> stands for any run of characters and a
/// final <c>$</c> for the end of the path. Matched without backtracking: the literal pieces between stars are found
/// left to right, each at its first occurrence after the previous one, which is a match whenever any placement is (an
/// earlier piece leaves more room to those after it); a final <c>$</c> puts the last piece at the end. Each piece is
/// searched once, so a check costs at most path length × pattern length, and about path + pattern in practice, however
/// many stars a hostile robots.txt writes (<c>/*a*a*a…*a b</c>).
/// </summary>
public sealed class PathPattern
{
    private readonly string[] _pieces;
    private readonly bool _anchoredAtEnd;

    /// <param name="text">Percent-encoded as <see cref="RobotsTxtLines.EscapePattern"/> leaves it.</param>
    public PathPattern(string text)
    {
        Text = text;
        _anchoredAtEnd = text.EndsWith('$');
        _pieces = (_anchoredAtEnd ? text[..^1] : text).Split('*');
    }

    public string Text { get; }

    public bool Matches(string path)
    {
        var first = _pieces[0];
        if (!path.StartsWith(first, StringComparison.Ordinal)) return false;
        if (_pieces.Length == 1) return !_anchoredAtEnd || path.Length == first.Length;

        var position = first.Length;
        for (var i = 1; i < _pieces.Length - 1; i++)
        {
            var piece = _pieces[i];
            if (piece.Length == 0) continue;
            var at = path.IndexOf(piece, position, StringComparison.Ordinal);
            if (at < 0) return false;
            position = at + piece.Length;
        }
        var last = _pieces[^1];
        if (!_anchoredAtEnd) return last.Length == 0 || path.IndexOf(last, position, StringComparison.Ordinal) >= 0;
        return path.Length - last.Length >= position && path.EndsWith(last, StringComparison.Ordinal);
    }
}
