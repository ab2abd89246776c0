# Redis 7 from Debian's package. With a registry BASE_IMAGE=debian:bookworm-slim (the default);
# offline, aivideo/base:bookworm from npm run images:offline. (redis:7 would do as well.)
ARG BASE_IMAGE=debian:bookworm-slim
FROM ${BASE_IMAGE}
RUN apt-get update -q \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends redis-server \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /data && chown redis:redis /data
USER redis
WORKDIR /data
EXPOSE 6379
HEALTHCHECK --interval=2s --timeout=2s --retries=30 CMD ["redis-cli", "ping"]
# Throwaway by default (no snapshots); the compose file may add --appendonly yes.
CMD ["redis-server", "--bind", "0.0.0.0", "--protected-mode", "no", "--save", "", "--dir", "/data"]
