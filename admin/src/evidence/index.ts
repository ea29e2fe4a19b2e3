export { AssignmentEvidence, type AssignmentEvidenceProps } from './AssignmentEvidence.js';
export { EvidenceList, type EvidenceListProps } from './EvidenceList.js';
export { EvidenceUploadPanel, type EvidenceUploadPanelProps } from './EvidenceUploadPanel.js';
export {
  EVIDENCE_ITEM_FIELDS, fetchAssignmentEvidence, removeEvidence, uploadEvidence, type EvidenceItem, type UploadResult,
} from './api.js';
