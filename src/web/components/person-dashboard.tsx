import { Alert, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { activitiesQuery, progressQuery, transcriptUrl } from '../api/queries';
import { formatDay } from '../format';
import { CredentialList } from '../credentials/credential-list';
import { CalendarSubscription } from './calendar-subscription';
import { CertificationCard } from './certification-card';
import { MergedNotice } from './merged-notice';
import { AnchorLink, ButtonLink } from './links';
import { StandingDecisionButton } from '../pages/standing/standing-decision-button';
import { ProblemAlert } from './problem-alert';

/** A person's dashboard: one card per certification held, as of today in the body's time zone. */
export function PersonDashboard(props: { bodyId: string; personId: string; own: boolean; staff: boolean; admin?: boolean }) {
  const { bodyId, personId, own, staff, admin = false } = props;
  const progress = useQuery(progressQuery(bodyId, personId));
  const activities = useQuery(activitiesQuery(bodyId, personId));
  const byId = useMemo(() => new Map((activities.data ?? []).map((activity) => [activity.id, activity])), [activities.data]);

  if (progress.error) return <ProblemAlert error={progress.error} title="Progress could not be loaded" />;
  if (!progress.data) {
    return (
      <Stack aria-busy="true" aria-label="Loading progress">
        <Skeleton height={36} width="60%" />
        <Skeleton height={320} />
      </Stack>
    );
  }
  const { person, asOf, certifications } = progress.data;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          {staff && !own && (
            <AnchorLink to="/bodies/$bodyId/people" params={{ bodyId }} size="sm">
              Back to the people search
            </AnchorLink>
          )}
          <Title order={1} size="h2">
            {own ? 'My certifications' : person.legalName}
          </Title>
          <Text size="sm" c="dimmed">
            {own ? person.legalName : `Certificant number ${person.number}`} · as of {formatDay(asOf)}
          </Text>
        </div>
        <Group gap="xs">
          <ButtonLink to="/bodies/$bodyId/people/$personId/activities" params={{ bodyId, personId }} variant="light">
            {own ? 'Record CE activities' : 'CE activities'}
          </ButtonLink>
          <ButtonLink to="/bodies/$bodyId/people/$personId/renewals" params={{ bodyId, personId }} variant="default">
            Renewals
          </ButtonLink>
          {(own || staff) && (
            <ButtonLink to="/bodies/$bodyId/people/$personId/extensions" params={{ bodyId, personId }} variant="default">
              Extensions
            </ButtonLink>
          )}
          <ButtonLink to="/bodies/$bodyId/people/$personId/standing" params={{ bodyId, personId }} variant="default">
            Standing and appeals
          </ButtonLink>
          {admin && !own && (
            <StandingDecisionButton
              bodyId={bodyId}
              personId={personId}
              programs={certifications.map((result) => ({ program: result.program, designation: result.designation }))}
            />
          )}
          {/* Plain links: the browser downloads the file with the session cookie, under the server's file name. */}
          <Button component="a" href={transcriptUrl(bodyId, personId, 'pdf')} download variant="default">
            Download transcript (PDF)
          </Button>
          <Button component="a" href={transcriptUrl(bodyId, personId, 'csv')} download variant="subtle">
            Transcript as CSV
          </Button>
          {admin && !own && (
            <>
              <ButtonLink to="/bodies/$bodyId/people/$personId/profile" params={{ bodyId, personId }} variant="default">
                Profile
              </ButtonLink>
              <ButtonLink to="/bodies/$bodyId/people/$personId/audit" params={{ bodyId, personId }} variant="default">
                Audit log
              </ButtonLink>
            </>
          )}
        </Group>
      </Group>

      <MergedNotice bodyId={bodyId} person={person} />

      {activities.error && <ProblemAlert error={activities.error} title="Activity titles could not be loaded" />}

      {certifications.length === 0 ? (
        <Alert color="gray" title="No certification">
          {own ? 'You hold' : 'This person holds'} no certification with this body yet.
        </Alert>
      ) : (
        certifications.map((result) => <CertificationCard key={result.program} result={result} asOf={asOf} activities={byId} />)
      )}

      {staff && !own && (
        <Stack component="section" gap="sm" aria-labelledby="credentials-heading">
          <Title order={2} size="h3" id="credentials-heading">
            Credentials
          </Title>
          <CredentialList bodyId={bodyId} personId={personId} own={false} order={3} />
        </Stack>
      )}

      {own && <CalendarSubscription bodyId={bodyId} personId={personId} />}

      <Text size="sm" c="dimmed">
        Reminders and these figures are a courtesy: meeting every deadline remains the certificant&apos;s own responsibility.
      </Text>
    </Stack>
  );
}
