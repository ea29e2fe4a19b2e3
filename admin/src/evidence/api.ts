import type { AppError } from '../errors.js';
import { gqlRequest, gqlUpload } from '../graphql.js';

export interface EvidenceItem {
  id: string;
  /** As the uploader named it; its extension may not match the content. */
  originalName: string;
  /** What the file is served and shown as: the extension follows the type detected from its content. */
  downloadName: string;
  description: string | null;
  size: number;
  contentType: string;
  detectedExtension: string;
  sha256: string;
  uploadedAt: string;
  uploadedByName: string | null;
  hidden: boolean;
  hiddenAt: string | null;
  hiddenByName: string | null;
  hiddenReason: string | null;
  downloadUrl: string;
  /** The viewer may remove (hide) it now. */
  mayRemove: boolean;
}

export interface UploadResult {
  duplicate: boolean;
  message: string;
  evidence: EvidenceItem;
}

export interface AssignmentEvidenceData {
  id: string;
  status: string;
  mayAttachEvidence: boolean;
  evidence: EvidenceItem[];
}

export const EVIDENCE_ITEM_FIELDS = `id originalName downloadName description size contentType detectedExtension sha256 uploadedAt uploadedByName
  hidden hiddenAt hiddenByName hiddenReason downloadUrl mayRemove`;

export async function fetchAssignmentEvidence(assignmentId: string, includeHidden = false): Promise<AssignmentEvidenceData> {
  const data = await gqlRequest<{ Assignment: AssignmentEvidenceData }>(
    `query($id: ID!, $hidden: Boolean) { Assignment(id: $id) { id status mayAttachEvidence evidence(includeHidden: $hidden) { ${EVIDENCE_ITEM_FIELDS} } } }`,
    { id: assignmentId, hidden: includeHidden },
  );
  return data.Assignment;
}

export async function removeEvidence(id: string, reason: string): Promise<EvidenceItem> {
  const data = await gqlRequest<{ removeEvidence: EvidenceItem }>(
    `mutation($id: ID!, $reason: String!) { removeEvidence(id: $id, reason: $reason) { ${EVIDENCE_ITEM_FIELDS} } }`,
    { id, reason },
  );
  return data.removeEvidence;
}

const ATTACH = `mutation($assignmentId: ID!, $files: [Upload!]!, $descriptions: [String]) {
  attachEvidence(assignmentId: $assignmentId, files: $files, descriptions: $descriptions) { duplicate message evidence { ${EVIDENCE_ITEM_FIELDS} } }
}`;

/** Sends files as a GraphQL multipart request; the session travels in the HttpOnly cookie. */
export async function uploadEvidence(
  assignmentId: string,
  files: Array<{ file: File; description: string }>,
  onProgress?: (fraction: number) => void,
): Promise<UploadResult[]> {
  const variables = { assignmentId, files: files.map(() => null), descriptions: files.map((f) => f.description.trim() || null) };
  const data = await gqlUpload<{ attachEvidence: UploadResult[] }>(
    ATTACH,
    variables,
    files.map(({ file }, i) => [`variables.files.${i}`, file]),
    onProgress,
  );
  return data.attachEvidence;
}

export type { AppError };

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 0 })} KB`;
  return `${bytes} byte`;
}
