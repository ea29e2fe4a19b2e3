import { Box, Button, Card, CardContent, Checkbox, Chip, FormControlLabel, Typography } from '@mui/material';
import BlockIcon from '@mui/icons-material/Block';
import UndoIcon from '@mui/icons-material/Undo';
import { useTranslate } from 'react-admin';
import { formatDay, formatInstant, sentenceCase } from '../format.js';
import type { CriterionResult, Nomination } from './api.js';
import { NominationSourceChip, NominationStateChip } from './chips.js';
import { NominationHistory } from './NominationHistory.js';

const scoreFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

function Criterion({ criterion }: { criterion: CriterionResult }) {
  const translate = useTranslate();
  return (
    <Box
      component="li"
      sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', py: 0.25 }}
      data-testid="criterion"
      data-code={criterion.code}
      data-passed={criterion.passed}
    >
      <Typography
        component="span"
        aria-label={translate(criterion.passed ? 'app.awards.passed' : 'app.awards.not_passed')}
        sx={{ fontWeight: 700, color: criterion.passed ? 'success.main' : 'error.main', width: '1.2em', flexShrink: 0 }}
      >
        {criterion.passed ? '✓' : '✗'}
      </Typography>
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="body2">
          {criterion.label}{' '}
          <Typography component="span" variant="caption" color="text.secondary">
            ({translate('app.awards.weight', { weight: criterion.weight })})
          </Typography>
        </Typography>
        <Typography variant="body2" color="text.secondary" data-testid="criterion-detail">
          {criterion.detail}
        </Typography>
      </Box>
    </Box>
  );
}

export interface NominationCardProps {
  nomination: Nomination;
  /** The leader may tick it for the batch to approve (PROPOSED only). */
  selectable: boolean;
  selected: boolean;
  onToggle: () => void;
  onReject?: () => void;
  onWithdraw?: () => void;
}

/**
 * One nomination: who, how it scored and why, beside what may be done with it. The explanation sits
 * next to the buttons on a wide screen and under the name on a phone, so nobody decides without it.
 */
export function NominationCard({ nomination: n, selectable, selected, onToggle, onReject, onWithdraw }: NominationCardProps) {
  const translate = useTranslate();
  const proposed = n.state === 'PROPOSED';
  const decided = n.state === 'APPROVED' || n.state === 'REJECTED';
  return (
    <Card
      variant="outlined"
      data-testid="nomination"
      data-id={n.id}
      data-state={n.state}
      data-kind={n.kind}
      data-code={n.facility?.code ?? n.unit.code}
      sx={{ borderColor: selected ? 'primary.main' : undefined }}
    >
      <CardContent sx={{ display: 'flex', flexDirection: { xs: 'column', md: 'row' }, gap: { xs: 1.5, md: 3 }, '&:last-child': { pb: 1.5 } }}>
        <Box sx={{ flex: '1 1 50%', minWidth: 0, display: 'flex', flexDirection: 'column', gap: 1 }}>
          <Box>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, lineHeight: 1.3 }} data-testid="nomination-name">
              {n.candidateName}
            </Typography>
            {n.facility && (
              <Typography variant="body2" color="text.secondary" data-testid="nomination-commune">
                {n.unit.name}
              </Typography>
            )}
          </Box>
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
            <NominationStateChip state={n.state} />
            <NominationSourceChip source={n.source} />
            <Chip
              size="small"
              color={n.score === null ? 'default' : 'primary'}
              variant="outlined"
              label={n.score === null ? translate('app.awards.no_score') : translate('app.awards.score', { score: scoreFormat.format(n.score) })}
              data-testid="nomination-score"
            />
            {n.rank !== null && <Chip size="small" variant="outlined" label={translate('app.awards.rank', { rank: n.rank })} data-testid="nomination-rank" />}
          </Box>
          <Typography variant="body2" data-testid="nomination-achievement">
            <strong>{translate('app.awards.achievement')}:</strong> {sentenceCase(n.achievement)}
          </Typography>
          {n.reason && n.reason !== n.achievement && (
            <Typography variant="body2" data-testid="nomination-reason">
              <strong>{translate(n.state === 'WITHDRAWN' ? 'app.awards.withdraw_reason_label' : 'app.awards.reason')}:</strong> {n.reason}
            </Typography>
          )}
          {decided && (
            <Typography variant="body2" color="text.secondary" data-testid="nomination-decided">
              {translate('app.awards.decided', { name: n.decidedByName ?? '—', time: formatInstant(n.decidedAt) })}
              {n.decisionComment ? ` — “${n.decisionComment}”` : ''}
              {n.decision
                ? ` · ${translate('app.awards.decision_ref', { number: n.decision.number || '…', date: formatDay(n.decision.decisionDate) })}`
                : ''}
            </Typography>
          )}
          <NominationHistory history={n.history} />
        </Box>
        <Box sx={{ flex: '1 1 50%', minWidth: 0, display: 'flex', flexDirection: 'column', gap: 1 }}>
          <Box data-testid="nomination-criteria">
            <Typography variant="overline" color="text.secondary" component="h4" sx={{ lineHeight: 2 }}>
              {translate('app.awards.explanation')}
            </Typography>
            {n.criteria.length ? (
              <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
                {n.criteria.map((c) => (
                  <Criterion key={c.code} criterion={c} />
                ))}
              </Box>
            ) : (
              <Typography variant="body2" color="text.secondary">
                {translate('app.awards.no_criteria')}
              </Typography>
            )}
          </Box>
          {proposed && (selectable || onReject || onWithdraw) && (
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }} data-testid="nomination-actions">
              {selectable && (
                <FormControlLabel
                  sx={{ mr: 'auto' }}
                  control={<Checkbox checked={selected} onChange={onToggle} slotProps={{ input: { 'data-testid': 'nomination-select' } as object }} />}
                  label={translate('app.awards.select')}
                />
              )}
              {onReject && (
                <Button size="small" variant="outlined" color="error" startIcon={<BlockIcon />} onClick={onReject} data-testid="nomination-reject">
                  {translate('app.awards.reject')}
                </Button>
              )}
              {onWithdraw && (
                <Button size="small" variant="outlined" color="warning" startIcon={<UndoIcon />} onClick={onWithdraw} data-testid="nomination-withdraw">
                  {translate('app.awards.withdraw')}
                </Button>
              )}
            </Box>
          )}
        </Box>
      </CardContent>
    </Card>
  );
}
