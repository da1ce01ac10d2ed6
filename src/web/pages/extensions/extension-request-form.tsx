import { Button, Checkbox, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { invalidateStanding, requestExtension, type ExtensionTerms } from '../../api/extensions';
import { formatFee } from './fee';
import { ProblemAlert } from '../../components/problem-alert';
import { formatDay, formatNumber } from '../../format';

/**
 * The request for one certification: the activities whose certificates support it (those without
 * a certificate cannot be picked: a tracking table is not evidence), the credit they cover against
 * the share needed, and an optional note for staff.
 */
export function ExtensionRequestForm(props: {
  bodyId: string;
  personId: string;
  terms: ExtensionTerms;
  onDone: (message: string) => void;
}) {
  const { bodyId, personId, terms } = props;
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const covered = terms.activities.filter((a) => picked.includes(a.id)).reduce((sum, a) => sum + a.credits, 0);
  const needed = terms.neededCredits ?? 0;
  const send = useMutation({
    mutationFn: () =>
      requestExtension(bodyId, personId, {
        program: terms.program,
        activityIds: picked,
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: async (extension) => {
      await invalidateStanding(queryClient, bodyId);
      props.onDone(
        `Extension requested for ${terms.designation}.` +
          (extension.invoice && extension.invoice.paidOn === null
            ? ` Pay invoice ${extension.invoice.number} (${formatFee(extension.invoice.totalCents, extension.invoice.currency)}): staff decide once it is paid.`
            : ''),
      );
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    send.mutate();
  }
  const groupId = `extension-activities-${terms.program}`;
  return (
    <form onSubmit={submit} noValidate aria-label={`Request an extension of ${terms.designation}`}>
      <Stack gap="sm">
        {send.error && <ProblemAlert error={send.error} title="The extension was not requested" />}
        <Checkbox.Group
          id={groupId}
          value={picked}
          onChange={setPicked}
          label="Activities whose certificates support the request"
          description={terms.evidence ?? undefined}
        >
          <Stack gap={4} mt="xs">
            {terms.activities.map((activity) => (
              <Checkbox
                key={activity.id}
                value={activity.id}
                disabled={!activity.hasCertificate}
                label={`${activity.title} · ${formatDay(activity.date)} · ${formatNumber(activity.credits)} credits${activity.hasCertificate ? '' : ' (no certificate uploaded yet)'}`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Text size="sm" fw={500} c={covered >= needed ? 'green.8' : undefined} aria-live="polite">
          Certificates cover {formatNumber(covered)} of the {formatNumber(needed)} credits needed
          {covered < needed ? ` (${formatNumber(Math.round((needed - covered) * 100) / 100)} more)` : ''}.
        </Text>
        <Textarea
          label="Note for staff (optional)"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={2}
        />
        <Text size="sm" c="dimmed">
          The fee of {terms.feeCents === null ? 'nothing' : formatFee(terms.feeCents, terms.currency)} is invoiced with the
          request; staff grant the extension once it is paid. Extended renewals are always audited.
        </Text>
        <Button type="submit" loading={send.isPending} disabled={picked.length === 0} style={{ alignSelf: 'flex-start' }}>
          Request the extension
        </Button>
      </Stack>
    </form>
  );
}
