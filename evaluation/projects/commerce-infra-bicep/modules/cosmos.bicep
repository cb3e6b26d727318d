param name string
param location string

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: name
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    disableLocalAuth: false
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: true
      }
    ]
  }
}

resource analytics 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: '${name}-analytics'
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    locations: [
      {
        locationName: location
        failoverPriority: 0
      }
    ]
  }
}

output name string = account.name
output endpoint string = account.properties.documentEndpoint
