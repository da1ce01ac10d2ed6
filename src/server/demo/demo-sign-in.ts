import type { FileStorage } from '../files/file-storage';
import type { Mailer } from '../mail/mailer';

/** What the demo's providers need to work as the product does: confirmations are stored, notices mailed. */
export interface DemoServices {
  files: FileStorage;
  mailer: Mailer;
}

export interface DemoSignIn {
  email: string;
  role: string;
  body: string;
  who: string;
}
