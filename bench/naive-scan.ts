import type { SearchDocument } from '../src/search/search-index.js';
import { fold, toQueryTerm } from '../src/search/text-processing.js';

interface ScannedDocument {
  readonly document: SearchDocument;
  /** Title and text, folded once up front: the scan measures scanning, not folding. */
  readonly folded: string;
}

export interface ScanHit {
  readonly document: SearchDocument;
  readonly matches: number;
}

/**
 * The baseline an index has to beat: every search reads every document and counts how many query
 * words it contains (folded substring match, so no stemming, prefix or fuzzy — only cheaper).
 */
export class NaiveScan {
  private readonly documents: readonly ScannedDocument[];

  constructor(documents: readonly SearchDocument[]) {
    this.documents = documents.map((document) => ({
      document,
      folded: fold(`${document.title}\n${document.text}`),
    }));
  }

  /** The `limit` documents containing the most query words, most first. */
  search(query: string, limit = 8): ScanHit[] {
    // The same words the index would drop (stop words, question filler) are dropped here too.
    const terms = query
      .split(/[\s\p{P}]+/u)
      .filter((word) => word !== '' && toQueryTerm(word) !== null)
      .map(fold);
    const top: ScanHit[] = [];
    for (const scanned of this.documents) {
      let matches = 0;
      for (const term of terms) if (scanned.folded.includes(term)) matches++;
      if (matches === 0) continue;
      if (top.length === limit && matches <= (top[limit - 1]?.matches ?? 0)) continue;
      insertSorted(top, { document: scanned.document, matches }, limit);
    }
    return top;
  }
}

function insertSorted(top: ScanHit[], hit: ScanHit, limit: number): void {
  let at = top.length;
  while (at > 0 && (top[at - 1]?.matches ?? 0) < hit.matches) at--;
  top.splice(at, 0, hit);
  if (top.length > limit) top.pop();
}
