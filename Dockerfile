# syntax=docker/dockerfile:1
# Build: compile TypeScript with all dependencies; native modules (better-sqlite3, optional on Node 22 where the
# built-in node:sqlite is used) can build from source with the toolchain below.
FROM node:22-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

# Run: production dependencies, compiled code, translations and the briefing; as the unprivileged node user.
# One image for every role: ROLE=all (default: SQLite in /app/data, polling), web, poller, worker or scheduler
# (see compose.yaml). The webhook listens on PORT (8080), /healthz and /readyz on HEALTH_PORT when set.
FROM node:22-bookworm-slim
ENV NODE_ENV=production DATA_DIR=/app/data SEEDS_DIR=/app/seeds
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY locales ./locales
COPY seeds ./seeds
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 8080 8090
STOPSIGNAL SIGTERM
# node:sqlite (the store on Node 22) is stable in use but still labelled experimental; the label is not news.
CMD ["node", "--disable-warning=ExperimentalWarning", "dist/main.js"]
