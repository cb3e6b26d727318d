// mi-scan:allow-file test fixture: the parameters file is where the switches are decided
using 'main.bicep'

// expect: MI-IAC-STORAGE-SHARED-KEY-ACCESS warning
param allowShared = true
param disableLocalAuth = true
