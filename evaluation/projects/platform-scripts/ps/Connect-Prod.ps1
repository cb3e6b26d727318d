# Connects a Windows agent to the prod subscription and runs a SQL health check.
$tenantId = "fe5a3d44-378c-4892-9934-e7359372175b"
$appId = "b65b9c72-20a1-40d0-94da-4964208e393c"
$secret = ConvertTo-SecureString "VPc8Q~A8nlYFWhU7lFpeA-Nj593kymiUm~dzcQb_" -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential($appId, $secret)
Connect-AzAccount -ServicePrincipal -Credential $cred -Tenant $tenantId
Set-AzContext -Subscription "466341fa-33ae-490c-a61a-2d72f8651ee8"

# health check with the SQL admin (password from the agent's environment)
Invoke-Sqlcmd -ServerInstance "contoso-orders-prod.database.windows.net" -Database orders -Username sqladmin -Password $env:SQL_ADMIN_PASSWORD -Query "SELECT 1"

# same check with an Entra token (preferred)
$token = (Get-AzAccessToken -ResourceUrl https://database.windows.net/).Token
Invoke-Sqlcmd -ServerInstance "contoso-orders-prod.database.windows.net" -Database orders -AccessToken $token -Query "SELECT 1"
