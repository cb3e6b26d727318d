// mi-scan:allow-file test fixture: module calls decide the key switches of the modules' resources
// expect: MI-IAC-STORAGE-SHARED-KEY-ACCESS warning
param keysOn bool = true
param location string = resourceGroup().location

module orders 'modules/bus.bicep' = {
  name: 'orders'
  params: {
    name: 'orders'
    // expect: MI-IAC-LOCAL-AUTH-ENABLED warning
    disableLocalAuth: false
    allowShared: keysOn
  }
}

// good: this call turns keys off; the module's default (keys on) applies to no call of the scan
module billing 'modules/bus.bicep' = {
  name: 'billing'
  params: {
    name: 'billing'
    disableLocalAuth: true
    allowShared: false
  }
}

// the cache module's own default decides: reported in the module, where it is written
module cache 'modules/cache.bicep' = {
  name: 'cache'
  params: {
    location: location
  }
}

// a registry module's source is not in the tree; an argument named as the setting it feeds says what it does
module registry 'br/public:avm/res/service-bus/namespace:0.9.0' = {
  name: 'registry'
  params: {
    name: 'registry'
    // expect: MI-IAC-LOCAL-AUTH-ENABLED warning
    disableLocalAuth: false
  }
}

// good: the same registry module with local auth off, and an argument of another name
module registry2 'br/public:avm/res/service-bus/namespace:0.9.0' = {
  name: 'registry2'
  params: {
    name: 'registry2'
    disableLocalAuth: true
    localAuthOff: false
  }
}

// a registry module's argument prefixed with the resource it is for: the admin user of its registry
module apps 'br/public:avm/ptn/azd/container-apps-stack:0.1.0' = {
  name: 'apps'
  params: {
    containerAppsEnvironmentName: 'orders-env'
    containerRegistryName: 'ordersacr'
    // expect: MI-IAC-ACR-ADMIN-USER warning
    acrAdminUserEnabled: true
  }
}
