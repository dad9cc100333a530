import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The names LibreOffice's command goes by on Debian, Fedora and macOS installs. */
const NAMES = ['soffice', 'libreoffice'];

/** Finds LibreOffice on `PATH` (from the given environment); undefined when it is not installed. */
export async function findLibreOffice(
  env: Readonly<Record<string, string | undefined>>,
): Promise<string | undefined> {
  const dirs = (env.PATH ?? '/usr/local/bin:/usr/bin:/bin').split(delimiter).filter(Boolean);
  for (const dir of dirs)
    for (const name of NAMES) {
      const file = join(dir, name);
      try {
        await access(file);
        return file;
      } catch {
        // Not in this directory: the next one may have it.
      }
    }
  return undefined;
}

/** LibreOffice failed to convert (crashed, timed out or wrote no PDF); the message says how. */
export class PdfConversionError extends Error {
  override readonly name = 'PdfConversionError';
}

/**
 * Converts a DOCX to PDF with LibreOffice headless, in a private temporary profile so parallel
 * runs (and the user's own LibreOffice, if open) never share one and block each other.
 */
export async function docxToPdf(soffice: string, docx: Uint8Array, timeoutMs = 180_000): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'delmal-pdf-'));
  try {
    const input = join(dir, 'rapport.docx');
    await writeFile(input, docx);
    await convert(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        input,
      ],
      timeoutMs,
    );
    return await readFile(join(dir, 'rapport.pdf')).catch((error: unknown) => {
      throw new PdfConversionError(`LibreOffice wrote no PDF (${String(error)})`);
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function convert(soffice: string, args: string[], timeoutMs: number): Promise<void> {
  try {
    await run(soffice, args, { timeout: timeoutMs });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new PdfConversionError(detail ?? 'LibreOffice failed');
  }
}
