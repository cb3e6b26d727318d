#!/bin/bash
# Runs SQL migrations against Azure SQL (orders) and Azure Database for PostgreSQL (reporting).
set -e
ENVIRONMENT=${1:?usage: migrate-db.sh <env>}
SQL_SERVER="contoso-orders-${ENVIRONMENT}.database.windows.net"

for f in migrations/sql/*.sql; do
  echo "applying $f"
  sqlcmd -S "$SQL_SERVER" -d orders -U orders_admin -P 'p8QaRqD8TH6Y=PV.DRV6I' -b -i "$f"
done

sqlcmd -S "$SQL_SERVER" -d orders -U orders_admin -P "$SQL_ADMIN_PASSWORD" -Q "EXEC dbo.refresh_stats"

# reporting db
PGPASSWORD='CJ!3*2dbW6V_Q#ltBNv' psql -h psql-contoso-reporting.postgres.database.azure.com -U reporting_admin -d reporting -f migrations/pg/latest.sql

# analytics replica uses Entra auth: the "password" is an access token
export PGPASSWORD=$(az account get-access-token --resource-type oss-rdbms --query accessToken -o tsv)
psql "host=psql-contoso-analytics.postgres.database.azure.com user=analytics-migrator dbname=analytics sslmode=require" -f migrations/pg/analytics.sql

# staging SQL also moved to Entra
sqlcmd -S "contoso-orders-staging.database.windows.net" -d orders --authentication-method ActiveDirectoryDefault -i migrations/sql/post.sql

# smoke test against the local container
PGPASSWORD=postgres psql -h localhost -U postgres -c 'select 1'
