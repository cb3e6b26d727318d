param location string = resourceGroup().location

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'orders-api'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'SQL_CONNECTION', value: 'Server=tcp:orders-sql.database.windows.net,1433;Initial Catalog=orders;Authentication=Active Directory Managed Identity;Encrypt=True;' }
        { name: 'SIGNALR_CONNECTION', value: 'Endpoint=https://orders-signalr.service.signalr.net;AuthType=aad;Version=1.0;' }
        { name: 'ACS_ENDPOINT', value: 'https://orders-notify.communication.azure.com/' }
      ]
    }
  }
}

resource signalR 'Microsoft.SignalRService/signalR@2024-03-01' existing = {
  name: 'orders-signalr'
}

// SignalR App Server
resource signalRAppServer 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(signalR.id, app.id, '420fcaa2-552c-430f-98ca-3264be4806c7')
  scope: signalR
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '420fcaa2-552c-430f-98ca-3264be4806c7')
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// telemetry only with an Entra token: the app's identity has Monitoring Metrics Publisher on the component
resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'orders-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    DisableLocalAuth: true
  }
}

resource insightsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, app.id, '3913510d-42f4-4e42-8a64-420c390055eb')
  scope: insights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '3913510d-42f4-4e42-8a64-420c390055eb')
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}
