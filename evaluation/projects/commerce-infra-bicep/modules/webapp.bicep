param name string
param location string
param env string
param storageAccountName string
param serviceBusNamespaceName string
param cosmosAccountName string
param redisName string
param keyVaultName string
param partnerApiKeySecretName string

@secure()
param legacyStorageKey string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource sbSender 'Microsoft.ServiceBus/namespaces/AuthorizationRules@2022-10-01-preview' existing = {
  name: '${serviceBusNamespaceName}/orders-sender'
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' existing = {
  name: cosmosAccountName
}

resource redis 'Microsoft.Cache/redis@2024-03-01' existing = {
  name: redisName
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-${name}'
  location: location
  kind: 'linux'
  sku: {
    name: 'P1v3'
  }
  properties: {
    reserved: true
  }
}

var baseSettings = [
  {
    name: 'SPRING_PROFILES_ACTIVE'
    value: env
  }
  {
    name: 'EVENTHUB_NAMESPACE'
    value: 'evh-contoso-commerce-${env}.servicebus.windows.net'
  }
]

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'JAVA|21-java21'
      appSettings: concat(baseSettings, [
        {
          name: 'AZURE_STORAGE_CONNECTION_STRING'
          value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
        }
        {
          name: 'SERVICEBUS_CONNECTION'
          value: sbSender.listKeys().primaryConnectionString
        }
        {
          name: 'COSMOS_KEY'
          value: cosmos.listKeys().primaryMasterKey
        }
        {
          name: 'SQL_PASSWORD'
          value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=sql-app-password)'
        }
        {
          name: 'PARTNER_API_KEY'
          value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${partnerApiKeySecretName})'
        }
        {
          name: 'LEGACY_STORAGE_KEY'
          value: legacyStorageKey
        }
        {
          name: 'LEGACY_BLOB_CONNECTION'
          value: 'DefaultEndpointsProtocol=https;AccountName=stcontosocomlegacy;AccountKey=Koywg4CMrX93fluNVY9LSCzle6/BVDo57ZaHOMS8U5zW1gqP7oq/KzTqGt6aCSdoj4b1ghvPqduZFj0KLnFTWw==;EndpointSuffix=core.windows.net'
        }
      ])
    }
  }
}

resource appSettingsSlot 'Microsoft.Web/sites/slots/config@2023-12-01' = {
  name: '${app.name}/staging/appsettings'
  properties: union({
    SPRING_PROFILES_ACTIVE: 'staging'
  }, {
    SPRING_DATA_REDIS_HOST: '${redis.name}.redis.cache.windows.net'
    SPRING_DATA_REDIS_PASSWORD: redis.listKeys().primaryKey
  })
}

resource func 'Microsoft.Web/sites@2023-12-01' = {
  name: 'func-contoso-commerce-${env}'
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    siteConfig: {
      linuxFxVersion: 'JAVA|21'
      appSettings: [
        {
          name: 'AzureWebJobsStorage__accountName'
          value: storageAccountName
        }
        {
          name: 'FUNCTIONS_EXTENSION_VERSION'
          value: '~4'
        }
        {
          name: 'ServiceBusConnection__fullyQualifiedNamespace'
          value: '${serviceBusNamespaceName}.servicebus.windows.net'
        }
      ]
    }
  }
}
