targetScope = 'resourceGroup'

@description('Environment short name')
@allowed([
  'dev'
  'test'
  'prod'
])
param env string = 'dev'
param location string = resourceGroup().location

@secure()
@description('Admin password of the orders SQL server')
param sqlAdminPassword string

@secure()
param pgAdminPassword string = 'bY9OU-5Da!c=DHC#E'

@description('Name of the Key Vault secret that holds the partner API key')
param partnerApiKeySecretName string = 'partner-api-key'

@secure()
param legacyStorageKey string = ''

@description('Object id of the Entra group that administers SQL')
param sqlAdminGroupObjectId string = 'eee8a056-c0c2-4105-8021-a8f0d8491883'

param tags object = {}

var commonTags = union(tags, {
  env: env
  owner: 'team-commerce'
})

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    namePrefix: 'stcontosocom${env}'
    location: location
    tags: commonTags
  }
}

module messaging 'modules/messaging.bicep' = {
  name: 'messaging'
  params: {
    env: env
    location: location
    tags: commonTags
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    name: 'cosmos-contoso-commerce-${env}'
    location: location
  }
}

module sql 'modules/sql.bicep' = {
  name: 'sql'
  params: {
    name: 'sql-contoso-commerce-${env}'
    location: location
    adminPassword: sqlAdminPassword
    aadAdminObjectId: sqlAdminGroupObjectId
  }
}

module pg 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    name: 'psql-contoso-commerce-${env}'
    location: location
    adminPassword: pgAdminPassword
  }
}

module cache 'modules/redis.bicep' = {
  name: 'redis'
  params: {
    env: env
    location: location
  }
}

module platform 'modules/platform.bicep' = {
  name: 'platform'
  params: {
    env: env
    location: location
  }
}

module web 'modules/webapp.bicep' = {
  name: 'web'
  params: {
    name: 'app-contoso-commerce-${env}'
    location: location
    env: env
    storageAccountName: storage.outputs.appAccountName
    serviceBusNamespaceName: messaging.outputs.serviceBusName
    cosmosAccountName: cosmos.outputs.name
    redisName: cache.outputs.name
    keyVaultName: 'kv-contoso-commerce-${env}'
    legacyStorageKey: legacyStorageKey
    partnerApiKeySecretName: partnerApiKeySecretName
  }
}
