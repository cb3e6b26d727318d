#!/bin/sh
set -e
if [ -z "${SPRING_DATASOURCE_PASSWORD:-}" ] && [ -f "${DB_PASSWORD_FILE:-}" ]; then
  SPRING_DATASOURCE_PASSWORD="$(cat "$DB_PASSWORD_FILE")"
  export SPRING_DATASOURCE_PASSWORD
fi
echo "starting batch-jobs ${GIT_COMMIT:-unknown}"
exec java ${JAVA_OPTS:-} -jar /app/app.jar "$@"
