using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace MdeSiem.Simulator.Hosting;

/// <summary>
/// Replaces the console lifetime so that a simulator hosted inside a test process does not take over Ctrl+C and
/// SIGTERM; the program handles those itself and disposes the tenant.
/// </summary>
internal sealed class ManualHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
