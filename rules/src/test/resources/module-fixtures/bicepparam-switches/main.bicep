// mi-scan:allow-file test fixture: a template whose parameters file decides its key switches
param allowShared bool = false
param disableLocalAuth bool = false
// expect: MI-IAC-REDIS-ACCESS-KEYS warning
param disableKeys bool = false

resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stordersdata'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: allowShared
  }
}

resource sb 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'orders-bus'
  location: 'westeurope'
  properties: {
    disableLocalAuth: disableLocalAuth
  }
}

resource cache 'Microsoft.Cache/redis@2024-03-01' = {
  name: 'orders-cache'
  location: 'westeurope'
  properties: {
    sku: { name: 'Standard', family: 'C', capacity: 1 }
    disableAccessKeyAuthentication: disableKeys
  }
}
