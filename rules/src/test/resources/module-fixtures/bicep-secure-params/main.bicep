// mi-scan:allow-file test fixture: a literal passed to a module parameter the module declares secure
module sql 'modules/sql.bicep' = {
  name: 'sql'
  params: {
    serverName: 'orders-sql'
    adminLogin: 'ordersadmin'
    // expect: MI-IAC-SECRET-PARAMETER-VALUE error
    bootstrapValue: 'Xk9#mQ2v-Lr7!tZp4w'
  }
}

// good: a reference to Key Vault is no literal
resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'orders-kv'
}

module sql2 'modules/sql.bicep' = {
  name: 'sql2'
  params: {
    serverName: 'billing-sql'
    adminLogin: 'billingadmin'
    bootstrapValue: kv.getSecret('sql-admin')
  }
}
