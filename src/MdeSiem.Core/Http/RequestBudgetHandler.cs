using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MdeSiem.Core.Http;

/// <summary>
/// Makes each request (every retry attempt included) wait for its API's call budget. The budgets live in the
/// connection, so all cmdlets of a session share them.
/// </summary>
internal sealed class RequestBudgetHandler : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, RequestBudget> _budgets;

    public RequestBudgetHandler(ConcurrentDictionary<string, RequestBudget> budgets, HttpMessageHandler inner)
        : base(inner)
    {
        _budgets = budgets;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Properties.TryGetValue(RequestOptionKeys.Api, out var value) && value is string api)
        {
            var budget = _budgets.GetOrAdd(api, RequestBudget.ForApi);
            await budget.WaitForTurnAsync(cancellationToken).ConfigureAwait(false);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
