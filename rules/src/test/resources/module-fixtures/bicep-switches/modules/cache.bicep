// mi-scan:allow-file test fixture: a module whose caller keeps the default
param location string
// expect: MI-IAC-REDIS-ACCESS-KEYS warning
param disableKeys bool = false

resource cache 'Microsoft.Cache/redis@2024-03-01' = {
  name: 'orders-cache'
  location: location
  properties: {
    sku: { name: 'Standard', family: 'C', capacity: 1 }
    disableAccessKeyAuthentication: disableKeys
  }
}
