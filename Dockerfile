# Image of every process built from this repository: the API (default),
# the Temporal worker and the one-shot migration (see docker-compose.yml).
FROM node:26-slim

ENV NODE_ENV=production
# glibc gives each thread that allocates an arena of its own, up to 8 per core, and keeps what
# they once held: the worker's threads (V8's, libuv's, Temporal's core) left 50-90 MB there.
# Two arenas, measured: no loss of throughput. bench/bench-stack.ts runs the worker and API so.
ENV MALLOC_ARENA_MAX=2
WORKDIR /app

# Dependencies first, so that this layer is reused while only the source changes.
# tsx is a runtime dependency: the TypeScript sources run as they are.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

COPY . .
# DATA_DIR defaults to ./.data: the only place the unprivileged user may write.
RUN mkdir -p /app/.data && chown node:node /app/.data

USER node
EXPOSE 3000
CMD ["node", "--import", "tsx", "api/main.ts"]
