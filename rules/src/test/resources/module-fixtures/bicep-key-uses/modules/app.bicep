// mi-scan:allow-file test fixture
param location string
param storageName string
param busNamespace string

resource stg 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageName
}

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: 'orders-web'
  location: location
  identity: { type: 'SystemAssigned' }
  properties: {
    siteConfig: {
      appSettings: [
        // expect: MI-IAC-KEY-INJECTION warning
        { name: 'EXPORTS_CONNECTION', value: 'DefaultEndpointsProtocol=https;AccountName=${stg.name};AccountKey=${stg.listKeys().keys[0].value}' }
        { name: 'SERVICEBUS_NAMESPACE', value: busNamespace }
      ]
    }
  }
}
