import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState, type FormEvent } from 'react';
import type { Policy } from '../../core/policies/policy-schema';
import { activityInputSchema } from '../../server/activities/activity-schemas';
import { isApiError } from '../api/client';
import type { ActivityInputBody, ActivityView } from '../api/queries';
import { amount, capitalize, formatNumber, words } from '../format';
import { problemLines } from '../forms';
import { previewDraft, type DraftActivity, type PreviewBaseResult } from '../preview/credit-preview';
import { HoursInput } from './credit-fields';
import { ProblemAlert, ProblemList } from './problem-alert';

interface FormValues {
  title: string;
  type: string;
  startDate: string;
  endDate: string;
  hours: number | string;
  categories: string[];
  provider: string;
  city: string;
  region: string;
  virtual: boolean;
  approvalCode: string;
}

type FieldName = keyof FormValues;
type FieldErrors = Partial<Record<FieldName, string>>;

const EMPTY: FormValues = {
  title: '',
  type: '',
  startDate: '',
  endDate: '',
  hours: '',
  categories: [],
  provider: '',
  city: '',
  region: '',
  virtual: false,
  approvalCode: '',
};

function valuesOf(activity: ActivityView | null): FormValues {
  if (!activity) return EMPTY;
  return {
    title: activity.title,
    type: activity.type,
    startDate: activity.startDate,
    endDate: activity.endDate ?? '',
    hours: activity.hours,
    categories: activity.categories,
    provider: activity.provider ?? '',
    city: activity.city ?? '',
    region: activity.region ?? '',
    virtual: activity.virtual,
    approvalCode: activity.approvalCode ?? '',
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The request body, before validation. */
function bodyOf(values: FormValues): Record<string, unknown> {
  return {
    title: values.title,
    provider: orNull(values.provider),
    type: values.type,
    startDate: values.startDate,
    endDate: orNull(values.endDate),
    hours: typeof values.hours === 'number' ? values.hours : undefined,
    categories: values.categories,
    approvalCode: orNull(values.approvalCode),
    city: orNull(values.city),
    region: orNull(values.region),
    virtual: values.virtual,
  };
}

const LABELS: Record<FieldName, string> = {
  title: 'Title',
  type: 'Type',
  startDate: 'Date',
  endDate: 'End date',
  hours: 'Hours',
  categories: 'Categories',
  provider: 'Provider',
  city: 'City',
  region: 'State or region',
  virtual: 'Attended virtually',
  approvalCode: 'Approval code',
};

const FIELDS = new Set<string>(Object.keys(LABELS));

/** "body.categories[1]" or ["categories", 1] → "categories". */
function fieldOf(path: string | readonly PropertyKey[]): FieldName | null {
  const first = typeof path === 'string' ? path.replace(/^body\.?/, '').split(/[.[]/)[0] : String(path[0] ?? '');
  return first !== undefined && FIELDS.has(first) ? (first as FieldName) : null;
}

function validate(values: FormValues): { body: ActivityInputBody; errors: null } | { body: null; errors: FieldErrors } {
  const result = activityInputSchema.safeParse(bodyOf(values));
  if (result.success) return { body: result.data, errors: null };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = fieldOf(issue.path);
    if (field && !errors[field]) errors[field] = field === 'hours' && values.hours === '' ? 'is required' : issue.message;
  }
  return { body: null, errors };
}

/** Activity types of the programs held: one entry per type, with whether it needs the body's advance approval. */
export function typeOptions(policies: readonly Policy[], current?: string) {
  const options = new Map<string, { label: string; approval: boolean[] }>();
  for (const policy of policies) {
    for (const type of policy.activityTypes) {
      const option = options.get(type.id) ?? { label: type.label, approval: [] };
      option.approval.push(type.requiresApproval);
      options.set(type.id, option);
    }
  }
  const list = [...options].map(([value, { label, approval }]) => ({
    value,
    label: capitalize(label) + (approval.every(Boolean) ? ' (needs advance approval)' : ''),
  }));
  if (current && !options.has(current)) list.push({ value: current, label: words(current) });
  return list;
}

function categoryHints(policies: readonly Policy[]) {
  const hints = new Map<string, string>();
  for (const policy of policies) {
    for (const minimum of policy.credit.minimums) {
      if ('category' in minimum.when) hints.set(minimum.when.category, minimum.description);
    }
  }
  return hints;
}

function approvedTerms(policies: readonly Policy[]): string[] {
  return [
    ...new Set(policies.flatMap((policy) => policy.credit.minimums.filter((m) => 'approved' in m.when).map((m) => m.term))),
  ];
}

/** "employment law" → "employment-law": the format categories are stored in. */
const toCategory = (tag: string) =>
  tag
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

function CreditPreview(props: { base: PreviewBaseResult; draft: DraftActivity; replacing?: string; approvedTerms: string[] }) {
  const { base, draft, replacing } = props;
  const credits = useMemo(() => (base.ok ? previewDraft(base.base, draft, replacing) : []), [base, draft, replacing]);
  // An activity that needs the body's approval counts nothing until then: say what it would count once approved.
  const needsApproval = credits.some((credit) => credit.line.reason === 'not-approved');
  const onceApproved = useMemo(
    () => (base.ok && needsApproval ? previewDraft(base.base, draft, replacing, { approved: true }) : []),
    [base, draft, replacing, needsApproval],
  );
  let body;
  if (!base.ok) {
    body = <Text size="sm">The preview is not available: {base.reason}. The activity is still checked when you save it.</Text>;
  } else if (credits.length === 0) {
    body = <Text size="sm">Choose a type, the date and the hours to see how this activity will count.</Text>;
  } else {
    body = (
      <Stack gap="sm">
        {credits.map((credit) => {
          const { line, unit } = credit;
          const toward = line.countsToward.map(words);
          const approvedLine = onceApproved.find((c) => c.program === credit.program)?.line;
          return (
            <div key={credit.program}>
              <Text size="sm" fw={600}>
                {credit.designation}: counts {amount(line.credits, unit)}
                {line.credits < line.claimed ? ` of the ${formatNumber(line.claimed)} claimed` : ''}
                {toward.length > 0 ? `, also toward the ${toward.join(', ')} minimum` : ''}
              </Text>
              {line.explanation && <Text size="sm">Why: {line.explanation}.</Text>}
              {approvedLine && line.reason === 'not-approved' && (
                <Text size="sm">Once approved, it would count {amount(approvedLine.credits, unit)}.</Text>
              )}
              <Text size="sm">
                {credit.missingAfter.length === 0
                  ? `With it, every requirement of the cycle is met (${formatNumber(credit.earnedAfter)} of ${amount(credit.requiredTotal, unit)}).`
                  : `With it, still needed: ${credit.missingAfter.join(', ')}.`}
              </Text>
            </div>
          );
        })}
        {props.approvedTerms.length > 0 && (
          <Text size="xs" c="dimmed">
            Credit counts toward the {props.approvedTerms.join(' or ')} minimum only once the body has approved the activity.
          </Text>
        )}
      </Stack>
    );
  }
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)" aria-live="polite">
      <Title order={3} size="h6" mb={4}>
        How this activity will count
      </Title>
      {body}
    </Paper>
  );
}

/** The Add / Edit CE activity form, with the live credit preview. */
export function ActivityForm(props: {
  activity: ActivityView | null;
  policies: readonly Policy[];
  previewBase: PreviewBaseResult;
  onSubmit: (body: ActivityInputBody) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { activity, policies, onSubmit, onCancel } = props;
  const [values, setValues] = useState<FormValues>(() => valuesOf(activity));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const types = useMemo(() => typeOptions(policies, activity?.type), [policies, activity]);
  const hints = useMemo(() => categoryHints(policies), [policies]);
  const terms = useMemo(() => approvedTerms(policies), [policies]);
  // The preview follows the typing after a short pause: fewer updates for screen readers to announce.
  const [deferred] = useDebouncedValue(values, 300);
  const draft = useMemo<DraftActivity>(
    () => ({
      type: deferred.type,
      startDate: deferred.startDate,
      endDate: deferred.endDate || null,
      hours: typeof deferred.hours === 'number' ? deferred.hours : Number.NaN,
      categories: deferred.categories,
      title: deferred.title,
    }),
    [deferred],
  );

  function set<K extends FieldName>(field: K, value: FormValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const checked = validate(values);
    if (checked.errors) {
      setErrors(checked.errors);
      const first = Object.keys(checked.errors)[0];
      if (first) document.getElementById(`activity-${first}`)?.focus();
      return;
    }
    setSaving(true);
    try {
      await onSubmit(checked.body);
    } catch (error) {
      setProblem(error);
      if (isApiError(error)) {
        const fromServer: FieldErrors = {};
        for (const issue of error.errors) {
          const field = fieldOf(issue.path);
          if (field && !fromServer[field]) fromServer[field] = issue.message;
        }
        setErrors(fromServer);
      }
    } finally {
      setSaving(false);
    }
  }

  const error = (field: FieldName) => (errors[field] ? capitalize(errors[field]) : undefined);
  const hintText = [...hints].map(([key, description]) => `${words(key)}: ${description}`).join('; ');

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        {problem !== null && <ProblemAlert error={problem} title="The activity was not saved" />}
        {activity?.approved && (
          <Alert color="yellow" variant="light">
            Changing this activity withdraws its approval: it must be approved again.
          </Alert>
        )}
        <TextInput
          id="activity-title"
          data-autofocus
          label={LABELS.title}
          required
          value={values.title}
          onChange={(event) => set('title', event.currentTarget.value)}
          error={error('title')}
          maxLength={300}
        />
        <NativeSelect
          id="activity-type"
          label={LABELS.type}
          required
          value={values.type}
          onChange={(event) => set('type', event.currentTarget.value)}
          data={[{ value: '', label: 'Choose a type', disabled: true }, ...types]}
          error={error('type')}
        />
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
          <TextInput
            id="activity-startDate"
            label={LABELS.startDate}
            description="First day"
            type="date"
            required
            value={values.startDate}
            onChange={(event) => set('startDate', event.currentTarget.value)}
            error={error('startDate')}
          />
          <TextInput
            id="activity-endDate"
            label={LABELS.endDate}
            description="Several days only"
            type="date"
            value={values.endDate}
            min={values.startDate || undefined}
            onChange={(event) => set('endDate', event.currentTarget.value)}
            error={error('endDate')}
          />
          <HoursInput
            id="activity-hours"
            label={LABELS.hours}
            description="Up to two decimals"
            required
            value={values.hours}
            onChange={(value) => set('hours', value)}
            error={error('hours')}
          />
        </SimpleGrid>
        <TagsInput
          id="activity-categories"
          label={LABELS.categories}
          description={hintText ? `Topics it covers. ${hintText}.` : 'Topics it covers'}
          placeholder="Type a category and press Enter"
          data={[...hints.keys()]}
          value={values.categories}
          onChange={(tags) => set('categories', [...new Set(tags.map(toCategory).filter(Boolean))])}
          maxTags={10}
          error={error('categories')}
          clearable
        />
        <CreditPreview base={props.previewBase} draft={draft} replacing={activity?.id} approvedTerms={terms} />
        <TextInput
          id="activity-provider"
          label={LABELS.provider}
          description="Who offered it"
          value={values.provider}
          onChange={(event) => set('provider', event.currentTarget.value)}
          error={error('provider')}
          maxLength={300}
        />
        <Checkbox
          id="activity-virtual"
          label={LABELS.virtual}
          description="For a virtual activity, the location is the city and state you attended from."
          checked={values.virtual}
          onChange={(event) => set('virtual', event.currentTarget.checked)}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput
            id="activity-city"
            label={LABELS.city}
            autoComplete="address-level2"
            value={values.city}
            onChange={(event) => set('city', event.currentTarget.value)}
            error={error('city')}
            maxLength={120}
          />
          <TextInput
            id="activity-region"
            label={LABELS.region}
            autoComplete="address-level1"
            value={values.region}
            onChange={(event) => set('region', event.currentTarget.value)}
            error={error('region')}
            maxLength={120}
          />
        </SimpleGrid>
        <TextInput
          id="activity-approvalCode"
          label={LABELS.approvalCode}
          description="From the Confirmation of Completion of a pre-approved activity, if any"
          value={values.approvalCode}
          onChange={(event) => set('approvalCode', event.currentTarget.value)}
          error={error('approvalCode')}
          maxLength={64}
        />

        <ProblemList lines={problemLines(errors, LABELS)} />

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            {activity ? 'Save changes' : 'Add activity'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
