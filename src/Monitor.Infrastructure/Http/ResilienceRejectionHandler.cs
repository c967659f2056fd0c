using MinistryMonitor.Core.Fetching;
using Polly;

namespace MinistryMonitor.Infrastructure.Http;

/// <summary>
/// Wraps the resilience handler and turns Polly's refusals (a timeout, an open circuit) into Core's
/// <see cref="RequestRejectedException"/>: the fetcher handles one exception type of its own, not the library's.
/// </summary>
internal sealed class ResilienceRejectionHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (ExecutionRejectedException ex)
        {
            throw new RequestRejectedException(ex.GetType().Name + ": " + ex.Message, ex);
        }
    }
}
