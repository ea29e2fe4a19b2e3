import { useState } from 'react';
import { Button } from '@mui/material';
import CampaignIcon from '@mui/icons-material/Campaign';
import { useQueryClient } from '@tanstack/react-query';
import { Confirm, useNotify, usePermissions, useTranslate } from 'react-admin';
import { toAppError } from '../errors.js';
import { URGING_ROLES, urgeUnit } from './api.js';

/**
 * "Đôn đốc": asks for an urging letter to the unit about its late work in the plan, after a confirmation.
 * Shown to the leadership and the coordinating office only; the letter is drafted within seconds and
 * listed under "Văn bản đôn đốc".
 */
export function UrgeButton({ planId, unitId, unitName }: { planId: string; unitId: string; unitName: string }) {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { permissions: role } = usePermissions<string>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!role || !URGING_ROLES.includes(role)) return null;

  const confirm = async () => {
    setBusy(true);
    try {
      await urgeUnit(planId, unitId);
      notify('app.letters.urged', { type: 'success', messageArgs: { unit: unitName } });
      await queryClient.invalidateQueries({ queryKey: ['urgingLetters', planId] });
      setOpen(false);
    } catch (error) {
      notify(toAppError(error).message, { type: 'error', autoHideDuration: 8000 });
      setOpen(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        size="small"
        color="warning"
        variant="outlined"
        startIcon={<CampaignIcon />}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
        data-testid="urge-button"
        data-unit-id={unitId}
      >
        {translate('app.letters.urge')}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="app.letters.urge_title"
        content="app.letters.urge_content"
        contentTranslateOptions={{ unit: unitName }}
        confirm="app.letters.urge_confirm"
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
