using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MinistryMonitor.Core.Subscriptions;

/// <summary>What a signed link lets its holder do, for one subscription only.</summary>
public enum TokenPurpose
{
    /// <summary>Leave (RFC 8058 one-click). Does not expire: a List-Unsubscribe link in an old e-mail must keep working.</summary>
    Unsubscribe,
    /// <summary>Open the manage page.</summary>
    Manage,
    /// <summary>Confirm a self-service subscription (double opt-in).</summary>
    Confirm,
}

public enum TokenCheck
{
    Valid,
    /// <summary>Not made with our key, altered, or not a token at all.</summary>
    Forged,
    Expired,
    /// <summary>Signed by us, but for another purpose or another subscription.</summary>
    NotForThis,
}

/// <summary>
/// Signed links for subscribers: <c>base64url(purpose.subscriptionId.expiry).base64url(HMAC-SHA256)</c>.
/// A token names one subscription (whose id is a hash of the address) and one purpose, so it cannot act on another
/// address or list anyone; without the key it cannot be made or altered.
/// </summary>
public sealed class SubscriberTokens
{
    public static readonly TimeSpan ManageLifetime = TimeSpan.FromDays(90);
    public static readonly TimeSpan ConfirmLifetime = TimeSpan.FromDays(7);

    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public SubscriberTokens(string signingKey, TimeProvider time)
    {
        if (string.IsNullOrEmpty(signingKey) || signingKey.Length < 16)
            throw new ArgumentException("The unsubscribe signing key must be at least 16 characters.", nameof(signingKey));
        _key = SHA256.HashData(Encoding.UTF8.GetBytes("ministry-monitor/subscriber-tokens/v1\n" + signingKey));
        _time = time;
    }

    public string Create(TokenPurpose purpose, string subscriptionId)
    {
        var lifetime = purpose switch
        {
            TokenPurpose.Manage => ManageLifetime,
            TokenPurpose.Confirm => ConfirmLifetime,
            _ => (TimeSpan?)null,
        };
        var expires = lifetime is { } l ? _time.GetUtcNow().Add(l).ToUnixTimeSeconds() : 0;
        var payload = $"{Code(purpose)}.{subscriptionId}.{expires.ToString(CultureInfo.InvariantCulture)}";
        var payloadBytes = Encoding.UTF8.GetBytes(payload);
        return Base64Url.EncodeToString(payloadBytes) + "." + Base64Url.EncodeToString(Sign(payloadBytes));
    }

    /// <summary>Checks a token and returns the subscription id it is for.</summary>
    public TokenCheck Check(string? token, TokenPurpose purpose, out string subscriptionId)
    {
        subscriptionId = string.Empty;
        if (string.IsNullOrEmpty(token) || token.Length > 512) return TokenCheck.Forged;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == token.Length - 1) return TokenCheck.Forged;
        byte[] payloadBytes, mac;
        try
        {
            payloadBytes = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            mac = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return TokenCheck.Forged;
        }
        if (!CryptographicOperations.FixedTimeEquals(mac, Sign(payloadBytes))) return TokenCheck.Forged;

        var parts = Encoding.UTF8.GetString(payloadBytes).Split('.');
        if (parts.Length != 3 || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)) return TokenCheck.Forged;
        if (parts[0] != Code(purpose)) return TokenCheck.NotForThis;
        if (expires != 0 && _time.GetUtcNow().ToUnixTimeSeconds() >= expires) return TokenCheck.Expired;
        subscriptionId = parts[1];
        return TokenCheck.Valid;
    }

    /// <summary>Checks a token for the subscription of a known address (a form that names the address as well).</summary>
    public TokenCheck CheckFor(string? token, TokenPurpose purpose, string address)
    {
        var check = Check(token, purpose, out var id);
        return check == TokenCheck.Valid && id != Subscription.IdOf(address) ? TokenCheck.NotForThis : check;
    }

    private byte[] Sign(byte[] payload) => HMACSHA256.HashData(_key, payload);

    private static string Code(TokenPurpose purpose) => purpose switch
    {
        TokenPurpose.Unsubscribe => "u",
        TokenPurpose.Manage => "m",
        TokenPurpose.Confirm => "c",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose)),
    };
}
