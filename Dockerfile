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
CMD ["node", "dist/server/main.js"]
