using System.Globalization;
using System.Text;

namespace MinistryMonitor.Core.Tests.Fetching.Feedparser;

/// <summary>
/// A small evaluator for the Python expressions of feedparser's test headers (<c>not bozo and entries[0]['link'] == '…'</c>):
/// names, subscripts, attribute access, string/number/tuple/dict literals, <c>+</c>, chained <c>==</c>/<c>!=</c>,
/// <c>not</c>, <c>and</c>, <c>or</c>. Anything else (function calls, other operators) is <see cref="NotApplicableException"/>.
/// Both sides of <c>and</c> are evaluated, so that every key a case checks is looked up and an unsupported one is seen.
/// </summary>
public sealed class PythonExpression
{
    private readonly List<string> _tokens;
    private int _at;
    private readonly Func<string, object?> _names;

    private PythonExpression(string text, Func<string, object?> names)
    {
        _tokens = Tokenize(text);
        _names = names;
    }

    /// <summary>The expression's truth, with <paramref name="names"/> giving the top-level names' values.</summary>
    public static bool Evaluate(string text, Func<string, object?> names)
    {
        var expression = new PythonExpression(text, names);
        var value = expression.Or();
        if (expression._at != expression._tokens.Count) throw new NotApplicableException($"cannot read '{expression._tokens[expression._at]}'");
        return Truthy(value);
    }

    private object? Or()
    {
        var value = And();
        while (Accept("or"))
        {
            var right = And();
            value = Truthy(value) ? value : right;
        }
        return value;
    }

    private object? And()
    {
        var value = Not();
        while (Accept("and"))
        {
            var right = Not();
            value = Truthy(value) ? right : value;
        }
        return value;
    }

    private object? Not() => Accept("not") ? !Truthy(Not()) : Comparison();

    private object? Comparison()
    {
        var left = Sum();
        object? result = null;
        while (Peek() is "==" or "!=")
        {
            var op = _tokens[_at++];
            var right = Sum();
            var holds = Values.Equal(left, right) == (op == "==");
            result = result is null ? holds : (bool)result && holds;
            left = right;
        }
        return result ?? left;
    }

    private object? Sum()
    {
        var value = Postfix();
        while (Accept("+"))
        {
            var right = Postfix();
            value = value is string a && right is string b ? a + b : throw new NotApplicableException("'+' of non-strings");
        }
        return value;
    }

    private object? Postfix()
    {
        var value = Primary();
        while (true)
        {
            if (Accept("["))
            {
                var key = Or();
                Expect("]");
                value = Values.Index(value, key);
            }
            else if (Accept("."))
            {
                var name = _tokens[_at++];
                if (Peek() == "(") throw new NotApplicableException($"calls .{name}()");
                value = Values.Index(value, name);
            }
            else if (Peek() == "(")
            {
                throw new NotApplicableException("calls a function");
            }
            else
            {
                return value;
            }
        }
    }

    private object? Primary()
    {
        var token = _tokens[_at++];
        if (token == "(")
        {
            var items = new List<object?>();
            while (!Accept(")"))
            {
                items.Add(Or());
                Accept(",");
            }
            return items;
        }
        if (token == "{")
        {
            var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
            while (!Accept("}"))
            {
                var key = Or() as string ?? throw new NotApplicableException("non-string dict key");
                Expect(":");
                dict[key] = Or();
                Accept(",");
            }
            return dict;
        }
        if (token[0] is '\'' or '"') return token[1..];
        if (char.IsAsciiDigit(token[0]) || token[0] == '-')
            return token.Contains('.', StringComparison.Ordinal) ? (object)double.Parse(token, CultureInfo.InvariantCulture) : long.Parse(token, CultureInfo.InvariantCulture);
        return token switch
        {
            "None" => null,
            "True" => true,
            "False" => false,
            _ => _names(token),
        };
    }

    private string? Peek() => _at < _tokens.Count ? _tokens[_at] : null;

    private bool Accept(string token)
    {
        if (Peek() != token) return false;
        _at++;
        return true;
    }

    private void Expect(string token)
    {
        if (!Accept(token)) throw new NotApplicableException($"expected '{token}'");
    }

    private static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        long n => n != 0,
        string s => s.Length > 0,
        System.Collections.ICollection c => c.Count > 0,
        _ => true,
    };

    /// <summary>Tokens; a string literal is its quote followed by its decoded value.</summary>
    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if ((c is 'u' or 'b') && i + 1 < text.Length && text[i + 1] is '\'' or '"' && (i == 0 || !char.IsLetterOrDigit(text[i - 1]))) { i++; continue; }
            if (c is '\'' or '"')
            {
                var value = new StringBuilder();
                i++;
                while (i < text.Length && text[i] != c)
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                        switch (text[i])
                        {
                            case 'n': value.Append('\n'); i++; break;
                            case 't': value.Append('\t'); i++; break;
                            case 'r': value.Append('\r'); i++; break;
                            case 'x': value.Append((char)Convert.ToInt32(text.Substring(i + 1, 2), 16)); i += 3; break;
                            case 'u': value.Append((char)Convert.ToInt32(text.Substring(i + 1, 4), 16)); i += 5; break;
                            case 'U': value.Append(char.ConvertFromUtf32(Convert.ToInt32(text.Substring(i + 1, 8), 16))); i += 9; break;
                            default: value.Append(text[i]); i++; break;
                        }
                    }
                    else
                    {
                        value.Append(text[i++]);
                    }
                }
                i++;
                tokens.Add(c + value.ToString());
                continue;
            }
            if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                var start = i++;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
                tokens.Add(text[start..i]);
                continue;
            }
            if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i++;
                tokens.Add(text[start..i]);
                continue;
            }
            if ((c is '=' or '!') && i + 1 < text.Length && text[i + 1] == '=') { tokens.Add(text.Substring(i, 2)); i += 2; continue; }
            if ("[](){},.:+".Contains(c, StringComparison.Ordinal)) { tokens.Add(c.ToString()); i++; continue; }
            throw new NotApplicableException($"operator '{c}'");
        }
        return tokens;
    }
}

/// <summary>The case checks something this evaluator or the monitor's feed model does not have.</summary>
public sealed class NotApplicableException(string reason) : Exception(reason);
