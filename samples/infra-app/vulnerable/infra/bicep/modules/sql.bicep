param location string
@secure()
param administratorLoginPassword string

resource sql 'Microsoft.Sql/servers@2023-08-01-preview' = {
  name: 'orders-sql'
  location: location
  properties: {
    administratorLogin: 'ordersadmin'
    administratorLoginPassword: administratorLoginPassword
    minimalTlsVersion: '1.2'
  }
}

resource db 'Microsoft.Sql/servers/databases@2023-08-01-preview' = {
  parent: sql
  name: 'orders'
  location: location
}
