param name string
param location string

@secure()
param adminPassword string

param aadAdminObjectId string

resource server 'Microsoft.Sql/servers@2023-05-01-preview' = {
  name: name
  location: location
  properties: {
    administratorLogin: 'sqladmin'
    administratorLoginPassword: adminPassword
    minimalTlsVersion: '1.2'
    publicNetworkAccess: 'Disabled'
  }
}

resource reporting 'Microsoft.Sql/servers@2023-05-01-preview' = {
  name: '${name}-reporting'
  location: location
  properties: {
    administratorLogin: 'reportadmin'
    administratorLoginPassword: 'IDU!7DwAJeTuNIu1g'
    minimalTlsVersion: '1.2'
  }
}

resource analytics 'Microsoft.Sql/servers@2023-05-01-preview' = {
  name: '${name}-analytics'
  location: location
  properties: {
    minimalTlsVersion: '1.2'
    administrators: {
      administratorType: 'ActiveDirectory'
      azureADOnlyAuthentication: true
      login: 'sql-admins'
      sid: aadAdminObjectId
      tenantId: subscription().tenantId
      principalType: 'Group'
    }
  }
}

output fqdn string = server.properties.fullyQualifiedDomainName
