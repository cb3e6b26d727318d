// Orders platform: storage, the Functions app and its messaging, and the database, as modules.
// No keys or passwords: the Functions app uses its managed identity, SQL accepts Microsoft Entra ID only.
param location string = resourceGroup().location
param sqlAdminGroupObjectId string

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
    storageAccountName: storage.outputs.name
  }
}

module sql 'modules/sql.bicep' = {
  name: 'sql'
  params: {
    location: location
    adminGroupObjectId: sqlAdminGroupObjectId
  }
}
