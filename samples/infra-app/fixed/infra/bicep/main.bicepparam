using './main.bicep'

param location = 'westeurope'
param sqlAdminGroupObjectId = 'a3c7e9f1-2b4d-4e6f-8a1c-3e5f7b9d1c2a'
