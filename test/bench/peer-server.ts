/**
 * The peer: PostGraphile v5 (amber preset) over the same database and schema, in its own process.
 * Env: DATABASE_URL, PORT; PRINT_SCHEMA=true prints the generated schema and exits.
 */
import { createServer } from 'node:http';
import { printSchema } from 'graphql';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const port = Number(process.env.PORT ?? 0);
const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset],
  // The same pool size as the product's and the floor's.
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL!, schemas: ['public'], poolConfig: { max: 10 } })],
  grafserv: { port, graphqlPath: '/graphql', graphiql: false },
  grafast: { explain: false },
};
const pgl = postgraphile(preset);

if (process.env.PRINT_SCHEMA === 'true') {
  console.log(printSchema(await pgl.getSchema()));
  await pgl.release();
  process.exit(0);
}

const serv = pgl.createServ(grafserv);
const server = createServer();
server.on('error', (error) => {
  console.error(error);
  process.exit(1);
});
serv.addTo(server).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
// Build the schema before answering: a cold start is measured to the first ready answer.
await pgl.getSchema();
server.listen(port, '127.0.0.1', () => console.log(`peer listening on ${port}`));
process.on('SIGTERM', () => server.close(() => void Promise.resolve(pgl.release()).then(() => process.exit(0))));
