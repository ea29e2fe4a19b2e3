import { memo, useEffect, useMemo, useRef } from 'react';
import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { TextSpan } from './api.js';
import { useSpanFocus } from './spanFocus.js';

interface Paragraph {
  start: number;
  text: string;
}

/** A line that starts in lower case carries on the sentence of the line before: the document was wrapped. */
const CONTINUES = /^\s*\p{Ll}/u;

/**
 * The document's paragraphs with where each starts (spans are offsets into the whole text). Lines a
 * PDF or a narrow window wrapped are joined back; the line breaks stay in the text, shown as spaces.
 */
function paragraphsOf(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  let start = 0;
  for (const line of text.split('\n')) {
    // Blank lines say nothing here: some documents put one after every line, wrapped or not.
    if (!line.trim()) {
      start += line.length + 1;
      continue;
    }
    if (current && CONTINUES.test(line)) current.text = text.slice(current.start, start + line.length);
    else paragraphs.push((current = { start, text: line }));
    start += line.length + 1;
  }
  return paragraphs;
}

/** A paragraph, with the part the focused item was read from marked; only the marked ones re-render. */
const SourceParagraph = memo(function SourceParagraph({ paragraph, span }: { paragraph: Paragraph; span: TextSpan | null }) {
  const { start, text } = paragraph;
  if (!span) return <p>{text}</p>;
  const from = Math.max(0, span.start - start);
  const to = Math.min(text.length, span.end - start);
  return (
    <p>
      {text.slice(0, from)}
      <mark data-testid="source-mark">{text.slice(from, to)}</mark>
      {text.slice(to)}
    </p>
  );
});

/**
 * The document the plan was read from, as readable paragraphs. The item being edited is marked and
 * scrolled into this pane's view, not the page's: the field being typed in must not move away.
 */
export function SourceText({ text, sourceName, maxHeight }: { text: string; sourceName: string | null; maxHeight: string }) {
  const translate = useTranslate();
  const { active } = useSpanFocus();
  const paragraphs = useMemo(() => paragraphsOf(text), [text]);
  const pane = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const box = pane.current;
    const mark = box?.querySelector('mark');
    if (!box || !mark) return;
    const offset = mark.getBoundingClientRect().top - box.getBoundingClientRect().top;
    box.scrollTop += offset - box.clientHeight / 4;
  }, [active]);

  return (
    <Box
      ref={pane}
      tabIndex={0}
      role="region"
      aria-label={sourceName ? translate('resources.PlanDraft.review.source_named', { name: sourceName }) : translate('resources.PlanDraft.review.source')}
      data-testid="draft-source"
      sx={{
        maxHeight,
        overflowY: 'auto',
        px: 2,
        py: 1,
        typography: 'body2',
        lineHeight: 1.6,
        '& p': { my: 0.75, overflowWrap: 'anywhere' },
        // A highlighter's yellow, with black ink: readable whatever the theme's palette.
        '& mark': { bgcolor: '#fff176', color: '#000', borderRadius: 0.5, boxShadow: '0 0 0 2px #fff176' },
      }}
    >
      {paragraphs.map((p) => (
        <SourceParagraph key={p.start} paragraph={p} span={active && active.start < p.start + p.text.length && active.end > p.start ? active : null} />
      ))}
    </Box>
  );
}
