/** The four deadline classes in the order and colours every chart of the overview uses. */
export const CLASS_COLOURS = [
  { key: 'doneOnTime', label: 'app.dashboard.done_on_time', color: '#2e7d32' },
  { key: 'doneLate', label: 'app.dashboard.done_late', color: '#ed6c02' },
  { key: 'notDoneWithinDeadline', label: 'app.dashboard.within_deadline', color: '#0288d1' },
  { key: 'overdue', label: 'app.dashboard.overdue', color: '#d32f2f' },
] as const;

/** Read by screen readers, not shown: the name of a column of buttons, the destination of a card. */
export const visuallyHidden = {
  border: 0,
  clip: 'rect(0 0 0 0)',
  height: '1px',
  margin: '-1px',
  overflow: 'hidden',
  padding: 0,
  position: 'absolute',
  whiteSpace: 'nowrap',
  width: '1px',
} as const;
