using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Mde;
using MdeSiem.Core.OData;
using MdeSiem.Tests.Core;
using Xunit;

namespace MdeSiem.Tests.Mde;

/// <summary>Parsing hand-written pages shaped like the documented alerts API and incidents API responses.</summary>
public sealed class MdeParsingTests
{
    private const string AlertsPage = """
        {
          "@odata.context": "https://api.security.microsoft.com/api/$metadata#Alerts",
          "value": [
            {
              "id": "da637472900382838869_1364969609",
              "incidentId": 1126093,
              "investigationId": null,
              "assignedTo": null,
              "severity": "Low",
              "status": "New",
              "classification": null,
              "determination": null,
              "investigationState": "Queued",
              "detectionSource": "WindowsDefenderAtp",
              "detectorId": "17e10bbc-3a68-474a-8aad-faef14d43952",
              "category": "Execution",
              "threatFamilyName": null,
              "title": "Low-reputation arbitrary code executed by signed executable",
              "description": "Binaries signed by Microsoft can be used to run low-reputation arbitrary code.",
              "alertCreationTime": "2021-01-26T20:33:57.7220239Z",
              "firstEventTime": "2021-01-26T20:31:32.9562661Z",
              "lastEventTime": "2021-01-26T20:31:33.0577322Z",
              "lastUpdateTime": "2021-01-26T20:33:59.2Z",
              "resolvedTime": null,
              "machineId": "111e6dd8c833c8a052ea231ec1b19adaf497b625",
              "computerDnsName": "temp123.middleeast.corp.contoso.com",
              "rbacGroupName": "A",
              "aadTenantId": "a839b112-1253-6432-9bf6-94542403f21c",
              "threatName": null,
              "mitreTechniques": ["T1064", "T1085", "T1220"],
              "relatedUser": { "userName": "temp123", "domainName": "DOMAIN" },
              "comments": [ { "comment": "test comment", "createdBy": "secop123@contoso.com", "createdTime": "2021-01-26T01:00:37.8404534Z" } ],
              "newServiceProperty": { "nested": [1, 2] },
              "evidence": [
                {
                  "entityType": "Process",
                  "evidenceCreationTime": "2021-01-26T20:33:58.6133333Z",
                  "sha1": "ff836cfb1af40252bd2a2ea843032e99a5b262ed",
                  "sha256": "a4752c71d81afd3d5865d24ddb11a6b0c615062fcc448d24050c2172d2cbccd6",
                  "fileName": "rundll32.exe",
                  "filePath": "C:\\Windows\\SysWOW64",
                  "processId": 3276,
                  "processCommandLine": "rundll32.exe  c:\\temp\\suspicious.dll,RepeatAfterMe",
                  "processCreationTime": "2021-01-26T20:31:32.9581596Z",
                  "parentProcessId": 8420,
                  "parentProcessCreationTime": "2021-01-26T20:31:32.9004163Z",
                  "parentProcessFileName": "rundll32.exe",
                  "parentProcessFilePath": "C:\\Windows\\System32",
                  "ipAddress": null, "url": null, "registryKey": null, "registryHive": null, "registryValueType": null, "registryValue": null,
                  "accountName": null, "domainName": null, "userSid": null, "aadUserId": null, "userPrincipalName": null,
                  "detectionStatus": "Detected"
                },
                { "entityType": "User", "accountName": "name", "domainName": "DOMAIN", "userSid": "S-1-5-21-1", "userPrincipalName": "temp123@contoso.com" }
              ]
            },
            { "id": "da2", "severity": "Critical", "status": "Dismissed", "classification": "TruePositive", "determination": "Apt", "incidentId": "77" }
          ]
        }
        """;

    private const string IncidentsPage = """
        {
          "@odata.context": "https://api.security.microsoft.com/api/$metadata#Incidents",
          "value": [
            {
              "incidentId": 924521, "redirectIncidentId": null, "incidentName": "'Mimikatz' hacktool was detected on one endpoint",
              "createdTime": "2020-09-06T12:18:03.6266667Z", "lastUpdateTime": "2020-09-06T12:18:03.81Z", "assignedTo": null,
              "classification": "Unknown", "determination": "NotAvailable", "status": "Active", "severity": "Low", "tags": ["x"], "comments": [],
              "alerts": [
                {
                  "alertId": "da637349914833441527_393341063", "incidentId": 924521, "serviceSource": "MicrosoftDefenderATP",
                  "creationTime": "2020-09-06T12:18:03.3285366Z", "lastUpdatedTime": "2020-09-06T12:18:04.2566667Z", "resolvedTime": null,
                  "firstActivity": "2020-09-06T12:15:07.7272048Z", "lastActivity": "2020-09-06T12:15:07.7272048Z",
                  "title": "'Mimikatz' hacktool was detected", "category": "Malware", "status": "New", "severity": "Low",
                  "investigationState": "UnsupportedOs", "detectionSource": "WindowsDefenderAv", "threatFamilyName": "Mimikatz", "mitreTechniques": [],
                  "devices": [ { "mdatpDeviceId": "24c222b0b60fe148eeece49ac83910cc6a7ef491", "deviceDnsName": "user5cx.contoso.com", "osPlatform": "WindowsServer2016",
                                 "osBuild": 14393, "healthStatus": "Active", "riskScore": "High", "rbacGroupName": "WDATP-Ring0", "rbacGroupId": 9, "firstSeen": "2020-02-06T14:16:01.9330135Z" } ],
                  "entities": [ { "entityType": "File", "sha1": "5de839186691aa96ee2ca6d74f0a38fb8d1bd6dd", "fileName": "Detector.UnitTests.dll", "deviceId": "24c222b0b60fe148eeece49ac83910cc6a7ef491" },
                                { "entityType": "MailMessage", "sender": "user.abc@mail.contoso.co.in", "recipient": "test.User4@contoso.com", "subject": "[EXTERNAL] Attention" } ]
                }
              ]
            }
          ]
        }
        """;

    private static async Task<List<T>> ReadAsync<T>(string json, int chunkSize)
        where T : class, new()
    {
        var items = new List<T>();
        await foreach (var item in ODataPageStreamReader.ReadAsync(new ChunkedStream(Encoding.UTF8.GetBytes(json), chunkSize), GraphObjectBinder.Bind<T>, new ODataPageLinks()))
        {
            items.Add(item);
        }

        return items;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(13)]
    [InlineData(100_000)]
    public async Task Every_documented_alert_property_is_read_whatever_the_chunk_size(int chunkSize)
    {
        var alerts = await ReadAsync<MdeAlert>(AlertsPage, chunkSize);

        Assert.Equal(2, alerts.Count);
        var alert = alerts[0];
        Assert.Equal("da637472900382838869_1364969609", alert.Id);
        Assert.Equal(1126093L, alert.IncidentId);
        Assert.Null(alert.InvestigationId);
        Assert.Equal(MdeAlertSeverity.Low, alert.Severity);
        Assert.Equal(MdeAlertStatus.New, alert.Status);
        Assert.Null(alert.Classification);
        Assert.Equal("Queued", alert.InvestigationState);
        Assert.Equal("WindowsDefenderAtp", alert.DetectionSource);
        Assert.Equal("17e10bbc-3a68-474a-8aad-faef14d43952", alert.DetectorId);
        Assert.Equal("Execution", alert.Category);
        Assert.Equal(new DateTime(2021, 1, 26, 20, 33, 57, DateTimeKind.Utc).AddTicks(7220239), alert.AlertCreationTime);
        Assert.Equal(DateTimeKind.Utc, alert.LastUpdateTime!.Value.Kind);
        Assert.Equal(new DateTime(2021, 1, 26, 20, 31, 32, DateTimeKind.Utc).AddTicks(9562661), alert.FirstEventTime);
        Assert.Equal("111e6dd8c833c8a052ea231ec1b19adaf497b625", alert.MachineId);
        Assert.Equal("temp123.middleeast.corp.contoso.com", alert.ComputerDnsName);
        Assert.Equal("A", alert.RbacGroupName);
        Assert.Equal("a839b112-1253-6432-9bf6-94542403f21c", alert.AadTenantId);
        Assert.Equal(new[] { "T1064", "T1085", "T1220" }, alert.MitreTechniques);
        Assert.Equal("DOMAIN\\temp123", alert.RelatedUser!.ToString());
        Assert.Equal("secop123@contoso.com", Assert.Single(alert.Comments).CreatedBy);
        Assert.Equal("{ \"nested\": [1, 2] }", alert.AdditionalProperties["newServiceProperty"]);

        Assert.Equal(2, alert.Evidence.Count);
        var process = alert.Evidence[0];
        Assert.Equal("Process", process.EntityType);
        Assert.Equal(3276L, process.ProcessId);
        Assert.Equal(8420L, process.ParentProcessId);
        Assert.Equal("C:\\Windows\\System32", process.ParentProcessFilePath);
        Assert.Equal("Detected", process.DetectionStatus);
        Assert.Equal("S-1-5-21-1", alert.Evidence[1].UserSid);
    }

    [Fact]
    public async Task Values_this_version_does_not_know_keep_their_text()
    {
        var alert = (await ReadAsync<MdeAlert>(AlertsPage, 4096))[1];

        Assert.Equal(MdeAlertSeverity.UnknownFutureValue, alert.Severity);
        Assert.Equal("Critical", alert.SeverityValue);
        Assert.Equal(MdeAlertStatus.UnknownFutureValue, alert.Status);
        Assert.Equal(MdeAlertClassification.TruePositive, alert.Classification);
        Assert.Equal("Apt", alert.DeterminationValue);
        Assert.Equal(77L, alert.IncidentId);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100_000)]
    public async Task An_incident_carries_its_alerts_devices_and_entities(int chunkSize)
    {
        var incident = Assert.Single(await ReadAsync<MdeIncident>(IncidentsPage, chunkSize));

        Assert.Equal(924521L, incident.IncidentId);
        Assert.Equal(MdeIncidentStatus.Active, incident.Status);
        Assert.Equal(MdeAlertSeverity.Low, incident.Severity);
        Assert.Equal("NotAvailable", incident.Determination);
        Assert.Equal(new[] { "x" }, incident.Tags);
        var alert = Assert.Single(incident.Alerts);
        Assert.Equal("da637349914833441527_393341063", alert.AlertId);
        Assert.Equal("MicrosoftDefenderATP", alert.ServiceSource);
        Assert.Equal(new DateTime(2020, 9, 6, 12, 15, 7, DateTimeKind.Utc).AddTicks(7272048), alert.FirstActivity);
        var device = Assert.Single(alert.Devices);
        Assert.Equal(14393L, device.OsBuild);
        Assert.Equal(9L, device.RbacGroupId);
        Assert.Equal("24c222b0b60fe148eeece49ac83910cc6a7ef491", device.MdatpDeviceId);
        Assert.Equal(2, alert.Entities.Count);
        Assert.Equal("Detector.UnitTests.dll", alert.Entities[0].FileName);
        Assert.Equal("[EXTERNAL] Attention", alert.Entities[1].Subject);
    }

    [Fact]
    public void Friendly_filters_become_the_documented_OData()
    {
        var query = new MdeAlertQuery
        {
            Filter = "id eq 'a' or id eq 'b'",
            AssignedTo = "o'neil@contoso.com",
            IncidentId = 42,
            CreatedAfter = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            UpdatedBefore = new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        query.Statuses.Add(MdeAlertStatus.New);
        query.Statuses.Add(MdeAlertStatus.InProgress);
        query.Severities.Add(MdeAlertSeverity.High);
        query.DetectionSources.Add("WindowsDefenderAv");

        Assert.Equal(
            "(id eq 'a' or id eq 'b') and (status eq 'New' or status eq 'InProgress') and severity eq 'High' and detectionSource eq 'WindowsDefenderAv'"
            + " and assignedTo eq 'o''neil@contoso.com' and incidentId eq 42 and alertCreationTime ge 2026-01-02T03:04:05.0000000Z and lastUpdateTime lt 2026-02-01T00:00:00.0000000Z",
            query.BuildFilter());
    }

    [Fact]
    public void An_update_sends_only_what_changes_comment_included()
    {
        var update = new MdeAlertUpdate { Status = MdeAlertStatus.Resolved, Determination = MdeAlertDetermination.Malware, Comment = "done" };

        Assert.Equal("{\"status\":\"Resolved\",\"determination\":\"Malware\",\"comment\":\"done\"}", update.ToPatchJson());
        Assert.True(new MdeAlertUpdate().IsEmpty);
    }
}
