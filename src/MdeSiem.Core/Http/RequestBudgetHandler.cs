using System;
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
    private readonly Func<string, RequestBudget> _createBudget;

    public RequestBudgetHandler(ConcurrentDictionary<string, RequestBudget> budgets, HttpMessageHandler inner, Func<string, RequestBudget>? createBudget = null)
        : base(inner)
    {
        _budgets = budgets;
        _createBudget = createBudget ?? RequestBudget.ForApi;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Properties.TryGetValue(RequestOptionKeys.Api, out var value) && value is string api)
        {
            var budget = _budgets.GetOrAdd(api, _createBudget);

            // The call counts as in flight until its headers are back, then from that moment (see EnterAsync).
            using (await budget.EnterAsync(cancellationToken).ConfigureAwait(false))
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
