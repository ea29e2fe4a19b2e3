import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import madge from 'madge';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

type Graph = Record<string, string[]>;

async function importGraph(skipTypeImports: boolean) {
  const result = await madge([path.join(ROOT, 'server'), path.join(ROOT, 'jobs')], {
    baseDir: ROOT,
    fileExtensions: ['ts'],
    tsConfig: path.join(ROOT, 'tsconfig.json'),
    detectiveOptions: { ts: { skipTypeImports }, es6: { skipTypeImports } },
  });
  return { graph: result.obj(), cycles: result.circular(), skipped: result.warnings().skipped };
}

const arrows = (graph: Graph, from: (file: string) => boolean, to: (file: string) => boolean) =>
  Object.entries(graph).flatMap(([file, imports]) => (from(file) ? imports.filter(to).map((target) => `${file} → ${target}`) : []));

describe('import graph of server/ and jobs/', () => {
  // Cycles count only imports that exist at run time: an ES module cycle is what hands a module an
  // undefined class (a MikroORM entity, a TypeGraphQL type) during loading; `import type` is erased.
  let runtime: Awaited<ReturnType<typeof importGraph>>;
  // The boundary counts every import: a type from a domain is still knowledge of that domain.
  let all: Awaited<ReturnType<typeof importGraph>>;

  beforeAll(async () => {
    runtime = await importGraph(true);
    all = await importGraph(false);
  });

  it('sees the whole code base, so an unresolved graph cannot pass as a clean one', () => {
    expect(Object.keys(runtime.graph).length).toBeGreaterThan(50);
    expect(runtime.graph['server/app.ts']).toContain('server/context.ts');
    // madge drops imports it cannot resolve; a relative one here would be an edge silently missing.
    const unresolved = [...runtime.skipped, ...all.skipped].filter((name) => name.startsWith('.') || name.startsWith('/'));
    expect(unresolved, 'local imports madge could not resolve').toEqual([]);
  });

  it('has no circular imports at run time', () => {
    const cycles = runtime.cycles.map((cycle) => [...cycle, cycle[0]].join(' → '));
    expect(cycles, 'circular imports (break them by moving the shared piece or using import type)').toEqual([]);
  });

  it('keeps the shared kernel free of domain modules', () => {
    const violations = arrows(
      all.graph,
      (file) => file.startsWith('server/shared/'),
      (target) => target.startsWith('server/modules/'),
    );
    expect(violations, 'server/shared/ must not import server/modules/').toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

describe('what the admin bundles from the server', () => {
  it('only the facility labels, which import nothing, so no ORM, GraphQL or Node module reaches the browser', () => {
    const fromOutside = new Set<string>();
    for (const file of sourceFiles(path.join(ROOT, 'admin/src'))) {
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
        const target = path.relative(ROOT, path.resolve(path.dirname(file), specifier.replace(/\?raw$/, '')));
        if (!target.startsWith('admin/')) fromOutside.add(target);
      }
    }
    expect([...fromOutside].sort()).toEqual(['schema/schema.graphql', 'server/modules/facilities/facility-labels.js']);
    const labels = readFileSync(path.join(ROOT, 'server/modules/facilities/facility-labels.ts'), 'utf8');
    expect(labels).not.toMatch(/^\s*(import|export \* from|export \{[^}]*\} from)\b/m);
    expect(labels).not.toMatch(/\brequire\(|\bimport\(/);
  });
});
