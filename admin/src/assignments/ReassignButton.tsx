import { useState } from 'react';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, useMediaQuery, type Theme } from '@mui/material';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import {
  AutocompleteInput, Form, ReferenceInput, TextInput, required, useDataProvider, useGetOne, useNotify, usePermissions, useTranslate,
} from 'react-admin';
import type { AppDataProvider } from '../dataProvider.js';
import { isConflict, toAppError } from '../errors.js';
import type { Assignment, Role } from '../types.js';

/** Who decides that another unit does the work: the leadership and ADMIN (the API's assignment:reassign). */
export const REASSIGN_ROLES: Role[] = ['LEADER', 'ADMIN'];

const FINAL = new Set(['DONE', 'CANCELLED']);

type Target = Pick<Assignment, 'id' | 'version' | 'status' | 'unitId'>;

/**
 * "Chuyển đơn vị": moves the assignment to another unit, with the reason the history keeps. The
 * assignment keeps its id, history and evidence; the API refuses a unit that already has the task.
 */
export function ReassignButton({ assignment, onChanged }: { assignment: Target; onChanged: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { permissions } = usePermissions<Role>();
  const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const [open, setOpen] = useState(false);
  /** The version shown when the dialog opened: the move answers what the user saw then. */
  const [version, setVersion] = useState(assignment.version);
  const [busy, setBusy] = useState(false);
  const { data: current } = useGetOne<{ id: string; name: string }>('Unit', { id: assignment.unitId }, { enabled: open });
  if (!permissions || !REASSIGN_ROLES.includes(permissions) || FINAL.has(assignment.status)) return null;

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    try {
      const moved = await dataProvider.reassignAssignment({
        id: assignment.id,
        version,
        unitId: values.unitId as string,
        reason: String(values.reason ?? '').trim(),
      });
      notify('app.reassign.done', { type: 'success', messageArgs: { unit: moved.unit?.name ?? '' } });
      setOpen(false);
      onChanged();
    } catch (error) {
      const e = toAppError(error);
      notify(e.message, { type: 'error', autoHideDuration: 8000 });
      // Someone changed the assignment meanwhile: show what they saved. A unit that already has the task
      // leaves the dialog open to choose another.
      if (isConflict(e) && e.details.currentVersion !== undefined) {
        setOpen(false);
        onChanged();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        size="small"
        variant="outlined"
        startIcon={<SwapHorizIcon />}
        onClick={() => {
          setVersion(assignment.version);
          setOpen(true);
        }}
        data-testid="reassign-button"
      >
        {translate('app.reassign.button')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" fullScreen={phone} data-testid="reassign-dialog">
        <Form onSubmit={submit} record={{ unitId: null, reason: '' }}>
          <DialogTitle>{translate('app.reassign.title')}</DialogTitle>
          <DialogContent>
            <Alert severity="info" sx={{ mb: 2 }}>
              {translate('app.reassign.explain', { unit: current?.name ?? '…' })}
            </Alert>
            <Box sx={{ display: 'flex', flexDirection: 'column' }}>
              <ReferenceInput source="unitId" reference="Unit" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
                <AutocompleteInput
                  optionText="name"
                  label="app.reassign.unit"
                  validate={required()}
                  fullWidth
                />
              </ReferenceInput>
              <TextInput
                source="reason"
                label="app.reassign.reason"
                helperText="app.reassign.reason_help"
                multiline
                minRows={3}
                fullWidth
                validate={required()}
                slotProps={{ htmlInput: { 'data-testid': 'reassign-reason', maxLength: 2000 } }}
              />
            </Box>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <Button type="submit" variant="contained" disabled={busy} data-testid="reassign-confirm">
              {translate('app.reassign.confirm')}
            </Button>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
