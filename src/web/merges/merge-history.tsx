import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { type MergeView } from '../api/queries';
import { AnchorLink } from '../components/links';
import { ReasonForm } from '../components/reason-form';
import { formatDateTime } from '../format';
import { movedText, who } from '../merges/merge-plan';
import { programLabel } from '../programs';

export function ReverseForm(props: { merge: MergeView; onReverse: (reason: string) => Promise<unknown>; onCancel: () => void }) {
  const { merge } = props;
  return (
    <ReasonForm
      id="reverse-reason"
      intro={`What moved to ${who(merge.survivor)} goes back to ${who(merge.merged)}: ${movedText(merge.moved)}. ${merge.merged.number} shows in the search again, and the two records are separate as before.`}
      label="Reason for reversing"
      description="Kept with the merge and in both people's audit logs."
      field="reason"
      missing="Say why the merge is reversed"
      maxLength={1000}
      problemTitle="The merge was not reversed"
      submitLabel="Reverse merge"
      color="orange"
      onSubmit={props.onReverse}
      onCancel={props.onCancel}
    />
  );
}

export function MergeItem(props: { bodyId: string; merge: MergeView; myId: string; onReverse: () => void }) {
  const { bodyId, merge, myId } = props;
  const headingId = `merge-${merge.id}`;
  const byWhom = (userId: string | null) => (userId !== null && userId === myId ? ' by you' : '');
  return (
    <Card component="li" withBorder padding="md" aria-labelledby={headingId}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3} size="h5" id={headingId}>
            {who(merge.merged)} into {who(merge.survivor)}
          </Title>
          {merge.reversedAt ? (
            <Badge color="gray" variant="light" tt="none">
              Reversed
            </Badge>
          ) : (
            <Badge color="teal" variant="light" tt="none">
              In effect
            </Badge>
          )}
        </Group>
        <Text size="sm">
          Merged on {formatDateTime(merge.mergedAt)}
          {byWhom(merge.mergedBy)}: {merge.reason}
        </Text>
        <Text size="sm" c="dimmed">
          Moved {movedText(merge.moved)}.
          {merge.keptApart.length > 0 ? ` Kept apart: ${merge.keptApart.map(programLabel).join(', ')}.` : ''}
        </Text>
        {merge.reversedAt && (
          <Text size="sm">
            Reversed on {formatDateTime(merge.reversedAt)}
            {byWhom(merge.reversedBy)}: {merge.reverseReason}
          </Text>
        )}
        <Group gap="sm">
          <AnchorLink to="/bodies/$bodyId/people/$personId" params={{ bodyId, personId: merge.survivor.id }} size="sm">
            Open {merge.survivor.legalName} ({merge.survivor.number})
          </AnchorLink>
          {!merge.reversedAt && (
            <Button
              size="xs"
              variant="default"
              color="orange"
              onClick={props.onReverse}
              aria-label={`Reverse the merge of ${who(merge.merged)} into ${who(merge.survivor)}`}
            >
              Reverse
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
