using System.Threading.Tasks;
using Microsoft.Graph;

/* Before 2026 this job read wdatp-alertexporter-eu.windows.com and then graphClient.Security.Alerts. */
public sealed class GraphAlertsJob
{
    private readonly GraphServiceClient _graphClient;

    public GraphAlertsJob(GraphServiceClient graphClient) => _graphClient = graphClient;

    public async Task RunAsync()
    {
        // var old = await _graphClient.Security.Alerts.GetAsync();
        var legacy = await _graphClient.Security.Alerts.GetAsync();
        var current = await _graphClient.Security.Alerts_v2.GetAsync();
        var url = "https://graph.microsoft.com/v1.0/security/alerts_v2"; // not /v1.0/security/alerts
        System.Console.WriteLine($"{legacy?.Value?.Count} {current?.Value?.Count} {url}");
    }
}
