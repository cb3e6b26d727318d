param location string
param storageAccountName string

resource stg 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource bus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'orders-bus'
  location: location
  sku: { name: 'Standard' }
  properties: {
    disableLocalAuth: true
  }
}

resource fn 'Microsoft.Web/sites@2023-12-01' = {
  name: 'orders-fn'
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    siteConfig: {
      linuxFxVersion: 'JAVA|17'
      appSettings: [
        { name: 'AzureWebJobsStorage__accountName', value: stg.name }
        { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
        { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'java' }
        { name: 'ServiceBusConnection__fullyQualifiedNamespace', value: '${bus.name}.servicebus.windows.net' }
      ]
    }
  }
}

// Storage Blob Data Owner: what the Functions host needs on AzureWebJobsStorage
resource fnStorageBlobDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(stg.id, fn.id, 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
  scope: stg
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
    principalId: fn.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Azure Service Bus Data Receiver: the trigger reads the orders queue
resource fnServiceBusDataReceiver 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(bus.id, fn.id, '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0')
  scope: bus
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0')
    principalId: fn.identity.principalId
    principalType: 'ServicePrincipal'
  }
}
