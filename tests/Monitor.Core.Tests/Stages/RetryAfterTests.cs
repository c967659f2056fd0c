using MinistryMonitor.Core.Archive;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MinistryMonitor.Core.Configuration;
using MinistryMonitor.Core.Detection;
using MinistryMonitor.Core.Extraction;
using MinistryMonitor.Core.Fetching;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Politeness;
using MinistryMonitor.Core.Sources;
using MinistryMonitor.Core.Stages;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Core.Tests.Fakes;

namespace MinistryMonitor.Core.Tests.Stages;

/// <summary>
/// A 429 or 503 with Retry-After: logged as http-error with its status and retry time, and the host rescheduled by
/// then (its other URLs answered at once without a request, the source not scheduled before it), with no waiting anywhere. The real stages and <see cref="PageFetcher"/> over an in-memory site and fake time.
/// </summary>
public sealed class RetryAfterTests
{
    private static readonly Uri Site = new("https://mfa.example/");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly RetryAfterSite _site = new();
    private readonly RecordingQueue _queue = new();
    private readonly InMemoryIngestionLog _log = new();
    private readonly InMemorySourceState _state = new();
    private readonly Source _source = new("mfa", "MFA", "en", new Uri(Site, "/feed"), null, ExtractionSelectors.None, TimeSpan.FromMinutes(15));
    private readonly PageFetcher _fetcher;
    private readonly PolitenessSettings _politeness = new("MinistryMonitor/1.0 (+https://monitor.example/about)", TimeSpan.Zero, 2) { MaxRetryAfter = TimeSpan.FromHours(24) };

    public RetryAfterTests()
    {
        _fetcher = new PageFetcher(new HttpClient(_site), new InMemoryValidatorStore(), new HostThrottle(_politeness, _time), new RobotsCache(_time), _politeness,
            FetchLimits.Default, _time, NullLogger<PageFetcher>.Instance);
    }

    [Fact]
    public async Task FetchAsync_503WithRetryAfterSeconds_IsAnHttpErrorWithItsStatusAndRetryTime()
    {
        _site.Answer("/news/1", HttpStatusCode.ServiceUnavailable, new RetryConditionHeaderValue(TimeSpan.FromSeconds(120)));

        var page = await _fetcher.FetchAsync(new Uri(Site, "/news/1"), CancellationToken.None);

        Assert.Equal((IngestionOutcome.HttpError, 503), (page.Outcome, page.HttpStatus));
        Assert.Equal(_time.GetUtcNow().AddSeconds(120), page.RetryAt);
        Assert.Contains("Retry-After 120 s", page.Error);
    }

    [Fact]
    public async Task FetchAsync_429WithRetryAfterDate_IsAnHttpErrorUntilThatDate()
    {
        var until = _time.GetUtcNow().AddMinutes(30);
        _site.Answer("/news/1", HttpStatusCode.TooManyRequests, new RetryConditionHeaderValue(until));

        var page = await _fetcher.FetchAsync(new Uri(Site, "/news/1"), CancellationToken.None);

        Assert.Equal((IngestionOutcome.HttpError, 429, until), (page.Outcome, page.HttpStatus, page.RetryAt));
    }

    [Fact]
    public async Task FetchAsync_RetryAfterOfAWeek_IsCappedAtTheSetting()
    {
        _site.Answer("/news/1", HttpStatusCode.ServiceUnavailable, new RetryConditionHeaderValue(TimeSpan.FromDays(7)));

        var page = await _fetcher.FetchAsync(new Uri(Site, "/news/1"), CancellationToken.None);

        Assert.Equal(_time.GetUtcNow().AddHours(24), page.RetryAt);
        Assert.Contains("capped at 24 h (Fetch:MaxRetryAfterMinutes)", page.Error);
    }

    [Fact]
    public async Task FetchAsync_HostDeferred_AnswersAtOnceWithoutARequestUntilTheRetryTime()
    {
        _site.Answer("/news/1", HttpStatusCode.ServiceUnavailable, new RetryConditionHeaderValue(TimeSpan.FromSeconds(120)));
        _site.Answer("/news/2", HttpStatusCode.OK, null);
        await _fetcher.FetchAsync(new Uri(Site, "/news/1"), CancellationToken.None);

        var deferred = await _fetcher.FetchAsync(new Uri(Site, "/news/2"), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(121));
        var later = await _fetcher.FetchAsync(new Uri(Site, "/news/2"), CancellationToken.None);

        Assert.Equal((IngestionOutcome.HttpError, (int?)null, _time.GetUtcNow().AddSeconds(-1)), (deferred.Outcome, deferred.HttpStatus, deferred.RetryAt));
        Assert.Contains("asked to be left alone until", deferred.Error);
        Assert.Equal(IngestionOutcome.Ok, later.Outcome);
        Assert.Equal(["/news/1", "/news/2"], _site.Requests.Where(p => p != "/robots.txt"));
    }

    [Fact]
    public async Task FetchStage_RetryAfter_LogsHttpErrorAndDefersTheSourceWithoutFailingTheMessage()
    {
        _site.Answer("/news/1", HttpStatusCode.TooManyRequests, new RetryConditionHeaderValue(TimeSpan.FromMinutes(10)));
        var request = new FetchRequest(_source.Id, "s1", "k1", new Uri(Site, "/news/1"), null, _time.GetUtcNow(), null);

        var result = await FetchStage().HandleAsync(request, CancellationToken.None);

        Assert.Null(result);
        var row = Assert.Single(await _log.ReadRecentAsync(10, CancellationToken.None));
        Assert.Equal((IngestionOutcome.HttpError, 429), (row.Outcome, row.HttpStatus));
        Assert.Contains(_time.GetUtcNow().AddMinutes(10).ToString("u"), row.Error);
        // Not failed (no queue retry sooner, no poison) and not queued again: the next discovery, after the retry time, queues it.
        Assert.Empty(_queue.Sent);
        Assert.Equal(_time.GetUtcNow().AddMinutes(10), await _state.GetDeferredUntilAsync(_source.Id, CancellationToken.None));
    }

    [Fact]
    public async Task DiscoverStage_RetryAfterLongerThanTheInterval_MovesTheSourcesNextDueTime()
    {
        _site.Answer("/feed", HttpStatusCode.ServiceUnavailable, new RetryConditionHeaderValue(TimeSpan.FromHours(2)));
        var configuration = new MonitorConfiguration([_source], [], []);
        var index = new InMemoryStatementIndex();
        var discover = new DiscoverStage(configuration, _fetcher, index, new InMemoryBlobStore(), _queue, _log, _state, _time,
            new CatchUp(_fetcher, index, _queue, NullLogger<CatchUp>.Instance), NullLogger<DiscoverStage>.Instance);
        var schedule = new ScheduleStage(configuration, _state, _queue, _time, NullLogger<ScheduleStage>.Instance);
        Assert.Equal([_source.Id], await schedule.ScheduleDueAsync(force: false, CancellationToken.None));

        var entry = await discover.HandleAsync(new DiscoverRequest(_source.Id, _time.GetUtcNow()), CancellationToken.None);
        var scheduled = new List<int>();
        for (var minutes = 15; minutes <= 135; minutes += 15)
        {
            _time.Advance(TimeSpan.FromMinutes(15));
            scheduled.Add((await schedule.ScheduleDueAsync(force: false, CancellationToken.None)).Count);
        }

        Assert.Equal((IngestionOutcome.HttpError, 503), (entry.Outcome, entry.HttpStatus));
        // Due every 15 minutes, but not asked again before the 2 hours the site asked for; then as usual.
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 1, 1], scheduled);
    }

    [Fact]
    public async Task FetchAsync_RobotsTxtAnswers429_IsUnreachableNotAllowAll()
    {
        _site.Answer("/robots.txt", HttpStatusCode.TooManyRequests, new RetryConditionHeaderValue(TimeSpan.FromMinutes(20)));
        _site.Answer("/news/1", HttpStatusCode.OK, null);

        var page = await _fetcher.FetchAsync(new Uri(Site, "/news/1"), CancellationToken.None);

        Assert.Equal((IngestionOutcome.HttpError, 429, _time.GetUtcNow().AddMinutes(20)), (page.Outcome, page.HttpStatus, page.RetryAt));
        Assert.Contains("robots.txt of mfa.example is unreachable", page.Error);
        Assert.DoesNotContain("/news/1", _site.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    public async Task FetchAsync_RobotsTxtAnswers5xx_IsUnreachableForFiveMinutes(HttpStatusCode status)
    {
        _site.Answer("/robots.txt", status, null);
        _site.Answer("/news/1", HttpStatusCode.OK, null);

        var page = await _fetcher.FetchAsync(new Uri(Site, "/news/1"), CancellationToken.None);

        Assert.Equal((IngestionOutcome.HttpError, (int)status, _time.GetUtcNow().AddMinutes(5)), (page.Outcome, page.HttpStatus, page.RetryAt));
        Assert.DoesNotContain("/news/1", _site.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.Gone)]
    public async Task FetchAsync_RobotsTxtAnswers4xx_AllowsEverything(HttpStatusCode status)
    {
        _site.Answer("/robots.txt", status, null);
        _site.Answer("/news/1", HttpStatusCode.OK, null);

        var page = await _fetcher.FetchAsync(new Uri(Site, "/news/1"), CancellationToken.None);

        Assert.Equal(IngestionOutcome.Ok, page.Outcome);
    }

    private FetchStage FetchStage()
    {
        var configuration = new MonitorConfiguration([_source], [], []);
        var index = new InMemoryStatementIndex();
        return RealFetchStage.Create(configuration, _fetcher, index, new InMemoryBlobStore(), _queue, _log, _state, _time);
    }

    /// <summary>Answers each path with a set status and Retry-After; records the paths asked for.</summary>
    private sealed class RetryAfterSite : HttpMessageHandler
    {
        private readonly Dictionary<string, (HttpStatusCode Status, RetryConditionHeaderValue? RetryAfter)> _answers = [];

        public List<string> Requests { get; } = [];

        public void Answer(string path, HttpStatusCode status, RetryConditionHeaderValue? retryAfter) => _answers[path] = (status, retryAfter);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            Requests.Add(path);
            var (status, retryAfter) = _answers.TryGetValue(path, out var answer) ? answer : (HttpStatusCode.NotFound, null);
            var response = new HttpResponseMessage(status)
            {
                RequestMessage = request,
                Content = new StringContent(status == HttpStatusCode.OK ? "<html><body><article><p>Statement.</p></article></body></html>" : string.Empty),
            };
            response.Content.Headers.ContentType = new MediaTypeHeaderValue("text/html");
            response.Headers.RetryAfter = retryAfter;
            return Task.FromResult(response);
        }
    }
}
