param location string = resourceGroup().location

@secure()
param sqlConnection string = 'Server=tcp:orders-sql.database.windows.net,1433;Initial Catalog=orders;User ID=orders_app;Password=N3w-Sq1_Pa55!2024;Encrypt=True;'

param signalRConnection string = 'Endpoint=https://orders-signalr.service.signalr.net;AccessKey=gK757EBjSvLRWw68t2/gBkixVEq69cTM6h9MxGpRlec=;Version=1.0;'

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'orders-api'
  location: location
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'SQL_CONNECTION', value: sqlConnection }
        { name: 'SIGNALR_CONNECTION', value: signalRConnection }
        { name: 'ACS_CONNECTION', value: 'endpoint=https://orders-notify.communication.azure.com/;accesskey=BYr0VzKPDrj/HCmeHx4JIIVamKX5p00HbJQgW2piYD3Ga6k4xiAuigept++Kr45l40HJJToFBEaKempD9VAj8Q==' }
      ]
    }
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'orders-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
  }
}
