// mi-scan:allow-file test fixture: a module with a secure parameter whose name says nothing
param serverName string
param adminLogin string
@secure()
param bootstrapValue string

resource sql 'Microsoft.Sql/servers@2023-08-01-preview' = {
  name: serverName
  location: 'westeurope'
  properties: {
    administratorLogin: adminLogin
    // expect: MI-IAC-SQL-PASSWORD-AUTH warning
    administratorLoginPassword: bootstrapValue
  }
}
