import { useEffect } from 'react';
import { Box, Chip, Typography } from '@mui/material';
import {
  ArrayInput,
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  DateInput,
  NumberInput,
  ReferenceInput,
  SelectArrayInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  maxValue,
  minValue,
  required,
  useSourceContext,
  useTranslate,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { ENUMS, EnumInput, enumChoices } from '../../fields.js';
import { useBodyChoices, useTaskChoices, withValues } from './choices.js';
import { DraftSection } from './DraftHeaderInputs.js';
import { SpanAnchor } from './SpanAnchor.js';

const row = { display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%', '& > *': { flex: '1 1 160px' } } as const;

/** A sibling field of the item this component sits in. */
function useItemValue<T>(field: string): T {
  return useWatch({ name: useSourceContext().getSource(field) }) as T;
}

export function TargetInputs() {
  return (
    <DraftSection title="resources.PlanDraft.fields.targets" testId="draft-targets">
      <ArrayInput source="targets" label={false}>
        <SimpleFormIterator fullWidth disableReordering>
          <SpanAnchor />
          <TextInput source="title" validate={required()} multiline fullWidth />
          <Box sx={row}>
            <TextInput source="code" validate={required()} />
            <EnumInput source="comparator" enumName="Comparator" validate={required()} defaultValue="AT_LEAST" />
            <NumberInput source="thresholdPercent" validate={[required(), minValue(0), maxValue(100)]} />
          </Box>
          <Box sx={row}>
            <EnumInput source="sector" enumName="Sector" emptyText="resources.PlanDraft.review.none" />
            <EnumInput source="metric" enumName="TargetMetric" emptyText="resources.PlanDraft.review.none" />
            <DateInput source="deadline" />
          </Box>
          <SelectArrayInput source="facilityLevels" choices={enumChoices('FacilityLevel', ENUMS.FacilityLevel)} fullWidth />
          <TextInput source="note" multiline fullWidth />
          <TextInput source="notApplicableReason" multiline fullWidth />
        </SimpleFormIterator>
      </ArrayInput>
    </DraftSection>
  );
}

export function TaskInputs() {
  return (
    <DraftSection title="resources.PlanDraft.fields.tasks" testId="draft-tasks">
      <ArrayInput source="tasks" label={false}>
        <SimpleFormIterator fullWidth>
          <SpanAnchor />
          <Box sx={row}>
            <TextInput source="number" validate={required()} sx={{ flex: '0 1 110px !important' }} />
            <TextInput source="title" validate={required()} multiline sx={{ flex: '4 1 260px !important' }} />
          </Box>
          <TextInput source="description" multiline fullWidth />
          <DateInput source="dueDate" />
          <TextInput source="assumption" multiline fullWidth />
        </SimpleFormIterator>
      </ArrayInput>
    </DraftSection>
  );
}

/** How the body was matched to the registry, or that it was not: said in words, not only by colour. */
function BodyMatch() {
  const translate = useTranslate();
  const unitId = useItemValue<string | null>('unitId');
  const matchedBy = useItemValue<string | null>('matchedBy');
  const allCommunes = useItemValue<boolean>('allCommunes');
  if (allCommunes) return <Chip size="small" color="info" variant="outlined" label={translate('resources.PlanDraft.match.ALL_COMMUNES')} />;
  if (!unitId) return <Chip size="small" color="warning" variant="outlined" label={translate('resources.PlanDraft.match.none')} data-testid="body-unmatched" />;
  return (
    <Chip
      size="small"
      color="success"
      variant="outlined"
      label={translate(matchedBy ? `resources.PlanDraft.match.${matchedBy}` : 'resources.PlanDraft.match.MANUAL')}
      data-testid="body-matched"
    />
  );
}

/**
 * Unmatched and not every commune: the reviewer may propose a new unit of the registry with this
 * name, made on activation with the code and kind given here.
 */
function CreateUnitInput() {
  const translate = useTranslate();
  const unitId = useItemValue<string | null>('unitId');
  const allCommunes = useItemValue<boolean>('allCommunes');
  const createUnit = useItemValue<boolean>('createUnit');
  const name = useItemValue<string>('name');
  if (unitId || allCommunes) return null;
  return (
    <>
      <BooleanInput source="createUnit" label={translate('resources.PlanDraft.review.create_unit', { name: name ?? '' })} />
      {createUnit && (
        <Box sx={row}>
          <TextInput source="unitCode" helperText="resources.PlanDraft.review.unit_code_hint" />
          <EnumInput source="unitKind" enumName="UnitKind" />
        </Box>
      )}
    </>
  );
}

/**
 * A body added by hand gets a key at once, as the API allows: the obligations below can name it
 * before the draft is saved.
 */
function BodyKey() {
  const path = useSourceContext().getSource('key');
  const key = useWatch({ name: path }) as string | null | undefined;
  const { setValue } = useFormContext();
  useEffect(() => {
    if (!key) setValue(path, `new-${Math.random().toString(36).slice(2, 10)}`, { shouldDirty: true });
  }, [key, path, setValue]);
  return null;
}

function TaskNumbersInput({ source }: { source: 'leads' | 'coordinates' }) {
  const choices = useTaskChoices();
  const values = useItemValue<string[] | undefined>(source);
  return <AutocompleteArrayInput source={source} choices={withValues(choices, values ?? [])} defaultValue={[]} fullWidth />;
}

export function BodyInputs() {
  return (
    <DraftSection title="resources.PlanDraft.fields.bodies" hint="resources.PlanDraft.review.bodies_hint" testId="draft-bodies">
      <ArrayInput source="bodies" label={false}>
        <SimpleFormIterator fullWidth disableReordering>
          <BodyKey />
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
            <SpanAnchor />
            <BodyMatch />
          </Box>
          <TextInput source="name" validate={required()} multiline fullWidth />
          <ReferenceInput source="unitId" reference="Unit" sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput optionText="name" fullWidth />
          </ReferenceInput>
          <BooleanInput source="allCommunes" defaultValue={false} />
          <CreateUnitInput />
          <TaskNumbersInput source="leads" />
          <TaskNumbersInput source="coordinates" />
          <TextInput source="leadAssumption" multiline fullWidth />
        </SimpleFormIterator>
      </ArrayInput>
    </DraftSection>
  );
}

function BodyPicker({ source, needed }: { source: 'reporterKey' | 'throughKey' | 'recipientKey'; needed: boolean }) {
  const choices = useBodyChoices();
  const value = useItemValue<string | null>(source);
  return <SelectInput source={source} choices={withValues(choices, [value])} validate={needed ? required() : undefined} fullWidth />;
}

export function ObligationInputs() {
  return (
    <DraftSection title="resources.PlanDraft.fields.obligations" hint="resources.PlanDraft.review.obligations_hint" testId="draft-obligations">
      <ArrayInput source="obligations" label={false}>
        <SimpleFormIterator fullWidth disableReordering>
          <SpanAnchor />
          <TextInput source="subject" validate={required()} multiline fullWidth />
          <BodyPicker source="reporterKey" needed />
          <BodyPicker source="throughKey" needed={false} />
          <BodyPicker source="recipientKey" needed />
          <Box sx={row}>
            <EnumInput source="period" enumName="ReportPeriod" validate={required()} />
            <DateInput source="dueBefore" validate={required()} />
          </Box>
        </SimpleFormIterator>
      </ArrayInput>
    </DraftSection>
  );
}

function UnplacedText() {
  const translate = useTranslate();
  const text = useItemValue<string>('text');
  const reason = useItemValue<string>('reason');
  const dismissed = useItemValue<boolean>('dismissed');
  return (
    <Box sx={{ opacity: dismissed ? 0.75 : 1 }}>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', textDecoration: dismissed ? 'line-through' : 'none' }} data-testid="unplaced-text">
        {text}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {translate('resources.PlanDraft.review.unplaced_reason', { reason })}
      </Typography>
    </Box>
  );
}

/** What the reader could not place stays in view until the reviewer places it by hand or dismisses it. */
export function UnplacedInputs() {
  const count = (useWatch({ name: 'unplaced' }) as unknown[] | undefined)?.length ?? 0;
  if (!count) return null;
  return (
    <DraftSection title="resources.PlanDraft.fields.unplaced" hint="resources.PlanDraft.review.unplaced_hint" testId="draft-unplaced">
      <ArrayInput source="unplaced" label={false}>
        <SimpleFormIterator fullWidth disableAdd disableRemove disableReordering disableClear>
          <SpanAnchor />
          <UnplacedText />
          <BooleanInput source="dismissed" />
        </SimpleFormIterator>
      </ArrayInput>
    </DraftSection>
  );
}
