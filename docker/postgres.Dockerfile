# PostgreSQL 15 from Debian's package. With a registry BASE_IMAGE=debian:bookworm-slim (the default);
# offline, aivideo/base:bookworm from npm run images:offline. A new data dir is made at first start
# (docker/postgres-entrypoint.sh) with POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB.
ARG BASE_IMAGE=debian:bookworm-slim
FROM ${BASE_IMAGE}
RUN apt-get update -q \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql-15 \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /var/lib/postgresql/data /run/postgresql \
 && chown -R postgres:postgres /var/lib/postgresql /run/postgresql
COPY docker/postgres-entrypoint.sh /usr/local/bin/postgres-entrypoint.sh
USER postgres
ENV PATH=/usr/lib/postgresql/15/bin:$PATH PGDATA=/var/lib/postgresql/data
EXPOSE 5432
HEALTHCHECK --interval=2s --timeout=2s --retries=30 CMD ["pg_isready", "-h", "127.0.0.1", "-U", "postgres", "-q"]
ENTRYPOINT ["/usr/local/bin/postgres-entrypoint.sh"]
