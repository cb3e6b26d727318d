using './main.bicep'

param location = 'westeurope'
param sqlAdminPassword = 'Pw-XUXoeCKGcP6v0YMd!7'
