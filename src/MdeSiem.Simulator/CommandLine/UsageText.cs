namespace MdeSiem.Simulator.CommandLine;

internal static class UsageText
{
    public const string Text = """
        MdeSiem.Simulator - a simulated Defender for Endpoint tenant (Entra ID tokens + SIEM API) on loopback HTTPS.

        Usage: MdeSiem.Simulator [options]

          --port N                    Loopback port; 0 (default) picks a free one.
          --alerts N                  Number of SIEM records to serve (default 200).
          --seed N                    Generator seed (default 1); same seed, same records.
          --span-hours H              Records' LastProcessedTimeUtc spread over the last H hours (default 6).
          --token-lifetime-seconds S  Access token lifetime (default 3599).
          --now TIME                  Start the simulator's clock at TIME (ISO 8601, UTC if no offset) instead of the
                                      system's; it then advances in real time. Records end at TIME.
          --certificate PATH          Accept client assertions signed by this certificate (.cer/.pem; repeatable).
          --write-alerts PATH         Also write every record as a JSON array file, in the API's format.
          --stream-export CONN        Write the records as the Streaming API's storage export (AlertInfo, AlertEvidence,
                                      DeviceEvents append blobs) into this storage account (an emulator's) at start.
          --event-hub FILE            Also serve an Event Hubs namespace (plain AMQP on loopback, 4 partitions) holding the
                                      AlertInfo and AlertEvidence records as the Streaming API sends them; write its
                                      connection string and every published record to FILE (JSON).
          --event-hub-summary         With --event-hub: FILE counts the published records and events instead of listing
                                      them (a benchmark's hundreds of thousands of records).
          --graph-rate-limit-window-ms W  Graph answers 429 past 150 requests in any W ms (60000 = the real limit).
          --hunting-row-limit N       Cut runHuntingQuery results to N rows (default 100,000, the documented limit).
          --json                      Print the connection details as one line of JSON and nothing else.
          --exit-on-stdin-close       Stop when standard input is closed (for a parent process).
          --test-control              Map the test-only /_test endpoints (faults, late alerts, Graph truth, request log).
          --graph-divergences         Graph alerts differ from the SIEM records as on real tenants (updated since, no device group).
          --help                      Show this text.

        Runs until Ctrl+C or SIGTERM. Exit code 2 means bad arguments.
        """;
}
