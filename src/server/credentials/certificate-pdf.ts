import { PDFDocument, PDFName, PDFString, StandardFonts, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { printable } from '../certificants/transcript-pdf';
import type { CredentialView } from './present-credential';

const WIDTH = 792;
const HEIGHT = 612;
const INK = rgb(0.1, 0.16, 0.3);
const GREY = rgb(0.35, 0.35, 0.35);

/**
 * The printable certificate of one credential (ISO/IEC 17024 §9.4): the name
 * exactly as issued, the program and designation, the certificate number,
 * the dates, the body's name and mark, and the verification URL with its QR
 * code. The printed URL and the QR code are links (a URI annotation), and
 * the URL is the document's subject, so software finds it too.
 */
export async function certificatePdf(view: CredentialView): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(printable(`${view.designation} certificate: ${view.holderName}`));
  doc.setAuthor(printable(view.body));
  doc.setSubject(view.verificationUrl);
  doc.setKeywords(['verifiable credential', view.id, view.verificationUrl]);
  doc.setCreationDate(new Date(view.issuedAt));
  doc.setModificationDate(new Date(view.issuedAt));
  const page = doc.addPage([WIDTH, HEIGHT]);
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  const bold = await doc.embedFont(StandardFonts.TimesRomanBold);
  const sans = await doc.embedFont(StandardFonts.Helvetica);
  page.drawRectangle({ x: 24, y: 24, width: WIDTH - 48, height: HEIGHT - 48, borderColor: INK, borderWidth: 3 });
  page.drawRectangle({ x: 32, y: 32, width: WIDTH - 64, height: HEIGHT - 64, borderColor: INK, borderWidth: 0.75 });
  const centred = (text: string, y: number, size: number, f = font, color = INK) => {
    const value = printable(text);
    page.drawText(value, { x: (WIDTH - f.widthOfTextAtSize(value, size)) / 2, y, size, font: f, color });
  };
  // The body's mark: its initials in a seal.
  const initials = view.body
    .split(/\s+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('')
    .slice(0, 5);
  page.drawCircle({ x: WIDTH / 2, y: HEIGHT - 92, size: 34, borderColor: INK, borderWidth: 2 });
  page.drawCircle({ x: WIDTH / 2, y: HEIGHT - 92, size: 29, borderColor: INK, borderWidth: 0.75 });
  centred(initials, HEIGHT - 99, 18, bold);
  centred(view.body, HEIGHT - 160, 18, bold);
  centred('certifies that', HEIGHT - 200, 14);
  centred(view.holderName, HEIGHT - 250, 34, bold);
  centred('holds the', HEIGHT - 285, 14);
  centred(`${view.name} (${view.designation})`, HEIGHT - 320, 22, bold);
  centred(`Certificate number ${view.certificateNumber}`, HEIGHT - 360, 12, sans, GREY);
  centred(
    `First awarded ${view.awarded}  ·  Valid from ${view.validFrom} through ${view.validUntil}`.replace('·', '-'),
    HEIGHT - 380,
    12,
    sans,
    GREY,
  );
  const qr = await doc.embedPng(await QRCode.toBuffer(view.verificationUrl, { type: 'png', margin: 1, width: 240 }));
  page.drawImage(qr, { x: WIDTH - 56 - 110, y: 56, width: 110, height: 110 });
  page.drawText('Verify this certificate:', { x: 56, y: 110, size: 10, font: sans, color: GREY });
  const url = printable(view.verificationUrl);
  page.drawText(url, { x: 56, y: 94, size: 10, font: sans, color: INK });
  const link = (x: number, y: number, width: number, height: number) =>
    doc.context.register(
      doc.context.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: [x, y, x + width, y + height],
        Border: [0, 0, 0],
        A: { Type: 'Action', S: 'URI', URI: PDFString.of(view.verificationUrl) },
      }),
    );
  page.node.set(
    PDFName.of('Annots'),
    doc.context.obj([link(56, 92, sans.widthOfTextAtSize(url, 10), 12), link(WIDTH - 56 - 110, 56, 110, 110)]),
  );
  page.drawText(printable(`Credential ${view.id} (Open Badges 3.0, signed by ${view.body})`), {
    x: 56,
    y: 78,
    size: 8,
    font: sans,
    color: GREY,
  });
  return doc.save();
}
