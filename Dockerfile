# One image for the API and the worker; docker-compose.yml picks the command.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build:admin

FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts=false && npm cache clean --force
COPY --from=build /app/admin/dist admin/dist
COPY server server
COPY jobs jobs
COPY schema schema
COPY tsconfig.json ./
RUN mkdir -p /var/lib/tiendo/evidence && chown node:node /var/lib/tiendo/evidence
USER node
EXPOSE 4000
CMD ["npx", "tsx", "server/main.ts"]
