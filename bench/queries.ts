/** Why a query is in the set: each group stresses a different part of the search. */
type QueryGroup = 'exact' | 'no-diacritics' | 'misspelt' | 'question' | 'rare' | 'common';

export interface BenchQuery {
  readonly text: string;
  readonly group: QueryGroup;
}

const q = (group: QueryGroup, ...texts: string[]): BenchQuery[] => texts.map((text) => ({ text, group }));

/**
 * What people type into `/delmal sök …`: subjects of the plan spelt right and wrong, typed without
 * å/ä/ö, asked as questions, and words that are rare or in almost every check-in note.
 */
export const QUERIES: readonly BenchQuery[] = [
  ...q(
    'exact',
    'försörjning',
    'äldre',
    'suicidprevention',
    'föräldraskapsstöd',
    'familjecentraler',
    'psykisk hälsa',
    'barnfattigdom',
    'nära vård',
  ),
  ...q(
    'no-diacritics',
    'forsorjning',
    'aldre',
    'sarbara barn',
    'ensamhet',
    'vald i nara relationer',
    'foraldraskap',
    'halsa',
    'valfardsteknik',
  ),
  ...q('misspelt', 'cheries', 'forsörjnig', 'suicidpreventon', 'famijecentraler', 'komptensförsörjning'),
  ...q(
    'question',
    'vilka aktiviteter arbetar med ensamhet bland äldre',
    'vad görs för barn som anhöriga',
    'vilka insatser finns för unga våldsutövare',
    'hur går arbetet med egen försörjning',
    'vem arbetar med digitalisering inom socialtjänsten',
    'finns det något om samsjuklighet och beroende',
  ),
  ...q('rare', 'obesitas', 'MittVaccin', 'Cosmic', 'BPSD', 'Yrkesresan', 'IBIC', 'DCD'),
  ...q('common', 'samverkan', 'kommunerna', 'utveckling', 'arbete', 'regionen', 'plan', 'möte', 'stöd'),
];
