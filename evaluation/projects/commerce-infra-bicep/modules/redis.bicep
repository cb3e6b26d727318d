param env string
param location string

resource cache 'Microsoft.Cache/redis@2024-03-01' = {
  name: 'redis-contoso-commerce-${env}'
  location: location
  properties: {
    sku: {
      name: 'Standard'
      family: 'C'
      capacity: 1
    }
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
  }
}

resource sessions 'Microsoft.Cache/redis@2024-03-01' = {
  name: 'redis-contoso-sessions-${env}'
  location: location
  properties: {
    sku: {
      name: 'Standard'
      family: 'C'
      capacity: 1
    }
    disableAccessKeyAuthentication: true
    redisConfiguration: {
      'aad-enabled': 'true'
    }
  }
}

output name string = cache.name
