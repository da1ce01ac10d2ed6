import { PDFDocument, PDFName, StandardFonts, rgb, type PDFArray, type PDFFont, type PDFPage, type PDFRef } from 'pdf-lib';

/** What every confirmation of one offering says. */
export interface OfferingFacts {
  bodyId: string;
  bodyName: string;
  providerName: string;
  title: string;
  type: string;
  approvalCode: string;
}

/** What one attendee's confirmation adds. */
export interface AttendeeFacts {
  name: string;
  completedOn: string;
  hundredths: number;
  verificationCode: string;
}

const PAGE = { width: 792, height: 612 };
const GREY = rgb(0.35, 0.35, 0.35);
const MARKER = '%recert-attendee';

// The standard fonts encode WinAnsi only: letters outside it lose their accents where they can, else become "?".
const WIN_ANSI = /^[\x20-\x7e\xa0-\xff]*$/;
function printable(text: string): string {
  if (WIN_ANSI.test(text)) return text;
  let out = '';
  for (const char of text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-')) {
    const plain = /[\x20-\x7e\xa0-\xff]/.test(char) ? char : char.normalize('NFKD')[0]!;
    out += /[\x20-\x7e\xa0-\xff]/.test(plain) ? plain : '?';
  }
  return out;
}

/** The text as printed in at most `maxWidth` points, and its width. */
function fit(font: PDFFont, text: string, size: number, maxWidth: number): { line: string; width: number } {
  let line = printable(text);
  let width = font.widthOfTextAtSize(line, size);
  if (width <= maxWidth) return { line, width };
  while (line.length > 1 && (width = font.widthOfTextAtSize(`${line}...`, size)) > maxWidth) line = line.slice(0, -1);
  return { line: `${line}...`, width };
}

const fitted = (font: PDFFont, text: string, size: number, maxWidth: number) => fit(font, text, size, maxWidth).line;

/** Writes the attendee's fields of one layout (see `fieldWriter`). */
type FieldWriter = (attendee: AttendeeFacts) => string;

// Printable text is WinAnsi, which agrees with Latin-1 on every character `printable` keeps.
const hexOf = (text: string) => `<${Buffer.from(text, 'latin1').toString('hex')}>`;

/**
 * The attendee's fields as one uncompressed content stream of a fixed length:
 * every text is padded to its field's width in characters and every position
 * printed with as many digits, so one attendee's stream can replace another's
 * in a saved document without moving any byte after it.
 */
function fieldWriter(offering: OfferingFacts, bold: PDFFont, fontKey: string, boldKey: string): FieldWriter {
  const field = (key: string, size: number, chars: number, text: string, x: number, y: number) =>
    `BT ${key} ${size} Tf 1 0 0 1 ${x.toFixed(2).padStart(7, '0')} ${y.toFixed(2)} Tm ${hexOf(text.slice(0, chars).padEnd(chars, ' '))} Tj ET`;
  return (attendee) => {
    const name = fit(bold, attendee.name, 24, PAGE.width - 100);
    return [
      MARKER,
      '0 0 0 rg',
      field(boldKey, 24, 70, name.line, (PAGE.width - name.width) / 2, 392),
      field(fontKey, 12, 10, attendee.completedOn, 340, 232),
      field(fontKey, 12, 12, `${attendee.hundredths / 100}`, 340, 212),
      field(fontKey, 12, 24, printable(attendee.verificationCode), 340, 172),
      field(
        fontKey,
        8,
        120,
        printable(`Anyone can check it: GET /api/v1/bodies/${offering.bodyId}/confirmations/${attendee.verificationCode}`),
        50,
        48,
      ),
    ].join('\n');
  };
}

interface Layout {
  doc: PDFDocument;
  page: PDFPage;
  write: FieldWriter;
}

/** The page every confirmation of the offering shares: the body, the offering, the provider and the approval code. */
async function layout(offering: OfferingFacts): Promise<Layout> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Confirmation of completion: ${printable(offering.title)}`);
  doc.setCreator('Recert');
  doc.setProducer('Recert');
  // Fixed dates: the same attendee always gets the same bytes.
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([PAGE.width, PAGE.height]);
  const centre = (value: string, y: number, size: number, face = font, color = rgb(0, 0, 0)) => {
    const line = fitted(face, value, size, PAGE.width - 100);
    page.drawText(line, { x: (PAGE.width - face.widthOfTextAtSize(line, size)) / 2, y, size, font: face, color });
  };
  centre(offering.bodyName, 540, 12, font, GREY);
  centre('Confirmation of Completion', 488, 28, bold);
  centre('This confirms that', 436, 12);
  centre('completed the pre-approved continuing education offering', 356, 12);
  centre(offering.title, 326, 16, bold);
  centre(`${offering.type.replace(/-/g, ' ')} by ${offering.providerName}`, 302, 12);
  const labels: [string, number][] = [
    ['Completed on', 232],
    ['Hours earned', 212],
    ['Approval code', 192],
    ['Verification code', 172],
  ];
  for (const [label, y] of labels) page.drawText(label, { x: 200, y, size: 12, font: bold });
  page.drawText(fitted(font, offering.approvalCode, 12, 300), { x: 340, y: 192, size: 12, font });
  page.drawText(
    fitted(
      font,
      `Pre-approved by ${offering.bodyName} under approval code ${offering.approvalCode}; issued through Recert.`,
      8,
      692,
    ),
    { x: 50, y: 60, size: 8, font, color: GREY },
  );
  const fontKey = page.node.newFontDictionary('Fa', font.ref).toString();
  const boldKey = page.node.newFontDictionary('Fb', bold.ref).toString();
  return { doc, page, write: fieldWriter(offering, bold, fontKey, boldKey) };
}

function addFields(doc: PDFDocument, page: PDFPage, fields: string): void {
  page.node.addContentStream(doc.context.register(doc.context.stream(fields)));
}

/**
 * Confirmations of one offering, made from one saved template: each attendee's
 * copy is the template with their fields written over the placeholder ones, a
 * few microseconds instead of milliseconds for a new document.
 */
export async function confirmationTemplate(offering: OfferingFacts): Promise<(attendee: AttendeeFacts) => Buffer> {
  const { doc, page, write } = await layout(offering);
  const placeholder: AttendeeFacts = { name: '', completedOn: '0000-00-00', hundredths: 0, verificationCode: '' };
  const fields = write(placeholder);
  addFields(doc, page, fields);
  const template = Buffer.from(await doc.save({ useObjectStreams: false }));
  const offset = template.indexOf(MARKER);
  return (attendee) => {
    const copy = Buffer.from(template);
    const written = write(attendee);
    if (written.length !== fields.length) throw new Error('confirmation fields changed length');
    copy.write(written, offset, 'latin1');
    return copy;
  };
}

/** One document with a page per attendee (the provider's copy of a whole roster); pages share the offering's content. */
export async function confirmationsDocument(offering: OfferingFacts, attendees: AttendeeFacts[]): Promise<Uint8Array> {
  const { doc, page: first, write } = await layout(offering);
  const contents = (first.node.Contents() as PDFArray).get(0) as PDFRef;
  const resources = doc.context.register(first.node.Resources()!);
  first.node.set(PDFName.of('Resources'), resources);
  attendees.forEach((attendee, index) => {
    const page = index === 0 ? first : doc.addPage([PAGE.width, PAGE.height]);
    if (index > 0) {
      page.node.set(PDFName.of('Contents'), doc.context.obj([contents]));
      page.node.set(PDFName.of('Resources'), resources);
    }
    addFields(doc, page, write(attendee));
  });
  return doc.save();
}
