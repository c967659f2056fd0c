using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging;

namespace MinistryMonitor.Infrastructure.DataProtection;

/// <summary>
/// The ASP.NET Core Data Protection key ring (antiforgery tokens and cookies) in a private blob container, one blob per
/// key element, so that every instance of the Function App and every run of <c>monitor serve</c> on the same storage
/// accept the forms the others rendered. Blobs are only ever created (If-None-Match: *), never overwritten, so instances
/// that store at the same time cannot lose each other's keys.
/// </summary>
/// <remarks>
/// Data Protection calls this synchronously (at start, on its daily refresh and when it makes a key), hence the SDK's
/// synchronous calls rather than blocking on asynchronous ones.
/// </remarks>
public sealed partial class BlobXmlRepository(BlobContainerClient container, ILogger<BlobXmlRepository> logger) : IXmlRepository
{
    private const string Extension = ".xml";

    public BlobContainerClient Container => container;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var elements = new List<XElement>();
        try
        {
            foreach (var item in container.GetBlobs(new GetBlobsOptions(), CancellationToken.None))
            {
                if (Read(item.Name) is { } element) elements.Add(element);
            }
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // No key stored yet: Data Protection makes one and stores it, which creates the container.
            return [];
        }
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var name = BlobName(friendlyName);
        var content = BinaryData.FromString(element.ToString(SaveOptions.DisableFormatting));
        if (TryCreate(name, content)) return;

        // The name is taken. The same element stored again (a retried call) is already there; a different one is kept
        // beside it under a unique name, so that neither is lost.
        var existing = Download(name);
        if (existing is not null && existing.ToString() == content.ToString()) return;
        var other = $"{name[..^Extension.Length]}-{Guid.NewGuid():N}{Extension}";
        if (!TryCreate(other, content))
            throw new InvalidOperationException($"Data Protection key element '{friendlyName}' could not be stored: blob {other} in container {container.Name} already exists.");
        logger.LogWarning("Blob {Blob} in container {Container} holds another key element; stored '{FriendlyName}' as {Other}", name, container.Name, friendlyName, other);
    }

    /// <summary>The blob a key element goes to: its friendly name (e.g. key-{guid}) when that is a plain name, a new GUID otherwise.</summary>
    internal static string BlobName(string? friendlyName) =>
        (friendlyName is not null && PlainName().IsMatch(friendlyName) ? friendlyName : Guid.NewGuid().ToString("N")) + Extension;

    private bool TryCreate(string name, BinaryData content, bool createContainer = true)
    {
        var options = new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/xml" },
        };
        try
        {
            container.GetBlobClient(name).Upload(content, options, CancellationToken.None);
            return true;
        }
        catch (RequestFailedException ex) when (createContainer && ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            container.CreateIfNotExists(PublicAccessType.None, cancellationToken: CancellationToken.None);
            return TryCreate(name, content, createContainer: false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    private XElement? Read(string name)
    {
        var content = Download(name);
        if (content is null) return null;
        try
        {
            using var stream = content.ToStream();
            return XElement.Load(stream);
        }
        catch (XmlException ex)
        {
            // One damaged blob must not take the whole key ring down: the keys in the others still open what they protected.
            logger.LogError(ex, "Blob {Blob} in container {Container} is not a Data Protection key element (not XML); it is left as it is and skipped", name, container.Name);
            return null;
        }
    }

    private BinaryData? Download(string name)
    {
        try
        {
            return container.GetBlobClient(name).DownloadContent(CancellationToken.None).Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null; // deleted between listing and reading
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")]
    private static partial Regex PlainName();
}
