import { DataTable, FunctionField, SearchInput, useTranslate } from 'react-admin';
import { EnumInput } from '../../fields.js';
import { formatInstant } from '../../format.js';
import { ResponsiveList } from '../ResponsiveList.js';
import type { PlanDraft } from './api.js';
import { DraftStateChip } from './chips.js';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <EnumInput key="state" source="state" enumName="PlanDraftState" alwaysOn />];

/** Where a document came from: its file's name, or that it was pasted. */
function useSourceLabel() {
  const translate = useTranslate();
  return (d: PlanDraft) => d.sourceName ?? translate('resources.PlanDraft.review.pasted');
}

/** The plans read from documents, newest first; a draft opens on its review, a kept one read-only. */
export default function PlanDraftList() {
  const sourceLabel = useSourceLabel();
  return (
    <ResponsiveList
      sort={{ field: 'createdAt', order: 'DESC' }}
      filters={filters}
      linkType="edit"
      primaryText={(r) => (r as PlanDraft).header?.title}
      secondaryText={(r) => `${sourceLabel(r as PlanDraft)} · ${formatInstant((r as PlanDraft).createdAt)} · ${(r as PlanDraft).createdByName ?? ''}`}
      tertiaryText={(r) => <DraftStateChip state={(r as PlanDraft).state} />}
    >
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="header.title" disableSort>
          <FunctionField<PlanDraft> render={(r) => r.header?.title} />
        </DataTable.Col>
        <DataTable.Col source="sourceName" disableSort>
          <FunctionField<PlanDraft> render={sourceLabel} />
        </DataTable.Col>
        <DataTable.Col source="state" disableSort>
          <FunctionField<PlanDraft> render={(r) => <DraftStateChip state={r.state} />} />
        </DataTable.Col>
        <DataTable.Col source="createdByName" disableSort />
        <DataTable.Col source="createdAt">
          <FunctionField<PlanDraft> render={(r) => formatInstant(r.createdAt)} />
        </DataTable.Col>
      </DataTable>
    </ResponsiveList>
  );
}
