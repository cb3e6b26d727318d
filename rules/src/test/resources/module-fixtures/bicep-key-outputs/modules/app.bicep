// mi-scan:allow-file test fixture: a module that puts the connection string it is given into app settings
@secure()
param storageConnection string

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'orders-api'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {
    siteConfig: {
      appSettings: [
        // expect: MI-IAC-KEY-INJECTION warning
        { name: 'STORAGE', value: storageConnection }
      ]
    }
  }
}
