// mi-scan:allow-file test fixture: a module whose secure output is its account's connection string
resource stg 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stordersdata'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    // expect: MI-IAC-STORAGE-SHARED-KEY-ACCESS warning
    allowSharedKeyAccess: true
  }
}

@secure()
// expect: MI-IAC-SECURE-KEY-OUTPUT note
output connectionString string = 'DefaultEndpointsProtocol=https;AccountName=${stg.name};AccountKey=${stg.listKeys().keys[0].value}'
