using System.Collections.Generic;
using System.IO;
using System.Threading;
using MdeSiem.Core.OData;

namespace MdeSiem.Core.Paging;

/// <summary>Streams the items of one response body; a page format that carries a next link puts it in <paramref name="links"/>.</summary>
internal delegate IAsyncEnumerable<T> PageParser<T>(Stream body, ODataPageLinks links, CancellationToken cancellationToken);
