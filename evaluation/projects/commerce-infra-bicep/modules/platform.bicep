// Shared platform services: App Configuration, AI Search, SignalR
param env string
param location string

resource appConfig 'Microsoft.AppConfiguration/configurationStores@2023-03-01' = {
  name: 'appcs-contoso-commerce-${env}'
  location: location
  sku: {
    name: 'standard'
  }
  properties: {
    disableLocalAuth: true
  }
}

resource search 'Microsoft.Search/searchServices@2023-11-01' = {
  name: 'srch-contoso-commerce-${env}'
  location: location
  sku: {
    name: 'basic'
  }
  properties: {
    replicaCount: 1
    partitionCount: 1
    disableLocalAuth: false
  }
}

resource signalr 'Microsoft.SignalRService/signalR@2023-02-01' = {
  name: 'sigr-contoso-commerce-${env}'
  location: location
  sku: {
    name: 'Standard_S1'
    capacity: 1
  }
  kind: 'SignalR'
  properties: {
    features: [
      {
        flag: 'ServiceMode'
        value: 'Default'
      }
    ]
  }
}
