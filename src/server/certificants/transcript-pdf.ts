import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Transcript } from './build-transcript';

const PAGE = { width: 612, height: 792, margin: 48 };
const GREY = rgb(0.35, 0.35, 0.35);

// The standard fonts encode WinAnsi only; anything else would throw, so it is replaced.
export function printable(text: string): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
}

class Writer {
  page!: PDFPage;
  y = 0;
  constructor(
    private readonly doc: PDFDocument,
    readonly font: PDFFont,
    readonly bold: PDFFont,
    private readonly footer: string,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
    this.page.drawText(printable(this.footer), { x: PAGE.margin, y: 24, size: 7, font: this.font, color: GREY });
  }

  ensure(space: number): void {
    if (this.y - space < PAGE.margin) this.newPage();
  }

  text(
    value: string,
    options: { size?: number; bold?: boolean; x?: number; color?: ReturnType<typeof rgb>; maxWidth?: number } = {},
  ): void {
    const size = options.size ?? 9;
    const font = options.bold ? this.bold : this.font;
    let line = printable(value);
    const maxWidth = options.maxWidth ?? PAGE.width - 2 * PAGE.margin;
    if (font.widthOfTextAtSize(line, size) > maxWidth) {
      while (line.length > 1 && font.widthOfTextAtSize(`${line}...`, size) > maxWidth) line = line.slice(0, -1);
      line = `${line}...`;
    }
    this.page.drawText(line, { x: options.x ?? PAGE.margin, y: this.y, size, font, color: options.color });
  }

  row(cells: { text: string; x: number; width: number; bold?: boolean }[], size = 8): void {
    this.ensure(size + 4);
    for (const cell of cells) this.text(cell.text, { x: PAGE.margin + cell.x, size, bold: cell.bold, maxWidth: cell.width - 4 });
    this.y -= size + 4;
  }

  gap(points: number): void {
    this.y -= points;
  }
}

const COLUMNS = [
  { key: 'date', header: 'Date', x: 0, width: 56 },
  { key: 'title', header: 'Activity', x: 56, width: 190 },
  { key: 'type', header: 'Type', x: 246, width: 74 },
  { key: 'claimed', header: 'Claimed', x: 320, width: 40 },
  { key: 'counted', header: 'Counted', x: 360, width: 40 },
  { key: 'note', header: 'Note', x: 400, width: 116 },
] as const;

/** The transcript as a PDF a person hands to an auditor. */
export async function transcriptPdf(transcript: Transcript, generatedAt: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`CE transcript: ${transcript.person.legalName}`);
  doc.setCreator('Recert');
  const w = new Writer(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
    `${transcript.bodyName} · CE transcript of ${transcript.person.legalName} (${transcript.person.number}) · as of ${transcript.asOf} · generated ${generatedAt} by Recert`,
  );
  w.text(transcript.bodyName, { size: 10, color: GREY });
  w.gap(20);
  w.text('Continuing education transcript', { size: 16, bold: true });
  w.gap(18);
  w.text(`${transcript.person.legalName}  ·  certificant ${transcript.person.number}  ·  as of ${transcript.asOf}`, { size: 10 });
  w.gap(22);
  for (const certification of transcript.certifications) {
    w.ensure(90);
    w.text(
      `${certification.designation} (${certification.program}), cycle ${certification.cycle.start} to ${certification.cycle.end}`,
      { size: 11, bold: true },
    );
    w.gap(14);
    const unit = certification.unit.many;
    const figures = [
      `Required ${certification.required.total} ${unit}, earned ${certification.earned.total}`,
      ...Object.entries(certification.required.minimums).map(
        ([key, need]) => `${key}: required ${need}, earned ${certification.earned.minimums[key] ?? 0}`,
      ),
    ];
    w.text(figures.join('  ·  '), { size: 9 });
    w.gap(12);
    w.text(
      `Status ${certification.status}, due ${certification.deadlines.due}  ·  judged under policy version ${certification.policyVersion}`,
      {
        size: 9,
      },
    );
    w.gap(12);
    w.text(certification.compliant ? 'Requirements met.' : `Missing: ${certification.missing.join('; ')}`, {
      size: 9,
      bold: true,
    });
    w.gap(14);
    w.row(COLUMNS.map((c) => ({ text: c.header, x: c.x, width: c.width, bold: true })));
    const lines = transcript.lines.filter((line) => line.program === certification.program);
    for (const line of lines) {
      const values: Record<(typeof COLUMNS)[number]['key'], string> = {
        date: line.date,
        title: [line.title, line.provider].filter(Boolean).join(' - '),
        type: line.type,
        claimed: String(line.claimed),
        counted: String(line.counted),
        note: line.note,
      };
      w.row(COLUMNS.map((c) => ({ text: values[c.key], x: c.x, width: c.width })));
    }
    if (lines.length === 0) w.row([{ text: 'No activities recorded.', x: 0, width: 300 }]);
    w.gap(16);
  }
  return doc.save();
}
