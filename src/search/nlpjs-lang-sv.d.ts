// Minimal types for the parts of @nlpjs/lang-sv that delmal uses (the package ships none).
declare module '@nlpjs/lang-sv' {
  export class StemmerSv {
    stemWord(word: string): string;
  }
  export class StopwordsSv {
    isStopword(word: string): boolean;
  }
}
