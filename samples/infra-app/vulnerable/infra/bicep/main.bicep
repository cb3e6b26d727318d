// Orders platform: storage, the Functions app and its messaging, and the database, as modules.
param location string = resourceGroup().location
@secure()
param sqlAdminPassword string

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'ordersfunc'
    location: location
  }
}

module functions 'modules/functions.bicep' = {
  name: 'functions'
  params: {
    location: location
    storageConnection: storage.outputs.connectionString
  }
}

module sql 'modules/sql.bicep' = {
  name: 'sql'
  params: {
    location: location
    administratorLoginPassword: sqlAdminPassword
  }
}
