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
    private readonly double _timeScale;

    public RequestBudgetHandler(ConcurrentDictionary<string, RequestBudget> budgets, HttpMessageHandler inner, double timeScale = 1.0)
        : base(inner)
    {
        _budgets = budgets;
        _timeScale = timeScale;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Properties.TryGetValue(RequestOptionKeys.Api, out var value) && value is string api)
        {
            var budget = _budgets.GetOrAdd(api, name => RequestBudget.ForApi(name, _timeScale));
            var slot = await budget.WaitForTurnAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                budget.Complete(slot);
            }
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
