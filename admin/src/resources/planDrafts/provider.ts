import type { DataProvider } from 'react-admin';
import { getPlanDraft, importPlanFile, importPlanText, listPlanDrafts, updatePlanDraft, type PlanDraft } from './api.js';

/** What the create form holds: a pasted text or a chosen file. */
export interface ImportFormValues {
  text?: string | null;
  file?: File | null;
}

/**
 * react-admin's methods for drafts, written by hand rather than generated from the schema: the
 * draft's items nest, the import is an upload, and the update sends the content wholesale.
 * Loaded only when a draft screen asks for it, never with the sign-in page.
 */
export const planDraftProvider = {
  async getList(params: Parameters<DataProvider['getList']>[1]) {
    return listPlanDrafts({ pagination: params.pagination, sort: params.sort, filter: params.filter });
  },

  async getOne(params: Parameters<DataProvider['getOne']>[1]) {
    return { data: await getPlanDraft(String(params.id)) };
  },

  async getMany(params: Parameters<DataProvider['getMany']>[1]) {
    return { data: await Promise.all(params.ids.map((id) => getPlanDraft(String(id)))) };
  },

  async create(params: { data: ImportFormValues; meta?: { onProgress?: (fraction: number) => void } }) {
    const file = params.data.file;
    const draft = file ? await importPlanFile(file, params.meta?.onProgress) : await importPlanText(params.data.text ?? '');
    return { data: draft };
  },

  async update(params: { data: PlanDraft }) {
    return { data: await updatePlanDraft(params.data) };
  },
};

export type PlanDraftMethod = keyof typeof planDraftProvider;
