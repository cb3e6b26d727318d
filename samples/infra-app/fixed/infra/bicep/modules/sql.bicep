param location string
param adminGroupObjectId string

resource sql 'Microsoft.Sql/servers@2023-08-01-preview' = {
  name: 'orders-sql'
  location: location
  properties: {
    minimalTlsVersion: '1.2'
    administrators: {
      administratorType: 'ActiveDirectory'
      azureADOnlyAuthentication: true
      login: 'orders-sql-admins'
      sid: adminGroupObjectId
      tenantId: subscription().tenantId
      principalType: 'Group'
    }
  }
}

resource db 'Microsoft.Sql/servers/databases@2023-08-01-preview' = {
  parent: sql
  name: 'orders'
  location: location
}
