// mi-scan:allow-file test fixture: a module whose key switches its callers decide
param name string
param disableLocalAuth bool = false
param allowShared bool

resource sb 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: name
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {
    disableLocalAuth: disableLocalAuth
  }
}

resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'st${name}'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: allowShared
  }
}
