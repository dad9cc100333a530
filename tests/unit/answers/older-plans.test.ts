import { describe, expect, it } from 'vitest';
import { ask, visibleText } from '../../support/catalog.js';

describe('goals of older plans in search', () => {
  it('are named as målbilder of the 2012–2015 programme, never as a current delmål', async () => {
    const text = visibleText(await ask('delmal sok äldre hälsosamma levnadsvanor'));
    expect(text).toContain(
      'Målbild 13 (Regionalt program för social välfärd 2012–2015): De äldre har kunskap',
    );
    expect(text).not.toMatch(/Delmål:? 13\b/);
  });

  it('give the current plan’s delmål their number and term', async () => {
    expect(visibleText(await ask('delmal sok forsorjning'))).toContain(
      'Delmål 7: Ökad möjlighet till egen försörjning',
    );
  });
});
