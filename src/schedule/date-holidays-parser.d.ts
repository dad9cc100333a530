// Minimal types for the parts of date-holidays-parser that delmal uses: the package's own
// `types/` are ambient and not reachable through its `exports` under `module: nodenext`.
declare module 'date-holidays-parser' {
  export interface Holiday {
    /** "YYYY-MM-DD hh:mm:ss [-hh:mm]", local to the country. */
    readonly date: string;
    readonly name: string;
    readonly type: string;
  }
  export default class Holidays {
    constructor(
      data: object,
      country: string,
      opts?: { readonly languages?: readonly string[]; readonly types?: readonly string[] },
    );
    getHolidays(year?: number, lang?: string): Holiday[];
  }
}
