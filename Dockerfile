# syntax=docker/dockerfile:1
# Build stage: full install and a type-check, so a broken tree never becomes an image.
FROM node:22-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY flows ./flows
COPY rules ./rules
RUN npx tsc --noEmit

# Runtime stage: production dependencies only, non-root.
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000 DATA_DIR=/app/data
WORKDIR /app
COPY package.json package-lock.json ./
# better-sqlite3 is a native module: build tools only for the install, then removed.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
    && npm ci --omit=dev --no-audit --no-fund \
    && apt-get purge -y python3 make g++ && apt-get autoremove -y && rm -rf /var/lib/apt/lists/* /root/.npm
COPY --from=build /app/src ./src
COPY --from=build /app/flows ./flows
COPY --from=build /app/rules ./rules
COPY docs/flow.md ./docs/flow.md
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
VOLUME ["/app/data"]
HEALTHCHECK --interval=30s --timeout=3s --start-period=15s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The same start as `npm start`, without npm in between so SIGTERM reaches the server. V8's default
# young generation: a 64 MB one made each scavenge pause 2-3 times longer and the paced p99 higher
# (docs/performance.md); test/ops/startCommand.test.ts keeps this, npm start and the bench in step.
CMD ["node", "--import", "tsx", "src/main.ts"]
