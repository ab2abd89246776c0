# Node 20 on the offline Debian base (docker/images-offline.sh builds it; its context is a temp dir
# holding `node` and npm's directory). With a registry, node:20-bookworm-slim takes its place.
ARG BASE_IMAGE=aivideo/base:bookworm
FROM ${BASE_IMAGE}
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
CMD ["node"]
