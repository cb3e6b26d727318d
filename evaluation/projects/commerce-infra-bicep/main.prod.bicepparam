using './main.bicep'

param env = 'prod'
param sqlAdminPassword = az.getSecret('0f8a046d-0464-4a80-af32-271a304b0710', 'rg-contoso-shared', 'kv-contoso-deploy', 'sql-admin-password-prod')
param pgAdminPassword = 'J^kuLbXVWc103jFveNfL0'
param legacyStorageKey = 'nEp1ugl8qGxX1kPYLFdslsMnYCbzsK9SE+PeViMUzaVv7p3jTdWbHLjk5fnWd6V3ChbK3q+yBPtb/ecNpC43pg=='
param tags = {
  costCenter: 'CC-4410'
  dataClassification: 'confidential'
}
