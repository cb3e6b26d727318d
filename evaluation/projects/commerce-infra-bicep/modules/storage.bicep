param namePrefix string
param location string
param tags object = {}

var baseProperties = {
  minimumTlsVersion: 'TLS1_2'
  allowBlobPublicAccess: false
  supportsHttpsTrafficOnly: true
}

resource appAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: '${namePrefix}app'
  location: location
  tags: tags
  sku: {
    name: 'Standard_ZRS'
  }
  kind: 'StorageV2'
  properties: baseProperties
}

resource dataAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: '${namePrefix}data'
  location: location
  tags: tags
  sku: {
    name: 'Standard_GRS'
  }
  kind: 'StorageV2'
  properties: {
    ...baseProperties
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
  }
}

resource funcAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: '${namePrefix}func'
  location: location
  tags: tags
  sku: {
    name: 'Standard_LRS'
  }
  kind: 'StorageV2'
  properties: union(baseProperties, {
    allowSharedKeyAccess: true
  })
}

output appAccountName string = appAccount.name
output funcAccountName string = funcAccount.name
output dataBlobEndpoint string = dataAccount.properties.primaryEndpoints.blob
