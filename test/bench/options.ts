import { databaseUrl } from '../helpers/db.js';
import { SCALES, type Scale } from './data-shape.js';

/** `--scale X` on the command line, else BENCH_SCALE, else province. */
export function parseScale(argv: string[] = process.argv.slice(2)): Scale {
  const flag = argv.findIndex((a) => a === '--scale' || a.startsWith('--scale='));
  const value = flag < 0 ? process.env.BENCH_SCALE ?? 'province' : argv[flag].includes('=') ? argv[flag].split('=')[1] : argv[flag + 1];
  if (!SCALES.includes(value as Scale)) throw new Error(`--scale must be one of ${SCALES.join(', ')} (got ${value})`);
  return value as Scale;
}

/** BENCH_DATABASE_URL, else tiendo_bench_<scale> on the admin connection's server. */
export function benchDatabaseUrl(scale: Scale): string {
  return process.env.BENCH_DATABASE_URL ?? databaseUrl(`tiendo_bench_${scale}`);
}
