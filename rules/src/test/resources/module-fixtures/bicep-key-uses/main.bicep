// mi-scan:allow-file test fixture
// The account's switch is here; the module it calls reads the account's keys: the switch is reported, and its fix
// is refused with the use in modules/app.bicep.
param location string = resourceGroup().location

resource stg 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'ordersdata'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    // expect: MI-IAC-STORAGE-SHARED-KEY-ACCESS warning
    allowSharedKeyAccess: true
  }
}

// nothing reads this namespace's keys: its fix flips the switch
resource bus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'orders-bus'
  location: location
  sku: { name: 'Standard' }
  properties: {
    // expect: MI-IAC-LOCAL-AUTH-ENABLED warning
    disableLocalAuth: false
  }
}

module app 'modules/app.bicep' = {
  name: 'app'
  params: {
    location: location
    storageName: stg.name
    busNamespace: '${bus.name}.servicebus.windows.net'
  }
}
