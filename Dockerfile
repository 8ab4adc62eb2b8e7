# One image for every service; the Kubernetes manifests (deploy/kubernetes) pick the entry.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
# Services run TypeScript through SWC at start-up, as they do in development.
ENV SWC_NODE_PROJECT=/app/tsconfig.base.json
USER node
# e.g. docker run IMAGE node -r @swc-node/register apps/gateway/src/main.ts
CMD ["node", "-r", "@swc-node/register", "apps/gateway/src/main.ts"]
