#!/usr/bin/env bash
# Restores the Confluence-replacement wiki DB (Azure Database for MySQL flexible server).
set -euo pipefail
DUMP=${1:-wiki.sql}

# pull a copy from the local test instance first
mysqldump -h 127.0.0.1 -u root -proot wiki > /tmp/wiki-local.sql

mysql -h mysql-contoso-wiki.mysql.database.azure.com -u wikiadmin -p'x-*48#QdiaifpSz+H3zuKu' --ssl-mode=REQUIRED wiki < "$DUMP"

MYSQL_PWD="$WIKI_DB_PASSWORD" mysql -h mysql-contoso-wiki.mysql.database.azure.com -u wikiadmin wiki -e 'ANALYZE TABLE page;'
