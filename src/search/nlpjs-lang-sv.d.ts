// Minimal types for the parts of @nlpjs/lang-sv that delmal uses (the package ships none).
declare module '@nlpjs/lang-sv' {
  export class StemmerSv {
    stemWord(word: string): string;
  }
  export class StopwordsSv {
    isStopword(word: string): boolean;
    /**
     * The word → true map that nlp.js's `Stopwords` base class builds from the list. Not documented
     * API, hence `unknown`: src/search/text-processing.ts checks it before reading the words.
     */
    readonly dictionary: unknown;
  }
}
