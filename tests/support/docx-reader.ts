import JSZip from 'jszip';

/** A paragraph of a DOCX body as a reader sees it: its style and its text. */
export interface DocxParagraph {
  readonly style: string | undefined;
  readonly text: string;
}

/** The parts of a .docx the accessibility tests read, unzipped. */
export interface DocxParts {
  readonly files: readonly string[];
  readonly read: (name: string) => Promise<string>;
  readonly paragraphs: readonly DocxParagraph[];
}

const decode = (xml: string) =>
  xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The body's paragraphs with their styles and text (runs joined, tabs and breaks as spaces). */
function paragraphsOf(documentXml: string): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  for (const match of documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const xml = match[0];
    const style = /<w:pStyle w:val="([^"]+)"/.exec(xml)?.[1];
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:(?:tab|br)\/>/g)]
      .map((m) => (m[1] === undefined ? ' ' : decode(m[1])))
      .join('');
    out.push({ style, text });
  }
  return out;
}

/** Unzips a .docx in memory. */
export async function readDocx(content: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(content);
  const read = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} is not in the document`);
    return file.async('string');
  };
  return { files: Object.keys(zip.files), read, paragraphs: paragraphsOf(await read('word/document.xml')) };
}
