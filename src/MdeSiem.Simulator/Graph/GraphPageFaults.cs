using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace MdeSiem.Simulator.Graph;

/// <summary>
/// Faults that change a collection page rather than replace it: a 206 Partial Content with every other record of
/// the page (the others' provider failed; they are interleaved in time, so a client cannot re-read them by paging on) and the
/// Warning header Graph sends when a provider behind it failed, and a 200 whose JSON stops half-way.
/// </summary>
internal static class GraphPageFaults
{
    public static async Task WriteAsync<T>(HttpContext context, SimulatedFault? fault, IReadOnlyList<T> items, Func<IReadOnlyList<T>, int, Task> write)
    {
        if (fault?.PartialProvider is { } provider)
        {
            context.Response.Headers.Warning = $"199 - \"Microsoft/{provider}/504/10000\"";
            await write(items.Where((_, index) => index % 2 == 0).ToList(), StatusCodes.Status206PartialContent).ConfigureAwait(false);
            return;
        }

        if (fault?.TruncatedJson != true)
        {
            await write(items, StatusCodes.Status200OK).ConfigureAwait(false);
            return;
        }

        // Write the page into memory, then send its first half as if it were all of it.
        Stream original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await write(items, StatusCodes.Status200OK).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        int half = (int)(buffer.Length / 2);
        context.Response.ContentLength = half;
        await original.WriteAsync(buffer.GetBuffer().AsMemory(0, half), context.RequestAborted).ConfigureAwait(false);
    }
}
