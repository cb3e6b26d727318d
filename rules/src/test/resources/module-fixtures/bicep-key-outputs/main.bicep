// mi-scan:allow-file test fixture: a key output of one module passed to another module's app settings
module storage 'modules/storage.bicep' = {
  name: 'storage'
}

module app 'modules/app.bicep' = {
  name: 'app'
  params: {
    storageConnection: storage.outputs.connectionString
  }
}
