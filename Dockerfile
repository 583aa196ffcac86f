# syntax=docker/dockerfile:1
# The API in a container: `docker compose up` builds it (see README "Running at scale").
#
# Three stages so the runtime image carries neither a compiler nor dev dependencies:
#   deps    production node_modules (`npm ci --omit=dev`); better-sqlite3 compiles natively here when no
#           prebuilt binary fits, hence python3, make and g++
#   build   the full install (`npm ci`) and `npm run build` (tsc + path aliases) into dist/; it also serves
#           the contract-suite runner of docker-compose.yml (profile "contract"), which needs jest
#   runtime dist/ + production node_modules on a slim Node 22 LTS, as the unprivileged `node` user
#
# Node 22 is the runtime CI tests besides the build machines' Node 20 (scripts/test-on-node22.sh); not Node 24:
# better-sqlite3 12 aborts the process on Node >= 24.19 (docs/operations.md "Runtime").

ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS toolchain
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./

FROM toolchain AS deps
RUN npm ci --omit=dev && npm cache clean --force

FROM toolchain AS build
RUN npm ci
COPY tsconfig.json tsconfig.build.json nest-cli.json jest.config.js ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY catalogue ./catalogue
# The code stays root-owned and read-only to the process; only DATA_DIR (read models, idempotency memory,
# SQLite events when EVENT_STORE=sqlite) is writable, and it is a volume.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "dist/apps/api/src/main.js"]
