using System;
using System.Text.Json;
using System.Threading;
using MdeSiem.Core.Http;
using MdeSiem.Core.Json;
using MdeSiem.Core.OData;

namespace MdeSiem.Core.Paging;

/// <summary>
/// What an API family tells the collection reader about one of its collections: where it is, how to send to it,
/// how a page is parsed, and what identifies an item. Everything about reading it is the reader's.
/// </summary>
internal sealed class CollectionDescription<T>
{
    public CollectionDescription(ServiceApi api, Uri collection, string? permission, PageParser<T> parse, Func<T, string?> idOf, bool pagesCarryNextLinks)
    {
        Api = api;
        Collection = collection;
        Permission = permission;
        Parse = parse;
        IdOf = idOf;
        PagesCarryNextLinks = pagesCarryNextLinks;
    }

    public ServiceApi Api { get; }

    public Uri Collection { get; }

    /// <summary>The application permission a read needs, named on a 403.</summary>
    public string? Permission { get; }

    public PageParser<T> Parse { get; }

    public Func<T, string?> IdOf { get; }

    /// <summary>True when a page that has more after it says so with @odata.nextLink (Graph); false when only a short page ends the collection (the Defender APIs).</summary>
    public bool PagesCarryNextLinks { get; }

    /// <summary>An OData collection: {"value":[..],"@odata.nextLink":..}.</summary>
    public static CollectionDescription<T> OData(ServiceApi api, Uri collection, string permission, Func<JsonElement, T> bind, Func<T, string?> idOf, bool pagesCarryNextLinks) =>
        new(api, collection, permission, (body, links, cancellationToken) => ODataPageStreamReader.ReadAsync(body, bind, links, cancellationToken), idOf, pagesCarryNextLinks);

    /// <summary>A bare JSON array, one page (the SIEM API).</summary>
    public static CollectionDescription<T> JsonArray(ServiceApi api, Uri collection, JsonElementParser<T> parse, Func<T, string?> idOf) =>
        new(api, collection, null, (body, _, cancellationToken) => JsonArrayStreamReader.ReadAsync(body, parse, cancellationToken), idOf, pagesCarryNextLinks: false);
}
