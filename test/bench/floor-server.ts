/**
 * The floor's server: node:http, a pg Pool of 10 (the product's pool size), JSON in and out.
 * POST /w1 {unitId}, /w2 {planId}, /w3 {id}, /w5 {planId}. Env: DATABASE_URL, PORT.
 */
import { createServer } from 'node:http';
import pg from 'pg';
import { myWork, oneAssignment, planProgress, targets } from './floor-sql.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const routes: Record<string, (body: Record<string, string>) => Promise<unknown>> = {
  '/w1': (b) => myWork(pool, b.unitId),
  '/w2': (b) => planProgress(pool, b.planId),
  '/w3': (b) => oneAssignment(pool, b.id),
  '/w5': (b) => targets(pool, b.planId),
};

const server = createServer((req, res) => {
  if (req.url === '/readyz') {
    pool.query('select 1').then(
      () => res.writeHead(200).end('ok'),
      () => res.writeHead(503).end('unavailable'),
    );
    return;
  }
  const route = routes[req.url ?? ''];
  if (!route || req.method !== 'POST') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    Promise.resolve()
      .then(() => route(JSON.parse(Buffer.concat(chunks).toString('utf8'))))
      .then((data) => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
      })
      .catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: String(error) }] }));
      });
  });
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log('floor listening'));
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
