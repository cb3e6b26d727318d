param env string
param location string
param tags object = {}

resource sbNamespace 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'sb-contoso-commerce-${env}'
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    minimumTlsVersion: '1.2'
  }
}

resource ordersSender 'Microsoft.ServiceBus/namespaces/AuthorizationRules@2022-10-01-preview' = {
  parent: sbNamespace
  name: 'orders-sender'
  properties: {
    rights: [
      'Send'
    ]
  }
}

resource telemetry 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'evh-contoso-commerce-${env}'
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    capacity: 1
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }
}

resource orderEvents 'Microsoft.EventGrid/topics@2023-12-15-preview' = {
  name: 'egt-contoso-orders-${env}'
  location: location
  tags: tags
  properties: {
    inputSchema: 'CloudEventSchemaV1_0'
    publicNetworkAccess: 'Enabled'
  }
}

resource catalogEvents 'Microsoft.EventGrid/topics@2023-12-15-preview' = {
  name: 'egt-contoso-catalog-${env}'
  location: location
  tags: tags
  properties: {
    inputSchema: 'CloudEventSchemaV1_0'
    disableLocalAuth: true
  }
}

output serviceBusName string = sbNamespace.name
output eventHubsNamespace string = telemetry.name
