import { Badge, Box, Button, Group, Radio, SimpleGrid, Stack, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { slotState, saveStatusWords, type SaveStatus, type Saves } from './autosave-queue';
import { formatRemaining, remainingWords, urgencyOf } from './countdown';
import { questionLabel } from './navigation';

/** The pieces of the exam page: the clock, the save status, one question, the navigator. */

const CLOCK_COLORS = { calm: 'gray', soon: 'orange', 'last-minute': 'red', over: 'red' } as const;

/**
 * The time left, from the server's deadline. The figures change every second, so they are not a live
 * region; the thresholds (30, 10, 5, 1 minutes) are announced in one instead.
 */
export function ExamClock({ remainingMs, announcement }: { remainingMs: number | null; announcement: string }) {
  const urgency = remainingMs === null ? 'calm' : urgencyOf(remainingMs);
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" c="dimmed" component="span">
        Time left
      </Text>
      <Badge
        size="xl"
        radius="sm"
        color={CLOCK_COLORS[urgency]}
        variant={urgency === 'calm' ? 'light' : 'filled'}
        tt="none"
        ff="monospace"
        aria-label={remainingMs === null ? 'Time left: loading' : `Time left: ${remainingWords(remainingMs)}`}
        data-testid="exam-clock"
      >
        {remainingMs === null ? '–:––' : formatRemaining(remainingMs)}
      </Badge>
      <VisuallyHidden role="status" aria-live="assertive">
        {announcement}
      </VisuallyHidden>
    </Group>
  );
}

const SAVE_COLORS: Record<SaveStatus['kind'], string> = {
  idle: 'dimmed',
  saved: 'green.8',
  saving: 'dimmed',
  retrying: 'orange.8',
  refused: 'red.8',
};

/** Whether the answers are with the server: a polite live region, so a failure is heard without moving focus. */
export function SaveStatusLine({ status }: { status: SaveStatus }) {
  return (
    <Text size="sm" c={SAVE_COLORS[status.kind]} role="status" aria-live="polite" data-testid="save-status" fw={500}>
      {saveStatusWords(status)}
    </Text>
  );
}

export const questionHeadingId = (number: number) => `question-${number}-heading`;

export interface QuestionOption {
  id: string;
  text: string;
}

/**
 * One question and its options as radio buttons (arrow keys move between them, as in any radio group).
 * Its heading (`questionHeadingId`) takes the focus when the candidate moves to another question.
 */
export function QuestionCard(props: {
  number: number;
  total: number;
  section: string | null;
  stem: string;
  options: readonly QuestionOption[];
  chosen: string | null;
  disabled: boolean;
  onChoose: (option: string) => void;
}) {
  const headingId = questionHeadingId(props.number);
  return (
    <Stack gap="md" component="section" aria-labelledby={headingId}>
      <div>
        <Title order={2} size="h4" id={headingId} tabIndex={-1} style={{ outline: 'none' }}>
          Question {props.number} of {props.total}
        </Title>
        {props.section && (
          <Text size="xs" c="dimmed">
            {props.section}
          </Text>
        )}
      </div>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{props.stem}</Text>
      <Radio.Group value={props.chosen} onChange={props.onChoose} aria-labelledby={headingId} name={`question-${props.number}`}>
        <Stack gap="xs">
          {props.options.map((option) => (
            <Radio.Card
              key={option.id}
              value={option.id}
              disabled={props.disabled}
              radius="md"
              p="sm"
              withBorder
              style={{ opacity: props.disabled ? 0.7 : 1 }}
            >
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator />
                <Text size="sm">{option.text}</Text>
              </Group>
            </Radio.Card>
          ))}
        </Stack>
      </Radio.Group>
    </Stack>
  );
}

const MARKS = {
  unanswered: { bg: 'transparent', fg: 'var(--mantine-color-text)', border: 'var(--mantine-color-gray-5)', sign: '' },
  saved: { bg: 'var(--mantine-color-blue-7)', fg: 'white', border: 'var(--mantine-color-blue-7)', sign: '' },
  saving: {
    bg: 'var(--mantine-color-blue-2)',
    fg: 'var(--mantine-color-blue-9)',
    border: 'var(--mantine-color-blue-5)',
    sign: '…',
  },
  failed: { bg: 'var(--mantine-color-red-1)', fg: 'var(--mantine-color-red-9)', border: 'var(--mantine-color-red-7)', sign: '!' },
} as const;

/**
 * Every question by number, marked answered or not (by fill, and by name for screen readers), the
 * current one outlined; choosing one goes there.
 */
export function QuestionNavigator(props: {
  order: readonly string[];
  saves: Saves;
  current: number;
  onGo: (index: number) => void;
}) {
  const answered = props.order.filter((question) => props.saves[question]).length;
  return (
    <Stack gap="xs" component="nav" aria-label="Questions">
      <Text size="sm" fw={500}>
        {answered} of {props.order.length} answered
      </Text>
      <SimpleGrid cols={{ base: 8, xs: 10, md: 5, lg: 8 }} spacing={4} verticalSpacing={4}>
        {props.order.map((question, index) => {
          const state = slotState(props.saves[question]);
          const mark = MARKS[state];
          const current = index === props.current;
          return (
            <UnstyledButton
              key={question}
              onClick={() => props.onGo(index)}
              aria-label={questionLabel(index + 1, state, current)}
              aria-current={current ? 'step' : undefined}
              data-state={state}
              style={{
                height: 36,
                borderRadius: 4,
                textAlign: 'center',
                fontSize: 13,
                fontWeight: current ? 700 : 500,
                background: mark.bg,
                color: mark.fg,
                border: `1px solid ${mark.border}`,
                outline: current ? '3px solid var(--mantine-color-orange-6)' : undefined,
                outlineOffset: current ? 1 : undefined,
              }}
            >
              {index + 1}
              {mark.sign}
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
      <Group gap="md">
        <Legend mark={MARKS.saved} label="answered" />
        <Legend mark={MARKS.unanswered} label="not answered" />
        <Legend mark={MARKS.failed} label="not saved yet" />
      </Group>
    </Stack>
  );
}

function Legend({ mark, label }: { mark: (typeof MARKS)[keyof typeof MARKS]; label: string }) {
  return (
    <Group gap={4} wrap="nowrap" aria-hidden>
      <Box w={14} h={14} style={{ background: mark.bg, border: `1px solid ${mark.border}`, borderRadius: 3 }} />
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}

/** Previous and next, at the foot of the question. */
export function QuestionSteps(props: { index: number; count: number; onGo: (index: number) => void; onReview: () => void }) {
  const last = props.index >= props.count - 1;
  return (
    <Group justify="space-between">
      <Button variant="default" onClick={() => props.onGo(props.index - 1)} disabled={props.index === 0}>
        Previous
      </Button>
      {last ? (
        <Button variant="light" onClick={props.onReview}>
          Review and submit
        </Button>
      ) : (
        <Button onClick={() => props.onGo(props.index + 1)}>Next</Button>
      )}
    </Group>
  );
}
