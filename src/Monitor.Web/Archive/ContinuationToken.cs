using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Monitor.Web.Archive;

/// <summary>An opaque cursor for the in-process listings: the position of the next row, base64url-encoded.</summary>
internal static class ContinuationToken
{
    private const string Prefix = "o:";

    public static string Encode(int offset) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Zero for no token; <see cref="ArgumentException"/> for one this server did not hand out.</summary>
    public static int Decode(string? token)
    {
        if (string.IsNullOrEmpty(token)) return 0;
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            if (text.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
                return offset;
        }
        catch (FormatException)
        {
            // Falls through to the one error below: a token is either ours or meaningless.
        }
        throw new ArgumentException("The continuation token is not one this server handed out; start again without it.", nameof(token));
    }

    public static Page<T> Slice<T>(IReadOnlyList<T> all, string? token, int pageSize)
    {
        var offset = Decode(token);
        var items = all.Skip(offset).Take(pageSize).ToList();
        var next = offset + items.Count < all.Count ? Encode(offset + items.Count) : null;
        return new Page<T>(items, next);
    }
}
