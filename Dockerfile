# One image for the API and the worker; docker-compose.yml picks the command.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts=false && npm cache clean --force
COPY --from=build /app/admin/dist admin/dist
COPY --from=build /app/dist dist
# The bundle reads its data files (the plan's seed, the common-password list) from server/.
COPY server server
COPY schema schema
RUN mkdir -p /var/lib/tiendo/evidence && chown node:node /var/lib/tiendo/evidence
USER node
EXPOSE 4000
# MikroORM keeps its transaction context in AsyncLocalStorage; on Node 22 the default implementation puts
# a hook on every promise once used, the context-frame one (Node 24's default) does not.
CMD ["node", "--experimental-async-context-frame", "dist/server/main.js"]
