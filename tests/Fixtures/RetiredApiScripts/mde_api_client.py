"""Pulls alerts and runs hunting queries through the Defender for Endpoint API.

The old SIEM endpoint (https://wdatp-alertexporter-eu.windows.com/api/alerts) is no longer used here;
see also https://api.securitycenter.microsoft.com/api/alerts in the portal docs.
"""
import requests
from msgraph import GraphServiceClient

# Regional host: https://api-eu.securitycenter.microsoft.com
ALERTS_URL = "https://api-eu.securitycenter.microsoft.com/api/alerts"
HUNTING_URL = "https://api.security.microsoft.com/api/advancedhunting/run"
INCIDENTS_URL = "https://api.security.microsoft.com/api/incidents"
SCOPE = "https://api.securitycenter.microsoft.com/.default"  # token audience of the MDE API


def recent_alerts(token, top=100):
    # GET https://api.securitycenter.microsoft.com/api/v1.0/alerts would work as well
    headers = {"Authorization": "Bearer " + token}
    return requests.get(ALERTS_URL, params={"$top": top}, headers=headers).json()["value"]


def machine_alerts(token, machine_id):
    url = f"https://eu.api.security.microsoft.com/api/machines/{machine_id}/alerts"
    return requests.get(url, headers={"Authorization": "Bearer " + token}).json()["value"]


async def graph_alerts(client: GraphServiceClient):
    legacy = await client.security.alerts.get()
    current = await client.security.alerts_v2.get()
    return legacy, current
