/**
 * What a plan's text leaves open and someone decided when transcribing it (codes, unit codes for the
 * bodies, assumed due dates, the tasks a body "coordinates" when the text names none …), kept as data
 * beside the text. The draft builder applies them (draft-build.ts), so the seeded plan is made one way,
 * from its text, as an imported plan is (transcription.ts).
 */
import { z } from 'zod';
import type { PlanStatusValue } from './types.js';

const PLAN_STATUSES = ['DRAFT', 'ACTIVE', 'CLOSED'] as const satisfies readonly PlanStatusValue[];
const taskNumbers = z.array(z.string().regex(/^\d+(?:\.\d+)*$/));
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const correctionsSchema = z.object({
  _comment: z.string().optional(),
  plan: z.object({
    code: z.string().min(1),
    status: z.enum(PLAN_STATUSES),
    sourceTextFile: z.string().optional(),
    assumption: z.string().optional(),
    periodStart: day.optional(),
    periodEnd: day.optional(),
  }),
  parentPlan: z.object({
    /** The number the plan's basis cites: the corrections belong to that parent. */
    number: z.string(),
    code: z.string().min(1),
    status: z.enum(PLAN_STATUSES),
    periodStart: day,
    periodEnd: day,
    note: z.string().optional(),
  }),
  /** Bodies by name (matched on bodyKey): their unit codes, and tasks the text does not name. */
  bodies: z.array(z.object({
    name: z.string().min(1),
    units: z.array(z.string().min(1)).optional(),
    leads: taskNumbers.optional(),
    coordinates: taskNumbers.optional(),
    note: z.string().optional(),
  })),
  tasks: z.object({
    dueDate: day,
    assumption: z.string().optional(),
    /** Titles the transcription wrote differently from the text, by task number. */
    titles: z.record(z.string(), z.string()).optional(),
    note: z.string().optional(),
  }),
  /** One per parsed target, in the order of the text. */
  targets: z.array(z.object({
    code: z.string().min(1),
    formerTitle: z.string().optional(),
    supersedes: z.string().optional(),
    notApplicableReason: z.string().optional(),
    note: z.string().optional(),
  })),
  communeOwnFacilities: z.object({ _comment: z.string().optional(), tasks: taskNumbers, assumption: z.string() }),
  /** Report dates for reporters the text gives none. */
  reports: z.array(z.object({
    reporter: z.string().min(1),
    schedule: z.array(z.object({ period: z.enum(['SIX_MONTH', 'ANNUAL']), day: z.number().int().min(1).max(31), month: z.number().int().min(1).max(12) })),
    note: z.string().optional(),
  })),
});
export type PlanCorrections = z.infer<typeof correctionsSchema>;

/** Validates a corrections file's content, naming what is wrong. */
export function parseCorrections(json: unknown): PlanCorrections {
  const result = correctionsSchema.safeParse(json);
  if (!result.success) {
    throw new Error(`Tệp hiệu chỉnh không hợp lệ: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return result.data;
}
