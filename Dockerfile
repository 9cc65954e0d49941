# syntax=docker/dockerfile:1
# The image: compiled api/dist, the built SPA (web/dist, served by the API) and production dependencies. The repository's migrations/ folder ships beside
# api/ because the migrators read it relative to api/dist (api/src/db/migration-files.ts).

FROM node:20-bookworm-slim AS build
WORKDIR /app
# The project approves install scripts through package.json `allowScripts`, which needs npm 11.
ARG NPM_VERSION=11.19.1
RUN npm install -g "npm@${NPM_VERSION}" --no-audit --no-fund
# Manifests first so the dependency layer is cached until they change.
COPY package.json package-lock.json ./
COPY api/package.json api/
COPY web/package.json web/
COPY .ci/npm-ci .ci/npm-ci
RUN bash .ci/npm-ci
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app /app
USER node
EXPOSE 4000
CMD ["node", "api/dist/main.js"]
