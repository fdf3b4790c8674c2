"""Replaced the SIEM API (wdatp-alertexporter-eu.windows.com) with Graph.

The old call was requests.get("https://api.securitycenter.microsoft.com/api/alerts").
"""
# client.security.alerts.get() was the legacy call; alerts_v2 replaced it.
# GRAPH = "https://graph.microsoft.com/v1.0/security/alerts"


def describe():
    # Get-MdeSiemAlert is what the PowerShell jobs used.
    return "alerts_v2"
