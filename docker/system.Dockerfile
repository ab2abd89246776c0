# The system under test as one image with several commands: api, worker, mock-sora, mock-google, web
# (docker/entrypoint.sh picks the server). Built from the repository root (see .dockerignore).
#
#   With a registry:  docker build -f docker/system.Dockerfile .          (node:20-bookworm-slim, npm ci)
#   Offline:          npm run images:offline, then
#                     docker build -f docker/system.Dockerfile --build-arg NODE_IMAGE=aivideo/node:20-bookworm \
#                       --build-arg NODE_MODULES=host .    (node_modules prepared by npm run images:deps)
ARG NODE_IMAGE=node:20-bookworm-slim
FROM ${NODE_IMAGE}
# ci: `npm ci --omit=dev` inside the build (needs the npm registry from the build container);
# host: the production node_modules that `npm run images:deps` installed into .tmp/docker-deps/.
ARG NODE_MODULES=ci
WORKDIR /app
# `.tmp/docker-deps*` matches nothing unless images:deps ran; package.json keeps the COPY valid.
COPY package.json package-lock.json .tmp/docker-deps* ./
RUN if [ "$NODE_MODULES" = host ]; then \
      test -f node_modules/.package-lock.json || { echo "NODE_MODULES=host: run npm run images:deps first" >&2; exit 1; }; \
    else \
      npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force; \
    fi \
 && rm -f .lock-sha
COPY tsconfig.json ./
COPY fixtures ./fixtures
COPY system ./system
COPY docker/entrypoint.sh docker/healthcheck.sh docker/loopback-forward.mjs ./docker/
RUN (id app >/dev/null 2>&1 || useradd --uid 10001 --create-home --shell /usr/sbin/nologin app) \
 && mkdir -p /data/uploads && chown app /data/uploads
USER app
ENV NODE_ENV=production HOST=0.0.0.0 UPLOADS_DIR=/data/uploads
ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["api"]
