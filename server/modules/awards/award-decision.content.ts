/**
 * What a draft award decision (quyết định khen thưởng) says, fixed before it is drawn: the plan, the
 * period, the number and date the clerk typed, and the approved nominations with why each is honoured.
 * The DOCX is drawn from this alone.
 */
import type { SnapshotPlan } from '../reports/compiled-report.snapshot.js';

export type HonourKind = 'FACILITY' | 'UNIT';

export interface HonouredEntry {
  kind: HonourKind;
  /** The facility's or unit's name, e.g. "Trường Tiểu học Hà Bắc", "Phòng Giáo dục và Đào tạo". */
  name: string;
  /** For a facility, its commune; null for a unit. */
  communeName: string | null;
  /** What it achieved, in one Vietnamese sentence built from the passed criteria. */
  achievement: string;
  /** 0–100. */
  score: number;
}

export interface AwardDecisionContent {
  plan: SnapshotPlan;
  /** As the clerk typed it, e.g. "125/QĐ-UBND"; may be empty when not yet numbered. */
  decisionNumber: string;
  /** YYYY-MM-DD. */
  decisionDate: string;
  /** "6 tháng đầu năm 2022", "năm 2022". */
  periodLabel: string;
  /** The period's last day, YYYY-MM-DD. */
  periodEnd: string;
  /** The approved entries, facilities first, then units, each in rank order. */
  honoured: HonouredEntry[];
}
