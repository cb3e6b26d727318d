param location string
@secure()
param storageConnection string

resource bus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'orders-bus'
  location: location
  sku: { name: 'Standard' }
  properties: {
    disableLocalAuth: false
  }
}

resource sendRule 'Microsoft.ServiceBus/namespaces/authorizationRules@2022-10-01-preview' = {
  parent: bus
  name: 'orders-send'
  properties: {
    rights: [ 'Send', 'Listen' ]
  }
}

resource fn 'Microsoft.Web/sites@2023-12-01' = {
  name: 'orders-fn'
  location: location
  kind: 'functionapp,linux'
  properties: {
    siteConfig: {
      linuxFxVersion: 'JAVA|17'
      appSettings: [
        { name: 'AzureWebJobsStorage', value: storageConnection }
        { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
        { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'java' }
        { name: 'ServiceBusConnection', value: sendRule.listKeys().primaryConnectionString }
      ]
    }
  }
}
