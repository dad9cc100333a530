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

/**
 * Converts a DOCX to PDF with LibreOffice headless, in a private temporary profile so parallel
 * runs (and the user's own LibreOffice, if open) never share one and block each other.
 */
export async function docxToPdf(soffice: string, docx: Uint8Array, timeoutMs = 180_000): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'delmal-pdf-'));
  try {
    const input = join(dir, 'rapport.docx');
    await writeFile(input, docx);
    await run(
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
      { timeout: timeoutMs },
    );
    return await readFile(join(dir, 'rapport.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
