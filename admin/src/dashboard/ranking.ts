import type { ProgressFigures } from '../types.js';

export interface RankedRow<T> {
  row: T;
  /** Standard competition ranking (1, 2, 2, 4): equal figures share a rank. Null when nothing has come due. */
  rank: number | null;
}

type WithFigures = { figures: ProgressFigures; unit: { name: string } };

const done = (f: ProgressFigures) => f.doneOnTime + f.doneLate;

/**
 * Best first: the higher completion of what has come due, then the fewer overdue. Units with nothing
 * due yet are not behind or ahead of anyone: they come last, unranked. The name only breaks ties in
 * the order of display, never in the rank.
 */
export function rankUnits<T extends WithFigures>(rows: readonly T[]): RankedRow<T>[] {
  const rated = rows.filter((r) => r.figures.completionRate !== null);
  const unrated = rows.filter((r) => r.figures.completionRate === null);
  const order = (a: T, b: T) =>
    b.figures.completionRate! - a.figures.completionRate! || a.figures.overdue - b.figures.overdue || a.unit.name.localeCompare(b.unit.name, 'vi');
  const sorted = [...rated].sort(order);
  const ranked: RankedRow<T>[] = [];
  sorted.forEach((row, i) => {
    const previous = ranked[i - 1];
    const tied =
      previous &&
      previous.row.figures.completionRate === row.figures.completionRate &&
      previous.row.figures.overdue === row.figures.overdue;
    ranked.push({ row, rank: tied ? previous.rank : i + 1 });
  });
  const rest = [...unrated].sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'vi')).map((row) => ({ row, rank: null }));
  return [...ranked, ...rest];
}

/** The units furthest behind, worst first: the bottom of the ranking, never a unit with nothing due. */
export function worstUnits<T extends WithFigures>(rows: readonly T[], count: number): RankedRow<T>[] {
  return rankUnits(rows)
    .filter((r) => r.rank !== null)
    .reverse()
    .slice(0, count);
}

/** True when no unit has had anything verified: the ranking then only says who is least overdue. */
export function nobodyHasFinished(rows: readonly WithFigures[]): boolean {
  return rows.length > 0 && rows.every((r) => done(r.figures) === 0);
}
