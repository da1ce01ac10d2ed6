import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A one-page certificate of attendance, as a certificant would upload it. */
export async function certificatePdf(name: string, what: string): Promise<Buffer> {
  const document = await PDFDocument.create();
  const page = document.addPage([612, 396]);
  const font = await document.embedFont(StandardFonts.Helvetica);
  page.drawText('Certificate of attendance', { x: 72, y: 300, size: 22, font });
  page.drawText(name, { x: 72, y: 250, size: 16, font });
  page.drawText(what, { x: 72, y: 220, size: 12, font });
  return Buffer.from(await document.save());
}
