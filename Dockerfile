# The production image: the artifact of `npm run package` (scripts/build/package.ts, the script
# tests/integration/artifact.test.ts runs) on Node 20, as a user without privileges. Not built where it was written: no
# container registry is reachable from that machine (README, Deployment). Build and run:
#
#   docker build -t iop-site .
#   docker run -p 4310:4310 -e SITE_ORIGIN=https://iop.example.org -e DATABASE_URL=… -e INQUIRY_KEYS=… -e SMTP_URL=… iop-site
#   docker run … iop-site node dist/server/worker.mjs        # a standalone delivery worker (DELIVERY=worker)

# --- build: every dependency, the site, then the artifact -------------------------------------------------------
FROM node:20-bookworm-slim AS build
# better-sqlite3 compiles itself when no prebuilt binary matches this platform.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run build
RUN npm run package

# --- run: the artifact only (production packages, bundles, the finished build) ---------------------------------
# The same base image as the build stage: the native addon copied from it matches this platform and Node ABI.
FROM node:20-bookworm-slim
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=4310 DATA_DIR=/data
RUN groupadd --system iop && useradd --system --gid iop --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin iop \
  && mkdir -p /data && chown iop:iop /data && chmod 700 /data
WORKDIR /app
# Owned by root, read-only to the server, except .next: Next copies each page into .next/server/route-cache on its first request.
COPY --from=build /src/dist/artifact/ ./
RUN chown -R iop:iop .next
USER iop
EXPOSE 4310
VOLUME ["/data"]
# Liveness, not health: /api/health turns 503 on delivery trouble (a relay down, a dead entry), which must never take
# the instance out of rotation while it serves pages. Alert on /api/health from monitoring instead.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4310) + '/api/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The server and the worker stop gracefully on SIGTERM (Docker's stop signal) within SHUTDOWN_GRACE_MS (10 s): give
# `docker stop` / the platform's stop timeout more than that (e.g. --stop-timeout 15), or it kills them mid-send.
CMD ["node", "dist/server/main.mjs"]
