# Reads security alerts through Microsoft Graph PowerShell.
Connect-MgGraph -Scopes 'SecurityEvents.Read.All' -NoWelcome

$legacy = Get-MgSecurityAlert -Top 10 -Filter "severity eq 'high'"
$v2 = Get-MgSecurityAlertV2 -Top 10
$raw = Invoke-MgGraphRequest -Method GET -Uri 'https://graph.microsoft.com/v1.0/security/alerts?$top=5'
$beta = Invoke-MgGraphRequest -Method GET -Uri "beta/security/alerts"
$fine = Invoke-MgGraphRequest -Method GET -Uri 'https://graph.microsoft.com/v1.0/security/alerts_v2?$top=5'
$legacy | ForEach-Object { Update-MgSecurityAlert -AlertId $_.Id -BodyParameter @{ status = 'resolved' } }
