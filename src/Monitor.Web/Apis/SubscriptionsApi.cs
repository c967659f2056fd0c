using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using MinistryMonitor.Core.Delivery;
using MinistryMonitor.Core.Subscriptions;
using MinistryMonitor.Web.Limits;
using MinistryMonitor.Web.Subscriptions;

namespace MinistryMonitor.Web.Apis;

/// <summary>
/// Subscribers' self-service, with no sign-in: subscribe (double opt-in), confirm, manage and unsubscribe, each
/// action after subscribing authorised by a signed token for one subscription only. The JSON API is under
/// <c>/api/subscriptions</c>; the pages (server-rendered Razor components) at <c>/subscribe</c>,
/// <c>/subscriptions/confirm/{token}</c>, <c>/subscriptions/manage/{token}</c> and <c>/unsubscribe/{token}</c>,
/// whose POST is the RFC 8058 one-click unsubscribe that e-mails name in List-Unsubscribe.
/// </summary>
public static class SubscriptionsApi
{
    public const string SubscribeFormPath = "/subscriptions";

    public static IEndpointRouteBuilder MapSubscriptionsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/subscriptions").WithTags("Subscriptions").AllowAnonymous()
            .RequireRateLimiting(SubscriberLimits.PolicyName)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/", Subscribe).WithName("Subscribe")
            .WithSummary("Asks for alerts: stores a pending subscription and e-mails a confirmation link (double opt-in).");
        api.MapPost("/confirm/{token}", Confirm).WithName("ConfirmSubscription").WithSummary("Confirms a subscription with the token from the confirmation e-mail.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);
        api.MapGet("/manage/{token}", Get).WithName("GetSubscription").WithSummary("The subscription a manage token is for.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);
        api.MapPut("/manage/{token}", Update).WithName("UpdateSubscription").WithSummary("Changes topics, own terms, filters and mode.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);
        api.MapPost("/unsubscribe/{token}", Unsubscribe).WithName("Unsubscribe").WithSummary("Unsubscribes with the token of a List-Unsubscribe link.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);

        var pages = endpoints.MapGroup("/").AllowAnonymous().ExcludeFromDescription().RequireRateLimiting(SubscriberLimits.PolicyName);
        pages.MapGet("/subscribe", SubscribePageGet);
        pages.MapPost(SubscribeFormPath, SubscribeForm);
        pages.MapGet("/subscriptions/confirm/{token}", ConfirmPageGet);
        pages.MapPost("/subscriptions/confirm/{token}", ConfirmPagePost);
        pages.MapGet("/subscriptions/manage/{token}", ManagePageGet);
        pages.MapPost("/subscriptions/manage/{token}", ManagePagePost);
        pages.MapGet("/unsubscribe/{token}", (string token) => new RazorComponentResult<UnsubscribePage>(new { Action = $"/unsubscribe/{token}" }));
        // RFC 8058: mailbox providers POST "List-Unsubscribe=One-Click" here with no cookies and no antiforgery token.
        pages.MapPost("/unsubscribe/{token}", UnsubscribePagePost).DisableAntiforgery();
        return endpoints;
    }

    // ---- JSON API ----

    public static async Task<Results<Accepted<SubscribeAccepted>, ValidationProblem, ProblemHttpResult>> Subscribe(
        SelfService service, TimeProvider time, HttpContext context, SubscribeRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await service.SubscribeAsync(request.ToSubscription() with { Locale = EmailLocale.FromAcceptLanguage(context.Request.Headers.AcceptLanguage) }, cancellationToken);
        }
        catch (SubscriptionException ex)
        {
            return Invalid(ex);
        }
        catch (AddressMailLimitException ex)
        {
            return SubscriberLimits.TooManyRequestsProblem(context, ex.RetryAt - time.GetUtcNow(), AddressLimitedTitle);
        }
        return TypedResults.Accepted((string?)null, new SubscribeAccepted($"A confirmation link was sent to {request.Address?.Trim()}; nothing else is sent before it is followed."));
    }

    public static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> Confirm(SelfService service, string token, CancellationToken cancellationToken) =>
        Answer(await service.ConfirmAsync(token, cancellationToken));

    public static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> Get(SelfService service, string token, CancellationToken cancellationToken) =>
        Answer(await service.GetAsync(token, cancellationToken));

    public static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult, ValidationProblem>> Update(
        SelfService service, string token, SubscriptionChange change, CancellationToken cancellationToken)
    {
        try
        {
            var result = await service.UpdateAsync(token, change.Apply, cancellationToken);
            return result.Succeeded ? TypedResults.Ok(SubscriptionView.Of(result.Subscription!)) : Problem(result.Check);
        }
        catch (SubscriptionException ex)
        {
            return Invalid(ex);
        }
    }

    public static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> Unsubscribe(SelfService service, string token, CancellationToken cancellationToken) =>
        Answer(await service.UnsubscribeAsync(token, cancellationToken));

    // ---- Pages ----

    /// <summary>The empty form, its time zone suggested from the browser's Accept-Language (no script can ask the browser).</summary>
    public static RazorComponentResult SubscribePageGet(HttpContext context) =>
        new RazorComponentResult<SubscribePage>(new { Value = NewFrom(context) });

    public static async Task<IResult> SubscribeForm(
        SelfService service, TimeProvider time, HttpContext context, [FromForm] SubscriptionFormFields? form, [FromForm] string? address, CancellationToken cancellationToken)
    {
        // A post with none of the form's fields (not from the page: it always sends mode and terms) binds no object.
        var request = (form ?? new SubscriptionFormFields()).ToSubscription(NewFrom(context) with { Address = address ?? string.Empty });
        try
        {
            await service.SubscribeAsync(request, cancellationToken);
        }
        catch (SubscriptionException ex)
        {
            return new RazorComponentResult<SubscribePage>(new { Value = request, Error = SubscriptionFormMessages.For(ex), ErrorField = ex.Field }) { StatusCode = StatusCodes.Status400BadRequest };
        }
        catch (AddressMailLimitException ex)
        {
            return AddressLimited(context, time, ex);
        }
        return Message(SubscriptionFormMessages.SentTitle, SubscriptionFormMessages.Sent(request.Address.Trim()));
    }

    /// <summary>A subscription as the form starts it: the zone suggested and the e-mails' English locale taken from Accept-Language.</summary>
    private static Subscription NewFrom(HttpContext context) => new()
    {
        Address = string.Empty,
        TimeZone = TimeZoneChoices.Suggest(context.Request.Headers.AcceptLanguage),
        Locale = EmailLocale.FromAcceptLanguage(context.Request.Headers.AcceptLanguage),
    };

    public static async Task<IResult> ConfirmPageGet(SelfService service, SubscriberLinks links, string token, CancellationToken cancellationToken)
    {
        var check = links.Tokens.Check(token, TokenPurpose.Confirm, out var id);
        if (check != TokenCheck.Valid) return LinkProblem(check);
        var pending = await service.GetPendingAsync(id, cancellationToken);
        if (pending is null) return LinkProblem(TokenCheck.Forged);
        return new RazorComponentResult<ConfirmPage>(new { Action = $"/subscriptions/confirm/{token}", What = service.Describe(pending) });
    }

    public static async Task<IResult> ConfirmPagePost(SelfService service, SubscriberLinks links, string token, CancellationToken cancellationToken)
    {
        var result = await service.ConfirmAsync(token, cancellationToken);
        return result.Succeeded
            ? Message("Subscribed", $"Alerts to {result.Subscription!.Address} are on.", manage: links.Manage(result.Subscription.Id).AbsoluteUri)
            : LinkProblem(result.Check);
    }

    public static async Task<IResult> ManagePageGet(SelfService service, SubscriberLinks links, string token, CancellationToken cancellationToken)
    {
        var result = await service.GetAsync(token, cancellationToken);
        return result.Succeeded ? Manage(result.Subscription!, token, links, null, saved: false) : LinkProblem(result.Check);
    }

    public static async Task<IResult> ManagePagePost(SelfService service, SubscriberLinks links, string token, [FromForm] SubscriptionFormFields? form, CancellationToken cancellationToken)
    {
        form ??= new SubscriptionFormFields();
        try
        {
            var result = await service.UpdateAsync(token, form.ToSubscription, cancellationToken);
            return result.Succeeded ? Manage(result.Subscription!, token, links, null, saved: true) : LinkProblem(result.Check);
        }
        catch (SubscriptionException ex)
        {
            var current = await service.GetAsync(token, cancellationToken);
            return current.Succeeded ? Manage(form.ToSubscription(current.Subscription!), token, links, ex, saved: false) : LinkProblem(current.Check);
        }
    }

    public static async Task<IResult> UnsubscribePagePost(SelfService service, string token, CancellationToken cancellationToken)
    {
        var result = await service.UnsubscribeAsync(token, cancellationToken);
        return result.Succeeded
            ? Message("Unsubscribed", $"No more alerts will be sent to {result.Subscription!.Address}.")
            : LinkProblem(result.Check);
    }

    // ---- Shared ----

    private static RazorComponentResult Manage(Subscription subscription, string token, SubscriberLinks links, SubscriptionException? error, bool saved) =>
        new RazorComponentResult<ManagePage>(new
        {
            Value = subscription,
            Action = $"/subscriptions/manage/{token}",
            Unsubscribe = links.Unsubscribe(subscription.Id).AbsolutePath,
            Error = error is null ? null : SubscriptionFormMessages.For(error),
            ErrorField = error?.Field,
            Saved = saved,
        }) { StatusCode = error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest };

    private static RazorComponentResult Message(string title, string message, bool isError = false, string? manage = null, int status = StatusCodes.Status200OK) =>
        new RazorComponentResult<MessagePage>(new { Title = title, Message = message, IsError = isError, Manage = manage }) { StatusCode = status };

    private static RazorComponentResult LinkProblem(TokenCheck check) => check == TokenCheck.Expired
        ? Message("Link expired", "This link has expired. Use the link in a more recent e-mail, or subscribe again.", isError: true, status: StatusCodes.Status410Gone)
        : Message("Link not valid", "This link is not valid. Use the link exactly as it is in the e-mail.", isError: true, status: StatusCodes.Status404NotFound);

    private static Results<Ok<SubscriptionView>, ProblemHttpResult> Answer(SelfServiceResult result) =>
        result.Succeeded ? TypedResults.Ok(SubscriptionView.Of(result.Subscription!)) : Problem(result.Check);

    /// <summary>The same answer for a forged token and an unknown subscription: a token never tells who is subscribed.</summary>
    private static ProblemHttpResult Problem(TokenCheck check) => check == TokenCheck.Expired
        ? TypedResults.Problem("The link has expired.", statusCode: StatusCodes.Status410Gone, title: "Link expired")
        : TypedResults.Problem("The link is not valid.", statusCode: StatusCodes.Status404NotFound, title: "Link not valid");

    /// <summary>The same 429 whether the address is subscribed or not: it says only that it was e-mailed recently.</summary>
    private const string AddressLimitedTitle = "An e-mail went to this address recently";

    private static IResult AddressLimited(HttpContext context, TimeProvider time, AddressMailLimitException ex) =>
        SubscriberLimits.TooManyRequests(context, ex.RetryAt - time.GetUtcNow(), AddressLimitedTitle);

    private static ValidationProblem Invalid(SubscriptionException ex) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [ex.Field] = [ex.Problem] });
}
