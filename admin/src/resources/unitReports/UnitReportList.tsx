import { Box, Card, CardContent, Typography } from '@mui/material';
import { AutocompleteInput, DataTable, DateInput, FunctionField, ReferenceInput, SearchInput, useTranslate, type RaRecord } from 'react-admin';
import { DeadlineChip } from '../../assignments/chips.js';
import { EnumInput } from '../../fields.js';
import { formatDay, formatInstantDay } from '../../format.js';
import { ResponsiveList } from '../ResponsiveList.js';
import { UNIT_REPORT_LIST_FIELDS, type UnitReport } from './api.js';
import { LateChip, ReportStateChip, usePeriodLabel } from './chips.js';

/** Communes and units without an obligation land here: say why the list is empty rather than offer to create. */
function Empty() {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ m: { xs: 1, sm: 2 } }}>
      <CardContent>
        <Typography data-testid="unit-reports-empty">{translate('resources.UnitReport.empty')}</Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('resources.UnitReport.empty_hint')}
        </Typography>
      </CardContent>
    </Card>
  );
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <EnumInput key="period" source="period" enumName="ReportPeriod" alwaysOn />,
  <EnumInput key="state" source="state" enumName="UnitReportState" alwaysOn />,
  <EnumInput key="deadlineClass" source="deadlineClass" enumName="DeadlineClass" />,
  <DateInput key="dueBefore" source="dueBefore" />,
  <ReferenceInput key="planId" source="planId" reference="Plan" sort={{ field: 'code', order: 'ASC' }}>
    <AutocompleteInput optionText="code" />
  </ReferenceInput>,
];

/**
 * The period reports a person may read: a unit its own, the aggregating office and the leadership every
 * unit's. Sorted by due day, so the period that falls due first is on top.
 */
export default function UnitReportList() {
  const periodLabel = usePeriodLabel();
  const translate = useTranslate();
  return (
    <ResponsiveList
      sort={{ field: 'dueBefore', order: 'ASC' }}
      filters={filters}
      queryOptions={{ meta: { sparseFields: UNIT_REPORT_LIST_FIELDS } }}
      empty={<Empty />}
      primaryText={(r) => r.unit?.name}
      secondaryText={(r) => `${periodLabel(r.period, r.dueBefore)} · ${translate('resources.UnitReport.due', { date: formatDay(r.dueBefore) })}`}
      tertiaryText={(r) => (
        <Box component="span" sx={{ display: 'inline-flex', gap: 0.5, flexWrap: 'wrap', justifyContent: 'flex-end' }}>
          <ReportStateChip state={r.state} />
          <DeadlineChip value={r.deadlineClass} />
        </Box>
      )}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="unitId" disableSort>
          <FunctionField<UnitReport> render={(r) => r.unit?.name} />
        </DataTable.Col>
        <DataTable.Col source="period" disableSort>
          <FunctionField<UnitReport> render={(r) => periodLabel(r.period, r.dueBefore)} />
        </DataTable.Col>
        <DataTable.Col source="dueBefore">
          <FunctionField<UnitReport> render={(r) => formatDay(r.dueBefore)} />
        </DataTable.Col>
        <DataTable.Col source="state">
          <FunctionField<UnitReport> render={(r) => <ReportStateChip state={r.state} />} />
        </DataTable.Col>
        <DataTable.Col source="deadlineClass" disableSort>
          <FunctionField<UnitReport> render={(r) => <DeadlineChip value={r.deadlineClass} />} />
        </DataTable.Col>
        <DataTable.Col source="submittedAt">
          <FunctionField<UnitReport & RaRecord>
            render={(r) => (
              <Box component="span" sx={{ display: 'inline-flex', gap: 1, alignItems: 'center', whiteSpace: 'nowrap' }}>
                {formatInstantDay(r.submittedAt) || '—'}
                <LateChip late={r.submittedLate} />
              </Box>
            )}
          />
        </DataTable.Col>
      </DataTable>
    </ResponsiveList>
  );
}
