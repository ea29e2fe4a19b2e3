import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import type { DraftBody, DraftTask } from './api.js';

export interface Choice {
  id: string;
  name: string;
}

const TaskChoices = createContext<Choice[]>([]);
const BodyChoices = createContext<Choice[]>([]);

export const useTaskChoices = () => useContext(TaskChoices);
export const useBodyChoices = () => useContext(BodyChoices);

const short = (text: string, length = 70) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/**
 * The draft's own tasks and bodies as choices for the fields that point at them (a body's task
 * numbers, an obligation's reporter). Only this provider watches the lists; its children are made by
 * the form once, so typing in a task title re-renders the pickers only when a label really changed.
 */
export function DraftChoicesProvider({ children }: { children: ReactNode }) {
  const tasks = useWatch({ name: 'tasks' }) as DraftTask[] | undefined;
  const bodies = useWatch({ name: 'bodies' }) as DraftBody[] | undefined;
  const taskKey = JSON.stringify((tasks ?? []).map((t) => [t?.number, t?.title]));
  const bodyKey = JSON.stringify((bodies ?? []).map((b) => [b?.key, b?.name]));
  // Keyed on the labels, not on the arrays' identity, which changes with every keystroke.
  const taskChoices = useMemo(() => toTaskChoices(tasks ?? []), [taskKey]);
  const bodyChoices = useMemo(() => toBodyChoices(bodies ?? []), [bodyKey]);
  return (
    <TaskChoices.Provider value={taskChoices}>
      <BodyChoices.Provider value={bodyChoices}>{children}</BodyChoices.Provider>
    </TaskChoices.Provider>
  );
}

function toTaskChoices(tasks: DraftTask[]): Choice[] {
  const seen = new Set<string>();
  return tasks
    .filter((t) => t?.number && !seen.has(t.number) && seen.add(t.number))
    .map((t) => ({ id: t.number, name: short(`${t.number}. ${t.title ?? ''}`) }));
}

/** A body gets its key when added (DraftItemInputs' BodyKey): until then it cannot be pointed at. */
function toBodyChoices(bodies: DraftBody[]): Choice[] {
  return bodies.filter((b) => b?.key).map((b) => ({ id: b.key!, name: short(b.name ?? '') }));
}

/** The choices plus any value already chosen that is not among them, so no value is hidden from view. */
export function withValues(choices: Choice[], values: Array<string | null | undefined>): Choice[] {
  const missing = values.filter((v): v is string => !!v && !choices.some((c) => c.id === v));
  return missing.length ? [...choices, ...missing.map((v) => ({ id: v, name: v }))] : choices;
}
