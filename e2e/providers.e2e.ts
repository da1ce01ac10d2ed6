import { describe, expect, it } from 'vitest';
import { bodyInfo, todayIn } from '../src/web/bodies';
import { e2eNow } from './e2e-server';
import { expectFits, journeys, pdf, shot } from './journey';

const app = journeys();

describe('registering a CE provider', () => {
  it('someone registers from the sign-in page, is signed in and lands on the provider home', async () => {
    const { context, page } = await app.visitor('/sign-in', 390);
    await page.getByRole('link', { name: 'Become a CE provider' }).click();
    await page.waitForURL((url) => url.pathname === '/become-a-provider');
    await page.getByLabel('Credentialing body').selectOption({ label: 'Society for Ecological Restoration' });
    await page.getByLabel('Provider name').fill('Riverbank Ecology Collective');
    await page.getByLabel('Kind of provider').selectOption('non-profit');
    await page.getByLabel('Contact person').fill('Robin River');
    await page.getByLabel('Contact e-mail').fill('not an address');
    await page.getByLabel('Website').fill('https://riverbank.example');
    await page.getByLabel('Your name').fill('Robin River');
    // An address that already signs in: the server names the field.
    await page.getByLabel('Your e-mail (to sign in)').fill('admin@ser.demo');
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Register provider' }).click();
    await expect.poll(() => page.getByText('Must be an e-mail address').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('register-email');

    await page.getByLabel('Contact e-mail').fill('robin@riverbank.example');
    await page.getByRole('button', { name: 'Register provider' }).click();
    await expect
      .poll(() => page.getByText('Already has an account: sign in and register from it').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('register-account-email');
    await expectFits(page);
    await shot(page, '20-phone-register-provider-problems');

    await page.getByLabel('Your e-mail (to sign in)').fill('robin@riverbank.example');
    await page.getByRole('button', { name: 'Register provider' }).click();
    await page.waitForURL((url) => url.pathname === '/bodies/ser/provider', { timeout: 15_000 });
    await expect
      .poll(() => page.getByRole('heading', { name: 'Riverbank Ecology Collective' }).count(), { timeout: 15_000 })
      .toBe(1);
    expect(await page.getByText('In good standing').count()).toBe(1);
    expect(await page.getByText('No warnings, suspensions or terminations.').count()).toBe(1);
    await expectFits(page);
    await shot(page, '21-phone-provider-home');

    // The provider changes its details; only what changed is sent.
    await page.getByRole('button', { name: 'Change details' }).click();
    await page.getByLabel('City').fill('Madison');
    await page.getByLabel('State or region').fill('WI');
    await page.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => page.getByText('Details saved (2 fields changed).').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByText('Madison, WI').count()).toBe(1);
    await context.close();
  }, 90_000);
});

describe('the public CE calendar', () => {
  it('lists approved offerings with their approval code and the body’s mark, filtered, with the iCal feed', async () => {
    const { context, page } = await app.visitor('/sign-in');
    await page.getByRole('link', { name: 'CE calendar of Society for Ecological Restoration' }).click();
    await page.waitForURL((url) => url.pathname === '/calendar/ser');
    const listing = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Prairie seeding field workshop' }) });
    await expect.poll(() => listing.count(), { timeout: 15_000 }).toBe(1);
    expect(await listing.getByText('SER-DEMO-0001', { exact: true }).count()).toBe(1);
    expect(await listing.getByText('Pre-approved by Society for Ecological Restoration · SER-DEMO-0001').count()).toBe(1);
    await shot(page, '22-ce-calendar');

    await page.getByLabel('Type', { exact: true }).selectOption('webinar');
    await page.getByLabel('Virtual or in person').selectOption('virtual');
    await page.getByRole('button', { name: 'Show offerings' }).click();
    await page.waitForURL((url) => url.searchParams.get('type') === 'webinar');
    await expect.poll(() => listing.count(), { timeout: 15_000 }).toBe(0);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Hydrology for restoration practitioners (webinar)' }).count())
      .toBe(1);
    const feed = page.getByRole('link', { name: /^Subscribe \(iCal\)/ });
    const href = (await feed.getAttribute('href'))!;
    expect(href).toBe('/api/v1/bodies/ser/ce-calendar.ics?type=webinar&format=virtual');
    const ics = await (await fetch(`${app.url()}${href}`)).text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('Hydrology for restoration practitioners');
    expect(ics).not.toContain('Prairie seeding field workshop');

    // A date range that ends before the first day is refused on the field.
    await page.getByLabel('From', { exact: true }).fill('2030-05-02');
    await page.getByLabel('To', { exact: true }).fill('2030-05-01');
    await page.getByRole('button', { name: 'Show offerings' }).click();
    await expect.poll(() => page.getByText('Must not be before the first day').count()).toBeGreaterThan(0);

    await page.setViewportSize({ width: 390, height: 900 });
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => listing.count(), { timeout: 15_000 }).toBe(1);
    await expectFits(page);
    await shot(page, '23-phone-ce-calendar');
    await context.close();
  }, 90_000);
});

describe('monitoring a provider', () => {
  it('an admin terminates a provider after confirming; the provider appeals; the committee overturns it', async () => {
    const { context: admin, page: adminPage } = await app.signedIn('admin@ser.demo');
    await adminPage.getByRole('link', { name: 'CE providers' }).click();
    await adminPage.getByLabel('Standing').selectOption('warned');
    await adminPage.getByRole('link', { name: 'Prairie Partners' }).click();
    await expect.poll(() => adminPage.getByRole('heading', { name: 'Prairie Partners' }).count(), { timeout: 15_000 }).toBe(1);
    await adminPage.getByLabel('Kind of notice').selectOption('termination');
    await adminPage.getByRole('button', { name: 'Terminate provider' }).click();
    await expect.poll(() => adminPage.getByText('Give the reason: the provider reads it').count()).toBeGreaterThan(0);
    await adminPage.getByRole('textbox', { name: 'Reason' }).fill('Confirmations late again after the warning.');
    await adminPage.getByRole('button', { name: 'Terminate provider' }).click();
    const confirm = adminPage.getByRole('dialog', { name: 'Terminate Prairie Partners?' });
    await expect.poll(() => confirm.getByText(/offerings will be withdrawn/).count(), { timeout: 15_000 }).toBe(1);
    expect(await confirm.getByText(/may appeal within 30 days/).count()).toBe(1);
    await shot(adminPage, '24-terminate-confirm');
    await confirm.getByRole('button', { name: 'Terminate provider' }).click();
    await expect
      .poll(
        () =>
          adminPage
            .getByRole('status')
            .getByText(/Termination recorded/)
            .count(),
        { timeout: 15_000 },
      )
      .toBe(1);
    expect(await adminPage.getByText('Terminated', { exact: true }).count()).toBeGreaterThan(0);

    const { context: provider, page: providerPage } = await app.signedIn('prairie@ser.demo', 390);
    await providerPage.waitForURL((url) => url.pathname === '/bodies/ser/provider', { timeout: 15_000 });
    await providerPage.getByRole('button', { name: /^Appeal the termination of/ }).click();
    const appeal = providerPage.getByRole('dialog', { name: 'Appeal the termination' });
    await appeal.getByLabel('Grounds for the appeal').fill('Too late');
    await appeal.getByRole('button', { name: 'File appeal' }).click();
    await expect.poll(() => appeal.getByText('Say why, in at least 10 characters').count()).toBeGreaterThan(0);
    await appeal
      .getByLabel('Grounds for the appeal')
      .fill('The confirmations were sent within 30 days; the mail server logs attached to our e-mail show it.');
    await appeal.getByRole('button', { name: 'File appeal' }).click();
    await expect.poll(() => providerPage.getByText('Open: the committee is deciding').count(), { timeout: 15_000 }).toBe(1);
    await expectFits(providerPage);
    await shot(providerPage, '25-phone-appeal-filed');

    await adminPage.getByRole('link', { name: 'Provider appeals' }).click();
    const card = adminPage
      .getByRole('listitem')
      .filter({ has: adminPage.getByRole('heading', { name: 'Appeal of Prairie Partners' }) });
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
    await card.getByLabel(/^SER Admin/).check();
    await card.getByLabel(/^SER Reviewer/).check();
    await card.getByRole('button', { name: 'Name the committee' }).click();
    await expect.poll(() => card.getByText(/odd number of members/).count()).toBeGreaterThan(0);
    await card.getByLabel(/^SER Reviewer/).uncheck();
    await card.getByRole('button', { name: 'Name the committee' }).click();
    await expect.poll(() => card.getByText('SER Admin (you): not voted yet').count(), { timeout: 15_000 }).toBe(1);
    await card.getByLabel(/^Overturn the termination/).check();
    await card.getByLabel('Comment').fill('The logs show the confirmations went out on time.');
    await card.getByRole('button', { name: 'Record vote' }).click();
    await expect
      .poll(
        () =>
          adminPage
            .getByRole('status')
            .getByText(/the termination was overturned/)
            .count(),
        { timeout: 15_000 },
      )
      .toBe(1);
    await shot(adminPage, '26-appeal-decided');

    await providerPage.reload();
    await expect
      .poll(() => providerPage.getByText('Decided: the termination was overturned').count(), { timeout: 15_000 })
      .toBe(1);
    expect(await providerPage.getByText('In good standing').count()).toBe(1);
    await provider.close();
    await admin.close();
  }, 120_000);
});

describe('the pre-approval program', () => {
  it('a provider applies, the coordinator and committee approve, the offering is listed, the roster is reported and the certificant has the credit', async () => {
    const today = todayIn(bodyInfo('ser').timeZone, e2eNow());
    const title = 'Wetland plant identification field course';

    // The provider drafts, attaches a resume, and submits; the server names what is missing on its field.
    const { context: provider, page: providerPage } = await app.signedIn('wetlands@ser.demo');
    await providerPage.getByRole('link', { name: 'Applications' }).click();
    await providerPage.getByRole('button', { name: 'New application' }).click();
    await providerPage.waitForURL((url) => /\/provider\/applications\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: 15_000 });
    await providerPage.getByLabel('Title of the offering').fill(title);
    await providerPage.getByLabel('Kind of offering').selectOption('course');
    await providerPage.getByLabel('Description').fill('Identifying wetland plants in the field, for restoration practitioners.');
    await providerPage.getByLabel('Sponsor').fill('Wetland Restoration Institute');
    await providerPage.getByRole('button', { name: 'Add an instructor' }).click();
    const instructor = providerPage.getByRole('group', { name: 'Instructor 1' });
    await instructor.getByLabel('Name').fill('Ana Ruiz');
    await instructor.getByLabel('Qualifications').fill('PhD in wetland ecology; 12 years teaching field botany');
    await instructor
      .getByLabel('Or attach a resume')
      .setInputFiles({ name: 'ana-ruiz-resume.pdf', mimeType: 'application/pdf', buffer: await pdf('Ana Ruiz: resume') });
    await expect
      .poll(() => instructor.getByLabel('Resume', { exact: true }).inputValue(), { timeout: 15_000 })
      .toMatch(/^[0-9a-f-]{36}$/);
    await providerPage.getByLabel('Syllabus').fill('Morning: sedges and rushes. Afternoon: field keys and herbarium practice.');
    await providerPage.getByRole('button', { name: 'Add an objective' }).click();
    await providerPage.getByRole('textbox', { name: 'Objective 1' }).fill('Identify 30 common wetland plants in the field');
    await providerPage.getByRole('button', { name: 'Add a date' }).click();
    await providerPage.getByRole('textbox', { name: 'Date 1' }).fill(today);
    await providerPage.getByRole('radio', { name: 'In person' }).check();
    await providerPage.getByLabel('City').fill('Madison');
    await providerPage.getByLabel('State or region').fill('WI');
    await providerPage.getByLabel('Proposed hours').fill('3');
    await providerPage.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => providerPage.getByText('Registration contact: is required').count(), { timeout: 15_000 }).toBe(1);
    expect(await providerPage.evaluate(() => document.activeElement?.id)).toBe('application-registrationContact');
    await shot(providerPage, '30-application-problems');
    await providerPage.getByLabel('Registration contact').fill('registrar@wetlands.example');
    await providerPage.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => providerPage.getByText('Submitted: under review').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => providerPage.getByText(/Decision due by .*: 42 days left/).count()).toBe(1);
    await shot(providerPage, '31-application-submitted');

    // The coordinator assigns the committee from the queue; both vote; the coordinator approves.
    const { context: admin, page: adminPage } = await app.signedIn('admin@ser.demo');
    await adminPage.getByRole('link', { name: 'Pre-approval queue' }).click();
    const item = adminPage.getByRole('listitem').filter({ has: adminPage.getByRole('heading', { name: title }) });
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1);
    expect(await item.getByText('42 days left').count()).toBe(1);
    await shot(adminPage, '32-pre-approval-queue');
    await item.getByRole('link', { name: title }).click();
    await adminPage.getByLabel(/^SER Admin/).check();
    await adminPage.getByLabel(/^SER Reviewer/).check();
    await adminPage.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect.poll(() => adminPage.getByText('SER Admin (you): not voted yet').count(), { timeout: 15_000 }).toBe(1);
    const vote = adminPage.getByRole('form', { name: 'Your vote' });
    await vote.getByRole('radio', { name: 'Approve', exact: true }).check();
    await vote.getByLabel('Comment').fill('Well-qualified instructor; objectives fit the CERP domains.');
    await vote.getByRole('button', { name: 'Record vote' }).click();
    await expect.poll(() => adminPage.getByText(/SER Admin \(you\): approve/).count(), { timeout: 15_000 }).toBe(1);

    const { context: reviewer, page: reviewerPage } = await app.signedIn('reviewer@ser.demo', 390);
    await reviewerPage.goto(adminPage.url());
    const reviewerVote = reviewerPage.getByRole('form', { name: 'Your vote' });
    await expect.poll(() => reviewerVote.count(), { timeout: 15_000 }).toBe(1);
    await reviewerVote.getByRole('radio', { name: 'Approve', exact: true }).check();
    await reviewerVote.getByRole('button', { name: 'Record vote' }).click();
    await expect.poll(() => reviewerPage.getByText('Write a comment: the coordinator reads it').count()).toBeGreaterThan(0);
    await reviewerVote.getByLabel('Comment').fill('Agree.');
    await reviewerVote.getByRole('button', { name: 'Record vote' }).click();
    await expect.poll(() => reviewerPage.getByText(/SER Reviewer \(you\): approve/).count(), { timeout: 15_000 }).toBe(1);
    await expectFits(reviewerPage);
    await shot(reviewerPage, '33-phone-committee-vote');
    await reviewer.close();

    await adminPage.reload();
    await expect.poll(() => adminPage.getByText(/SER Reviewer: approve/).count(), { timeout: 15_000 }).toBe(1);
    const decision = adminPage.getByRole('form', { name: 'Decision' });
    await decision.getByRole('radio', { name: 'Approve', exact: true }).check();
    await decision.getByLabel('Hours approved').fill('3');
    await decision.getByRole('button', { name: 'Record decision' }).click();
    const approved = adminPage.getByRole('status').getByText(/Approved: approval code (SER-\d{4}-\d+)/);
    await expect.poll(() => approved.count(), { timeout: 15_000 }).toBe(1);
    const code = /approval code (\S+?)\./.exec((await approved.textContent())!)![1]!;
    await shot(adminPage, '34-application-approved');

    // The offering is on the public calendar with its approval code.
    const { context: visitor, page: calendar } = await app.visitor(
      `/calendar/ser?q=${encodeURIComponent('plant identification')}`,
    );
    const listing = calendar.getByRole('listitem').filter({ has: calendar.getByRole('heading', { name: title }) });
    await expect.poll(() => listing.count(), { timeout: 15_000 }).toBe(1);
    expect(await listing.getByText(`Pre-approved by Society for Ecological Restoration · ${code}`).count()).toBe(1);
    await visitor.close();

    // The provider reports attendance: a refused roster names its rows; the corrected one is recorded whole.
    await providerPage.getByRole('link', { name: 'Offerings' }).click();
    await providerPage.getByRole('button', { name: `Attendance of ${title}` }).click();
    const roster = providerPage.getByLabel('Roster file (CSV)');
    const csv = (hours: number) =>
      `name,email,number,completed_on,hours,grade\nAlex Rivera,alex@ser.demo,,${today},${hours},pass\nPat Newcomer,pat.newcomer@example.org,,${today},3,\n`;
    await roster.setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(5)) });
    await providerPage.getByRole('button', { name: 'Upload roster' }).click();
    await expect
      .poll(() => providerPage.getByText('The roster was refused: nothing was recorded').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    const refusal = providerPage.getByRole('table', { name: /Problems by row/ });
    expect(await refusal.getByRole('row', { name: /^2 hours must be at most the 3 hours approved/ }).count()).toBe(1);
    await shot(providerPage, '35-roster-refused');
    await roster.setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(3)) });
    await providerPage.getByRole('button', { name: 'Upload roster' }).click();
    await expect
      .poll(() => providerPage.getByText(/^2 rows recorded: 2 added; 1 newly matched, 1 attendee not matched/).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    const attendees = providerPage.getByRole('table', { name: `Attendees of ${title}, by name` });
    await expect.poll(() => attendees.getByRole('row', { name: /Alex Rivera .* Matched/ }).count(), { timeout: 15_000 }).toBe(1);
    const confirmation = await (
      await fetch(
        `${app.url()}${await attendees.getByRole('link', { name: 'Confirmation of Alex Rivera (PDF)' }).getAttribute('href')}`,
        { headers: { cookie: (await provider.cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } },
      )
    ).arrayBuffer();
    expect(Buffer.from(confirmation).subarray(0, 5).toString()).toBe('%PDF-');
    await shot(providerPage, '36-roster-recorded');
    await providerPage.setViewportSize({ width: 390, height: 900 });
    // Once the page has laid itself out again at the new width.
    await expectFits(providerPage);
    await shot(providerPage, '36b-phone-offerings');

    // The API key is shown once.
    await providerPage.getByRole('button', { name: 'Create API key' }).click();
    await expect
      .poll(() => providerPage.getByText('Copy the key now: it is not shown again').count(), { timeout: 15_000 })
      .toBe(1);
    await provider.close();

    // The certificant finds the credit on their transcript, counted as approved.
    const { context: certificant, page: alex } = await app.signedIn('alex@ser.demo');
    await alex.getByRole('link', { name: 'My CE activities' }).click();
    const activity = alex.getByRole('row').filter({ hasText: title });
    await expect.poll(() => activity.count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => activity.textContent(), { timeout: 15_000 }).toMatch(/Approved/);
    expect(await activity.textContent()).toContain(code);
    await shot(alex, '37-certificant-approved-credit');
    await certificant.close();
    await admin.close();
  }, 180_000);
});
