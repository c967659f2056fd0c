// Ported from google/robotstxt (commit 22b355f), robots_test.cc:
//
// Copyright 2019 Google LLC
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//     https://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.
//
// Changes: the C++ test bodies are transcribed to C# (each EXPECT is one case of the theories below, named by its
// TEST and its line here); IsUserAgentAllowed runs RobotsTxt.Parse and IsAllowed on the path Google's
// GetPathParamsQuery takes from the URL (ported below); the parse-handler tests count RobotsTxtLines' records.
// The original file is kept beside the repository in ../shared/conformance/robotstxt (with its LICENSE).
#pragma warning disable IDE1006 // The C++ tests' names and variables are kept, to compare with the original.

using System.Runtime.CompilerServices;
using System.Text;
using MinistryMonitor.Core.Politeness;

namespace MinistryMonitor.Core.Tests.Politeness;

/// <summary>google/robotstxt's published test cases against <see cref="RobotsTxt"/> and <see cref="RobotsTxtLines"/>.</summary>
public sealed class GoogleRobotsTxtConformanceTests
{
    public sealed record Case(string Test, int Line, Func<bool> Check, bool Expected);

    private static readonly Lazy<Dictionary<string, Case>> All = new(() =>
    {
        var cases = new List<Case>();
        GoogleOnly_SystemTest(cases);
        ID_LineSyntax_Line(cases);
        ID_LineSyntax_Groups(cases);
        ID_LineSyntax_Groups_OtherRules(cases);
        ID_REPLineNamesCaseInsensitive(cases);
        ID_VerifyValidUserAgentsToObey(cases);
        ID_UserAgentValueCaseInsensitive(cases);
        GoogleOnly_AcceptUserAgentUpToFirstSpace(cases);
        ID_GlobalGroups_Secondary(cases);
        ID_AllowDisallow_Value_CaseSensitive(cases);
        ID_LongestMatch(cases);
        ID_Encoding(cases);
        ID_SpecialCharacters(cases);
        GoogleOnly_IndexHTMLisDirectory(cases);
        GoogleOnly_LineTooLong(cases);
        GoogleOnly_DocumentationChecks(cases);
        LinesNumbersAreCountedCorrectly(cases);
        UTF8ByteOrderMarkIsSkipped(cases);
        NonStandardLineExample_Sitemap(cases);
        TestGetPathParamsQuery(cases);
        TestMaybeEscapePattern(cases);
        return cases.ToDictionary(c => Key(c.Test, c.Line));
    });

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var c in All.Value.Values) data.Add(c.Test, c.Line);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GoogleCase_AsPublished_GivesTheExpectedAnswer(string test, int line)
    {
        var c = All.Value[Key(test, line)];
        Assert.Equal(c.Expected, c.Check());
    }

    [Fact]
    public void GoogleCases_AllTranscribed_AreTwoHundredAndOne()
    {
        // 145 IsUserAgentAllowed, 11 IsValidUserAgentToObey, 22 parse-handler counts, 19 GetPathParamsQuery, 4 MaybeEscapePattern.
        Assert.Equal(201, All.Value.Count);
    }

    private static string Key(string test, int line) => $"{test}:{line}";

    private static bool IsUserAgentAllowed(string robotstxt, string useragent, string url) =>
        RobotsTxt.Parse(robotstxt, useragent).IsAllowed(GetPathParamsQuery(url));

    private static void Expect(List<Case> cases, bool expected, string robotstxt, string useragent, string url,
        [CallerMemberName] string test = "", [CallerLineNumber] int line = 0) =>
        cases.Add(new Case(test, line, () => IsUserAgentAllowed(robotstxt, useragent, url), expected));

    private static void ExpectValidAgent(List<Case> cases, bool expected, string? agent,
        [CallerMemberName] string test = "", [CallerLineNumber] int line = 0) =>
        cases.Add(new Case(test, line, () => RobotsTxt.IsValidProductToken(agent), expected));

    private static void ExpectEqual<T>(List<Case> cases, T expected, Func<T> actual,
        [CallerMemberName] string test = "", [CallerLineNumber] int line = 0) =>
        cases.Add(new Case(test, line, () => EqualityComparer<T>.Default.Equals(expected, actual()), true));

    private static void GoogleOnly_SystemTest(List<Case> cases)
    {
      var robotstxt =
          "user-agent: FooBot\n" +
          "disallow: /\n";
      // Empty robots.txt: everything allowed.
      Expect(cases, true, "", "FooBot", "");

      // Empty user-agent to be matched: everything allowed.
      Expect(cases, true, robotstxt, "", "");

      // Empty url: implicitly disallowed, see method comment for GetPathParamsQuery
      // in robots.cc.
      Expect(cases, false, robotstxt, "FooBot", "");

      // All params empty: same as robots.txt empty, everything allowed.
      Expect(cases, true, "", "", "");
    }
    // Rules are colon separated name-value pairs. The following names are
    // provisioned:
    //     user-agent: <value>
    //     allow: <value>
    //     disallow: <value>
    // See REP RFC section "Protocol Definition".
    // https://www.rfc-editor.org/rfc/rfc9309.html#section-2.1
    //
    // Google specific: webmasters sometimes miss the colon separator, but it's
    // obvious what they mean by "disallow /", so we assume the colon if it's
    // missing.
    private static void ID_LineSyntax_Line(List<Case> cases)
    {
      var robotstxt_correct =
          "user-agent: FooBot\n" +
          "disallow: /\n";
      var robotstxt_incorrect =
          "foo: FooBot\n" +
          "bar: /\n";
      var robotstxt_incorrect_accepted =
          "user-agent FooBot\n" +
          "disallow /\n";
      var url = "http://foo.bar/x/y";

      Expect(cases, false, robotstxt_correct, "FooBot", url);
      Expect(cases, true, robotstxt_incorrect, "FooBot", url);
      Expect(cases, false, robotstxt_incorrect_accepted, "FooBot", url);
    }

    // A group is one or more user-agent line followed by rules, and terminated
    // by a another user-agent line. Rules for same user-agents are combined
    // opaquely into one group. Rules outside groups are ignored.
    // See REP RFC section "Protocol Definition".
    // https://www.rfc-editor.org/rfc/rfc9309.html#section-2.1
    private static void ID_LineSyntax_Groups(List<Case> cases)
    {
      var robotstxt =
          "allow: /foo/bar/\n" +
          "\n" +
          "user-agent: FooBot\n" +
          "disallow: /\n" +
          "allow: /x/\n" +
          "user-agent: BarBot\n" +
          "disallow: /\n" +
          "allow: /y/\n" +
          "\n" +
          "\n" +
          "allow: /w/\n" +
          "user-agent: BazBot\n" +
          "\n" +
          "user-agent: FooBot\n" +
          "allow: /z/\n" +
          "disallow: /\n";

      var url_w = "http://foo.bar/w/a";
      var url_x = "http://foo.bar/x/b";
      var url_y = "http://foo.bar/y/c";
      var url_z = "http://foo.bar/z/d";
      var url_foo = "http://foo.bar/foo/bar/";

      Expect(cases, true, robotstxt, "FooBot", url_x);
      Expect(cases, true, robotstxt, "FooBot", url_z);
      Expect(cases, false, robotstxt, "FooBot", url_y);
      Expect(cases, true, robotstxt, "BarBot", url_y);
      Expect(cases, true, robotstxt, "BarBot", url_w);
      Expect(cases, false, robotstxt, "BarBot", url_z);
      Expect(cases, true, robotstxt, "BazBot", url_z);

      // Lines with rules outside groups are ignored.
      Expect(cases, false, robotstxt, "FooBot", url_foo);
      Expect(cases, false, robotstxt, "BarBot", url_foo);
      Expect(cases, false, robotstxt, "BazBot", url_foo);
    }

    // Group must not be closed by rules not explicitly defined in the REP RFC.
    // See REP RFC section "Protocol Definition".
    // https://www.rfc-editor.org/rfc/rfc9309.html#section-2.1
    private static void ID_LineSyntax_Groups_OtherRules(List<Case> cases)
    {
      {
        var robotstxt =
            "User-agent: BarBot\n" +
            "Sitemap: https://foo.bar/sitemap\n" +
            "User-agent: *\n" +
            "Disallow: /\n";
        var url = "http://foo.bar/";
        Expect(cases, false, robotstxt, "FooBot", url);
        Expect(cases, false, robotstxt, "BarBot", url);
      }
      {
        var robotstxt =
            "User-agent: FooBot\n" +
            "Invalid-Unknown-Line: unknown\n" +
            "User-agent: *\n" +
            "Disallow: /\n";
        var url = "http://foo.bar/";
        Expect(cases, false, robotstxt, "FooBot", url);
        Expect(cases, false, robotstxt, "BarBot", url);
      }
    }

    // REP lines are case insensitive. See REP RFC section "Protocol Definition".
    // https://www.rfc-editor.org/rfc/rfc9309.html#section-2.1
    private static void ID_REPLineNamesCaseInsensitive(List<Case> cases)
    {
      var robotstxt_upper =
          "USER-AGENT: FooBot\n" +
          "ALLOW: /x/\n" +
          "DISALLOW: /\n";
      var robotstxt_lower =
          "user-agent: FooBot\n" +
          "allow: /x/\n" +
          "disallow: /\n";
      var robotstxt_camel =
          "uSeR-aGeNt: FooBot\n" +
          "AlLoW: /x/\n" +
          "dIsAlLoW: /\n";
      var url_allowed = "http://foo.bar/x/y";
      var url_disallowed = "http://foo.bar/a/b";

      Expect(cases, true, robotstxt_upper, "FooBot", url_allowed);
      Expect(cases, true, robotstxt_lower, "FooBot", url_allowed);
      Expect(cases, true, robotstxt_camel, "FooBot", url_allowed);
      Expect(cases, false, robotstxt_upper, "FooBot", url_disallowed);
      Expect(cases, false, robotstxt_lower, "FooBot", url_disallowed);
      Expect(cases, false, robotstxt_camel, "FooBot", url_disallowed);
    }

    // A user-agent line is expected to contain only [a-zA-Z_-] characters and must
    // not be empty. See REP RFC section "The user-agent line".
    // https://www.rfc-editor.org/rfc/rfc9309.html#section-2.2.1
    private static void ID_VerifyValidUserAgentsToObey(List<Case> cases)
    {
      ExpectValidAgent(cases, true, "Foobot");
      ExpectValidAgent(cases, true, "Foobot-Bar");
      ExpectValidAgent(cases, true, "Foo_Bar");

      ExpectValidAgent(cases, false, null);
      ExpectValidAgent(cases, false, "");
      ExpectValidAgent(cases, false, "ツ");

      ExpectValidAgent(cases, false, "Foobot*");
      ExpectValidAgent(cases, false, " Foobot ");
      ExpectValidAgent(cases, false, "Foobot/2.1");

      ExpectValidAgent(cases, false, "Foobot Bar");
    }

    // User-agent line values are case insensitive. See REP RFC section "The
    // user-agent line".
    // https://www.rfc-editor.org/rfc/rfc9309.html#section-2.2.1
    private static void ID_UserAgentValueCaseInsensitive(List<Case> cases)
    {
      var robotstxt_upper =
          "User-Agent: FOO BAR\n" +
          "Allow: /x/\n" +
          "Disallow: /\n";
      var robotstxt_lower =
          "User-Agent: foo bar\n" +
          "Allow: /x/\n" +
          "Disallow: /\n";
      var robotstxt_camel =
          "User-Agent: FoO bAr\n" +
          "Allow: /x/\n" +
          "Disallow: /\n";
      var url_allowed = "http://foo.bar/x/y";
      var url_disallowed = "http://foo.bar/a/b";

      Expect(cases, true, robotstxt_upper, "Foo", url_allowed);
      Expect(cases, true, robotstxt_lower, "Foo", url_allowed);
      Expect(cases, true, robotstxt_camel, "Foo", url_allowed);
      Expect(cases, false, robotstxt_upper, "Foo", url_disallowed);
      Expect(cases, false, robotstxt_lower, "Foo", url_disallowed);
      Expect(cases, false, robotstxt_camel, "Foo", url_disallowed);
      Expect(cases, true, robotstxt_upper, "foo", url_allowed);
      Expect(cases, true, robotstxt_lower, "foo", url_allowed);
      Expect(cases, true, robotstxt_camel, "foo", url_allowed);
      Expect(cases, false, robotstxt_upper, "foo", url_disallowed);
      Expect(cases, false, robotstxt_lower, "foo", url_disallowed);
      Expect(cases, false, robotstxt_camel, "foo", url_disallowed);
    }

    // Google specific: accept user-agent value up to the first space. Space is not
    // allowed in user-agent values, but that doesn't stop webmasters from using
    // them. This is more restrictive than the RFC, since in case of the bad value
    // "Googlebot Images" we'd still obey the rules with "Googlebot".
    // Extends REP RFC section "The user-agent line"
    // https://www.rfc-editor.org/rfc/rfc9309.html#section-2.2.1
    private static void GoogleOnly_AcceptUserAgentUpToFirstSpace(List<Case> cases)
    {
      ExpectValidAgent(cases, false, "Foobot Bar");
      var robotstxt =
          "User-Agent: *\n" +
          "Disallow: /\n" +
          "User-Agent: Foo Bar\n" +
          "Allow: /x/\n" +
          "Disallow: /\n";
      var url = "http://foo.bar/x/y";

      Expect(cases, true, robotstxt, "Foo", url);
      Expect(cases, false, robotstxt, "Foo Bar", url);
    }

    // If no group matches the user-agent, crawlers must obey the first group with a
    // user-agent line with a "*" value, if present. If no group satisfies either
    // condition, or no groups are present at all, no rules apply.
    // See REP RFC section "The user-agent line".
    // https://www.rfc-editor.org/rfc/rfc9309.html#section-2.2.1
    private static void ID_GlobalGroups_Secondary(List<Case> cases)
    {
      var robotstxt_empty = "";
      var robotstxt_global =
          "user-agent: *\n" +
          "allow: /\n" +
          "user-agent: FooBot\n" +
          "disallow: /\n";
      var robotstxt_only_specific =
          "user-agent: FooBot\n" +
          "allow: /\n" +
          "user-agent: BarBot\n" +
          "disallow: /\n" +
          "user-agent: BazBot\n" +
          "disallow: /\n";
      var url = "http://foo.bar/x/y";

      Expect(cases, true, robotstxt_empty, "FooBot", url);
      Expect(cases, false, robotstxt_global, "FooBot", url);
      Expect(cases, true, robotstxt_global, "BarBot", url);
      Expect(cases, true, robotstxt_only_specific, "QuxBot", url);
    }

    // Matching rules against URIs is case sensitive.
    // See REP RFC section "The Allow and Disallow lines".
    // https://www.rfc-editor.org/rfc/rfc9309.html#section-2.2.2
    private static void ID_AllowDisallow_Value_CaseSensitive(List<Case> cases)
    {
      var robotstxt_lowercase_url =
          "user-agent: FooBot\n" +
          "disallow: /x/\n";
      var robotstxt_uppercase_url =
          "user-agent: FooBot\n" +
          "disallow: /X/\n";
      var url = "http://foo.bar/x/y";

      Expect(cases, false, robotstxt_lowercase_url, "FooBot", url);
      Expect(cases, true, robotstxt_uppercase_url, "FooBot", url);
    }

    // The most specific match found MUST be used. The most specific match is the
    // match that has the most octets. In case of multiple rules with the same
    // length, the least strict rule must be used.
    // See REP RFC section "The Allow and Disallow lines".
    // https://www.rfc-editor.org/rfc/rfc9309.html#section-2.2.2
    private static void ID_LongestMatch(List<Case> cases)
    {
      var url = "http://foo.bar/x/page.html";
      {
        var robotstxt =
            "user-agent: FooBot\n" +
            "disallow: /x/page.html\n" +
            "allow: /x/\n";

        Expect(cases, false, robotstxt, "FooBot", url);
      }
      {
        var robotstxt =
            "user-agent: FooBot\n" +
            "allow: /x/page.html\n" +
            "disallow: /x/\n";

        Expect(cases, true, robotstxt, "FooBot", url);
        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar/x/");
      }
      {
        var robotstxt =
            "user-agent: FooBot\n" +
            "disallow: \n" +
            "allow: \n";
        // In case of equivalent disallow and allow patterns for the same
        // user-agent, allow is used.
        Expect(cases, true, robotstxt, "FooBot", url);
      }
      {
        var robotstxt =
            "user-agent: FooBot\n" +
            "disallow: /\n" +
            "allow: /\n";
        // In case of equivalent disallow and allow patterns for the same
        // user-agent, allow is used.
        Expect(cases, true, robotstxt, "FooBot", url);
      }
      {
        var url_a = "http://foo.bar/x";
        var url_b = "http://foo.bar/x/";
        var robotstxt =
            "user-agent: FooBot\n" +
            "disallow: /x\n" +
            "allow: /x/\n";
        Expect(cases, false, robotstxt, "FooBot", url_a);
        Expect(cases, true, robotstxt, "FooBot", url_b);
      }

      {
        var robotstxt =
            "user-agent: FooBot\n" +
            "disallow: /x/page.html\n" +
            "allow: /x/page.html\n";
        // In case of equivalent disallow and allow patterns for the same
        // user-agent, allow is used.
        Expect(cases, true, robotstxt, "FooBot", url);
      }
      {
        var robotstxt =
            "user-agent: FooBot\n" +
            "allow: /page\n" +
            "disallow: /*.html\n";
        // Longest match wins.
        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar/page.html");
        Expect(cases, true, robotstxt, "FooBot", "http://foo.bar/page");
      }
      {
        var robotstxt =
            "user-agent: FooBot\n" +
            "allow: /x/page.\n" +
            "disallow: /*.html\n";
        // Longest match wins.
        Expect(cases, true, robotstxt, "FooBot", url);
        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar/x/y.html");
      }
      {
        var robotstxt =
            "User-agent: *\n" +
            "Disallow: /x/\n" +
            "User-agent: FooBot\n" +
            "Disallow: /y/\n";
        // Most specific group for FooBot allows implicitly /x/page.
        Expect(cases, true, robotstxt, "FooBot", "http://foo.bar/x/page");
        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar/y/page");
      }
    }

    // Octets in the URI and robots.txt paths outside the range of the US-ASCII
    // coded character set, and those in the reserved range defined by RFC3986,
    // MUST be percent-encoded as defined by RFC3986 prior to comparison.
    // See REP RFC section "The Allow and Disallow lines".
    // https://www.rfc-editor.org/rfc/rfc9309.html#section-2.2.2
    //
    // NOTE: It's up to the caller to percent encode a URL before passing it to the
    // parser. Percent encoding URIs in the rules is unnecessary.
    private static void ID_Encoding(List<Case> cases)
    {
      // /foo/bar?baz=http://foo.bar stays unencoded.
      {
        var robotstxt =
            "User-agent: FooBot\n" +
            "Disallow: /\n" +
            "Allow: /foo/bar?qux=taz&baz=http://foo.bar?tar&par\n";
        Expect(cases, true, 
            robotstxt, "FooBot",
            "http://foo.bar/foo/bar?qux=taz&baz=http://foo.bar?tar&par");
      }

      // 3 byte character: /foo/bar/ツ -> /foo/bar/%E3%83%84
      {
        var robotstxt =
            "User-agent: FooBot\n" +
            "Disallow: /\n" +
            "Allow: /foo/bar/ツ\n";
        Expect(cases, true, robotstxt, "FooBot",
                                       "http://foo.bar/foo/bar/%E3%83%84");
        // The parser encodes the 3-byte character, but the URL is not %-encoded.
        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar/foo/bar/ツ");
      }
      // Percent encoded 3 byte character: /foo/bar/%E3%83%84 -> /foo/bar/%E3%83%84
      {
        var robotstxt =
            "User-agent: FooBot\n" +
            "Disallow: /\n" +
            "Allow: /foo/bar/%E3%83%84\n";
        Expect(cases, true, robotstxt, "FooBot",
                                       "http://foo.bar/foo/bar/%E3%83%84");
        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar/foo/bar/ツ");
      }
      // Percent encoded unreserved US-ASCII: /foo/bar/%62%61%7A -> NULL
      // This is illegal according to RFC3986 and while it may work here due to
      // simple string matching, it should not be relied on.
      {
        var robotstxt =
            "User-agent: FooBot\n" +
            "Disallow: /\n" +
            "Allow: /foo/bar/%62%61%7A\n";
        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar/foo/bar/baz");
        Expect(cases, true, robotstxt, "FooBot",
                                       "http://foo.bar/foo/bar/%62%61%7A");
      }
    }

    // The REP RFC defines the following characters that have special meaning in
    // robots.txt:
    // # - inline comment.
    // $ - end of pattern.
    // * - any number of characters.
    // See REP RFC section "Special Characters".
    // https://www.rfc-editor.org/rfc/rfc9309.html#section-2.2.3
    private static void ID_SpecialCharacters(List<Case> cases)
    {
      {
        var robotstxt =
            "User-agent: FooBot\n" +
            "Disallow: /foo/bar/quz\n" +
            "Allow: /foo/*/qux\n";
        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar/foo/bar/quz");
        Expect(cases, true, robotstxt, "FooBot", "http://foo.bar/foo/quz");
        Expect(cases, true, robotstxt, "FooBot", "http://foo.bar/foo//quz");
        Expect(cases, true, robotstxt, "FooBot", "http://foo.bar/foo/bax/quz");
      }
      {
        var robotstxt =
            "User-agent: FooBot\n" +
            "Disallow: /foo/bar$\n" +
            "Allow: /foo/bar/qux\n";
        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar/foo/bar");
        Expect(cases, true, robotstxt, "FooBot", "http://foo.bar/foo/bar/qux");
        Expect(cases, true, robotstxt, "FooBot", "http://foo.bar/foo/bar/");
        Expect(cases, true, robotstxt, "FooBot", "http://foo.bar/foo/bar/baz");
      }
      {
        var robotstxt =
            "User-agent: FooBot\n" +
            "# Disallow: /\n" +
            "Disallow: /foo/quz#qux\n" +
            "Allow: /\n";
        Expect(cases, true, robotstxt, "FooBot", "http://foo.bar/foo/bar");
        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar/foo/quz");
      }
    }

    // Google-specific: "index.html" (and only that) at the end of a pattern is
    // equivalent to "/".
    private static void GoogleOnly_IndexHTMLisDirectory(List<Case> cases)
    {
      var robotstxt =
          "User-Agent: *\n" +
          "Allow: /allowed-slash/index.html\n" +
          "Disallow: /\n";
      // If index.html is allowed, we interpret this as / being allowed too.
      Expect(cases, true, robotstxt, "foobot", "http://foo.com/allowed-slash/");
      // Does not exatly match.
      Expect(cases, false, robotstxt, "foobot",
                                      "http://foo.com/allowed-slash/index.htm");
      // Exact match.
      Expect(cases, true, robotstxt, "foobot",
                                     "http://foo.com/allowed-slash/index.html");
      Expect(cases, false, robotstxt, "foobot", "http://foo.com/anyother-url");
    }

    // Google-specific: long lines are ignored after 8 * 2083 bytes. See comment in
    // RobotsTxtParser::Parse().
    private static void GoogleOnly_LineTooLong(List<Case> cases)
    {
      var kEOLLen = "\n".Length;
      var kMaxLineLen = 2083 * 8;
      var allow = "allow: ";
      var disallow = "disallow: ";

      // Disallow rule pattern matches the URL after being cut off at kMaxLineLen.
      {
        var robotstxt = "user-agent: FooBot\n";
        var longline = "/x/";
        var max_length =
            kMaxLineLen - longline.Length - disallow.Length + kEOLLen;
        while (longline.Length < max_length) {
          longline = string.Concat(longline, "a");
        }
        robotstxt = string.Concat(robotstxt, disallow, longline, "/qux\n");

        // Matches nothing, so URL is allowed.
        Expect(cases, true, robotstxt, "FooBot", "http://foo.bar/fux");
        // Matches cut off disallow rule.
        Expect(cases, false, 
            robotstxt, "FooBot", string.Concat("http://foo.bar", longline, "/fux"));
      }

      {
        var robotstxt =
            "user-agent: FooBot\n" +
            "disallow: /\n";
        var longline_a = "/x/";
        var longline_b = "/x/";
        var max_length =
            kMaxLineLen - longline_a.Length - allow.Length + kEOLLen;
        while (longline_a.Length < max_length) {
          longline_a = string.Concat(longline_a, "a");
          longline_b = string.Concat(longline_b, "b");
        }
        robotstxt = string.Concat(robotstxt, allow, longline_a, "/qux\n");
        robotstxt = string.Concat(robotstxt, allow, longline_b, "/qux\n");

        // URL matches the disallow rule.
        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar/");
        // Matches the allow rule exactly.
        Expect(cases, true, robotstxt, "FooBot",
                               string.Concat("http://foo.bar", longline_a, "/qux"));
        // Matches cut off allow rule.
        Expect(cases, true, robotstxt, "FooBot",
                               string.Concat("http://foo.bar", longline_b, "/fux"));
      }
    }

    private static void GoogleOnly_DocumentationChecks(List<Case> cases)
    {
      // Test documentation from
      // https://developers.google.com/search/reference/robots_txt
      // Section "URL matching based on path values".
      {
        var robotstxt =
            "user-agent: FooBot\n" +
            "disallow: /\n" +
            "allow: /fish\n";
        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar/bar");

        Expect(cases, true, robotstxt, "FooBot", "http://foo.bar/fish");
        Expect(cases, true, robotstxt, "FooBot", "http://foo.bar/fish.html");
        Expect(cases, true, robotstxt, "FooBot",
                                       "http://foo.bar/fish/salmon.html");
        Expect(cases, true, robotstxt, "FooBot", "http://foo.bar/fishheads");
        Expect(cases, true, robotstxt, "FooBot",
                                       "http://foo.bar/fishheads/yummy.html");
        Expect(cases, true, robotstxt, "FooBot",
                                       "http://foo.bar/fish.html?id=anything");

        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar/Fish.asp");
        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar/catfish");
        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar/?id=fish");
      }
      // "/fish*" equals "/fish"
      {
        var robotstxt =
            "user-agent: FooBot\n" +
            "disallow: /\n" +
            "allow: /fish*\n";
        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar/bar");

        Expect(cases, true, robotstxt, "FooBot", "http://foo.bar/fish");
        Expect(cases, true, robotstxt, "FooBot", "http://foo.bar/fish.html");
        Expect(cases, true, robotstxt, "FooBot",
                                       "http://foo.bar/fish/salmon.html");
        Expect(cases, true, robotstxt, "FooBot", "http://foo.bar/fishheads");
        Expect(cases, true, robotstxt, "FooBot",
                                       "http://foo.bar/fishheads/yummy.html");
        Expect(cases, true, robotstxt, "FooBot",
                                       "http://foo.bar/fish.html?id=anything");

        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar/Fish.bar");
        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar/catfish");
        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar/?id=fish");
      }
      // "/fish/" does not equal "/fish"
      {
        var robotstxt =
            "user-agent: FooBot\n" +
            "disallow: /\n" +
            "allow: /fish/\n";
        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar/bar");

        Expect(cases, true, robotstxt, "FooBot", "http://foo.bar/fish/");
        Expect(cases, true, robotstxt, "FooBot", "http://foo.bar/fish/salmon");
        Expect(cases, true, robotstxt, "FooBot", "http://foo.bar/fish/?salmon");
        Expect(cases, true, robotstxt, "FooBot",
                                       "http://foo.bar/fish/salmon.html");
        Expect(cases, true, robotstxt, "FooBot",
                                       "http://foo.bar/fish/?id=anything");

        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar/fish");
        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar/fish.html");
        Expect(cases, false, robotstxt, "FooBot",
                                        "http://foo.bar/Fish/Salmon.html");
      }
      // "/*.php"
      {
        var robotstxt =
            "user-agent: FooBot\n" +
            "disallow: /\n" +
            "allow: /*.php\n";
        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar/bar");

        Expect(cases, true, robotstxt, "FooBot", "http://foo.bar/filename.php");
        Expect(cases, true, robotstxt, "FooBot",
                                       "http://foo.bar/folder/filename.php");
        Expect(cases, true, 
            robotstxt, "FooBot", "http://foo.bar/folder/filename.php?parameters");
        Expect(cases, true, robotstxt, "FooBot",
                                       "http://foo.bar//folder/any.php.file.html");
        Expect(cases, true, robotstxt, "FooBot",
                                       "http://foo.bar/filename.php/");
        Expect(cases, true, robotstxt, "FooBot",
                                       "http://foo.bar/index?f=filename.php/");
        Expect(cases, false, robotstxt, "FooBot",
                                        "http://foo.bar/php/");
        Expect(cases, false, robotstxt, "FooBot",
                                        "http://foo.bar/index?php");

        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar/windows.PHP");
      }
      // "/*.php$"
      {
        var robotstxt =
            "user-agent: FooBot\n" +
            "disallow: /\n" +
            "allow: /*.php$\n";
        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar/bar");

        Expect(cases, true, robotstxt, "FooBot", "http://foo.bar/filename.php");
        Expect(cases, true, robotstxt, "FooBot",
                                       "http://foo.bar/folder/filename.php");

        Expect(cases, false, robotstxt, "FooBot",
                                        "http://foo.bar/filename.php?parameters");
        Expect(cases, false, robotstxt, "FooBot",
                                        "http://foo.bar/filename.php/");
        Expect(cases, false, robotstxt, "FooBot",
                                        "http://foo.bar/filename.php5");
        Expect(cases, false, robotstxt, "FooBot",
                                        "http://foo.bar/php/");
        Expect(cases, false, robotstxt, "FooBot",
                                        "http://foo.bar/filename?php");
        Expect(cases, false, robotstxt, "FooBot",
                                        "http://foo.bar/aaaphpaaa");
        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar//windows.PHP");
      }
      // "/fish*.php"
      {
        var robotstxt =
            "user-agent: FooBot\n" +
            "disallow: /\n" +
            "allow: /fish*.php\n";
        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar/bar");

        Expect(cases, true, robotstxt, "FooBot", "http://foo.bar/fish.php");
        Expect(cases, true, robotstxt, "FooBot",
                               "http://foo.bar/fishheads/catfish.php?parameters");

        Expect(cases, false, robotstxt, "FooBot", "http://foo.bar/Fish.PHP");
      }
      // Section "Order of precedence for group-member records".
      {
        var robotstxt =
            "user-agent: FooBot\n" +
            "allow: /p\n" +
            "disallow: /\n";
        var url = "http://example.com/page";
        Expect(cases, true, robotstxt, "FooBot", url);
      }
      {
        var robotstxt =
            "user-agent: FooBot\n" +
            "allow: /folder\n" +
            "disallow: /folder\n";
        var url = "http://example.com/folder/page";
        Expect(cases, true, robotstxt, "FooBot", url);
      }
      {
        var robotstxt =
            "user-agent: FooBot\n" +
            "allow: /page\n" +
            "disallow: /*.htm\n";
        var url = "http://example.com/page.htm";
        Expect(cases, false, robotstxt, "FooBot", url);
      }
      {
        var robotstxt =
            "user-agent: FooBot\n" +
            "allow: /$\n" +
            "disallow: /\n";
        var url = "http://example.com/";
        var url_page = "http://example.com/page.html";
        Expect(cases, true, robotstxt, "FooBot", url);
        Expect(cases, false, robotstxt, "FooBot", url_page);
      }
    }


    /// <summary>What Google's RobotsStatsReporter counts, from <see cref="RobotsTxtLines.Read"/>.</summary>
    private sealed record Report(int ValidDirectives, int UnknownDirectives, int LastLineSeen, string Sitemap)
    {
        public static Report Of(byte[] robotstxt)
        {
            var lines = RobotsTxtLines.Read(robotstxt);
            // Google knows no Crawl-delay: to its parser, that is an unknown line like any other.
            var known = lines.Count(l => l.Key is RobotsKey.UserAgent or RobotsKey.Allow or RobotsKey.Disallow or RobotsKey.Sitemap);
            return new Report(known, lines.Count - known, lines.Count == 0 ? 0 : lines.Max(l => l.Number),
                string.Concat(lines.Where(l => l.Key == RobotsKey.Sitemap).Select(l => l.Value)));
        }
    }

    private static byte[] Bytes(params object[] parts) =>
        parts.SelectMany(p => p is byte[] b ? b : Encoding.UTF8.GetBytes((string)p)).ToArray();

    // Different kinds of line endings are all supported: %x0D / %x0A / %x0D.0A
    private static void LinesNumbersAreCountedCorrectly(List<Case> cases)
    {
        string[] files =
        [
            "User-Agent: foo\nAllow: /some/path\nUser-Agent: bar\n\n\nDisallow: /\n",
            "User-Agent: foo\r\nAllow: /some/path\r\nUser-Agent: bar\r\n\r\n\r\nDisallow: /\r\n",
            "User-Agent: foo\rAllow: /some/path\rUser-Agent: bar\r\r\rDisallow: /\r",
            "User-Agent: foo\nAllow: /some/path\nUser-Agent: bar\n\n\nDisallow: /",
            "User-Agent: foo\nAllow: /some/path\r\nUser-Agent: bar\n\r\n\nDisallow: /",
        ];
        foreach (var file in files)
        {
            ExpectEqual(cases, 4, () => Report.Of(Bytes(file)).ValidDirectives, line: 1000 + Array.IndexOf(files, file) * 2);
            ExpectEqual(cases, 6, () => Report.Of(Bytes(file)).LastLineSeen, line: 1001 + Array.IndexOf(files, file) * 2);
        }
    }

    // BOM characters are unparseable and thus skipped. The rules following the line are used.
    private static void UTF8ByteOrderMarkIsSkipped(List<Case> cases)
    {
        const string rules = "User-Agent: foo\nAllow: /AnyValue\n";
        var fullBom = Bytes(new byte[] { 0xEF, 0xBB, 0xBF }, rules);
        ExpectEqual(cases, 2, () => Report.Of(fullBom).ValidDirectives);
        ExpectEqual(cases, 0, () => Report.Of(fullBom).UnknownDirectives);

        // We allow as well partial ByteOrderMarks.
        var partial2 = Bytes(new byte[] { 0xEF, 0xBB }, rules);
        ExpectEqual(cases, 2, () => Report.Of(partial2).ValidDirectives);
        ExpectEqual(cases, 0, () => Report.Of(partial2).UnknownDirectives);

        var partial1 = Bytes(new byte[] { 0xEF }, rules);
        ExpectEqual(cases, 2, () => Report.Of(partial1).ValidDirectives);
        ExpectEqual(cases, 0, () => Report.Of(partial1).UnknownDirectives);

        // If the BOM is not the right sequence, the first line looks like garbage that is skipped (we essentially see "\x11\xBFUser-Agent").
        var broken = Bytes(new byte[] { 0xEF, 0x11, 0xBF }, rules);
        ExpectEqual(cases, 1, () => Report.Of(broken).ValidDirectives);
        ExpectEqual(cases, 1, () => Report.Of(broken).UnknownDirectives);

        // Some other messed up file: BOMs only valid in the beginning of the file.
        var middle = Bytes("User-Agent: foo\n", new byte[] { 0xEF, 0xBB, 0xBF }, "Allow: /AnyValue\n");
        ExpectEqual(cases, 1, () => Report.Of(middle).ValidDirectives);
        ExpectEqual(cases, 1, () => Report.Of(middle).UnknownDirectives);
    }

    // Google specific: the RFC allows any line that crawlers might need, such as sitemaps, which Google supports.
    private static void NonStandardLineExample_Sitemap(List<Case> cases)
    {
        const string sitemap_loc = "http://foo.bar/sitemap.xml";
        const string robotstxt_temp = "User-Agent: foo\nAllow: /some/path\nUser-Agent: bar\n\n\n";
        ExpectEqual(cases, sitemap_loc, () => Report.Of(Bytes(robotstxt_temp, "Sitemap: ", sitemap_loc, "\n")).Sitemap);
        // A sitemap line may appear anywhere in the file.
        ExpectEqual(cases, sitemap_loc, () => Report.Of(Bytes("Sitemap: ", sitemap_loc, "\n", robotstxt_temp)).Sitemap);
    }

    /// <summary>Google's GetPathParamsQuery (robots.cc), which its IsUserAgentAllowed applies to the URL: the monitor itself matches <see cref="Uri.PathAndQuery"/>.</summary>
    private static string GetPathParamsQuery(string url)
    {
        // Initial two slashes are ignored.
        var searchStart = url.Length >= 2 && url[0] == '/' && url[1] == '/' ? 2 : 0;
        var earlyPath = url.IndexOfAny(['/', '?', ';'], searchStart);
        var protocolEnd = url.IndexOf("://", searchStart, StringComparison.Ordinal);
        // If path, param or query starts before ://, :// doesn't indicate protocol.
        if (earlyPath >= 0 && (protocolEnd < 0 || earlyPath < protocolEnd)) protocolEnd = -1;
        protocolEnd = protocolEnd < 0 ? searchStart : protocolEnd + 3;
        var pathStart = url.IndexOfAny(['/', '?', ';'], protocolEnd);
        if (pathStart < 0) return "/";
        var hash = url.IndexOf('#', searchStart);
        if (hash >= 0 && hash < pathStart) return "/";
        var pathEnd = hash < 0 ? url.Length : hash;
        var path = url[pathStart..pathEnd];
        // Prepend a slash if the result would start e.g. with '?'.
        return url[pathStart] == '/' ? path : "/" + path;
    }

    private static void TestGetPathParamsQuery(List<Case> cases)
    {
        // Only testing URLs that are already correctly escaped here.
        void TestPath(string url, string expected_path, [CallerLineNumber] int line = 0) =>
            ExpectEqual(cases, expected_path, () => GetPathParamsQuery(url), line: line);
        TestPath("", "/");
        TestPath("http://www.example.com", "/");
        TestPath("http://www.example.com/", "/");
        TestPath("http://www.example.com/a", "/a");
        TestPath("http://www.example.com/a/", "/a/");
        TestPath("http://www.example.com/a/b?c=http://d.e/", "/a/b?c=http://d.e/");
        TestPath("http://www.example.com/a/b?c=d&e=f#fragment", "/a/b?c=d&e=f");
        TestPath("example.com", "/");
        TestPath("example.com/", "/");
        TestPath("example.com/a", "/a");
        TestPath("example.com/a/", "/a/");
        TestPath("example.com/a/b?c=d&e=f#fragment", "/a/b?c=d&e=f");
        TestPath("a", "/");
        TestPath("a/", "/");
        TestPath("/a", "/a");
        TestPath("a/b", "/b");
        TestPath("example.com?a", "/?a");
        TestPath("example.com/a;b#c", "/a;b");
        TestPath("//a/b/c", "/b/c");
    }

    private static void TestMaybeEscapePattern(List<Case> cases)
    {
        void TestEscape(string url, string expected, [CallerLineNumber] int line = 0) =>
            ExpectEqual(cases, expected, () => RobotsTxtLines.EscapePattern(Encoding.UTF8.GetBytes(url)), line: line);
        TestEscape("http://www.example.com", "http://www.example.com");
        TestEscape("/a/b/c", "/a/b/c");
        TestEscape("á", "%C3%A1");
        TestEscape("%aa", "%AA");
    }
}
