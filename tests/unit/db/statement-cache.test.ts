import SQLite from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { cachingStatements } from '../../../db/statement-cache.js';

let raw: SQLite.Database | undefined;
afterEach(() => raw?.close());

function open(size?: number) {
  raw = new SQLite(':memory:');
  raw.exec('create table t (id integer primary key, v text)');
  return cachingStatements(raw, size);
}

it('prepares a statement once per SQL text and runs it again with new parameters', () => {
  const db = open();
  const insert = db.prepare('insert into t (v) values (?)');
  insert.run('a');
  expect(db.prepare('insert into t (v) values (?)')).toBe(insert);
  db.prepare('insert into t (v) values (?)').run('b');
  expect(db.prepare('select v from t order by id').all()).toEqual([{ v: 'a' }, { v: 'b' }]);
});

it('never hands out a statement that is still being iterated', () => {
  const db = open();
  db.prepare('insert into t (v) values (?)').run('a');
  db.prepare('insert into t (v) values (?)').run('b');
  const first = db.prepare('select v from t order by id');
  const rows = first.iterate();
  rows.next();
  const second = db.prepare('select v from t order by id');
  expect(second).not.toBe(first);
  expect(second.all()).toEqual([{ v: 'a' }, { v: 'b' }]);
  rows.return?.();
});

it('keeps at most `size` statements, dropping the least recently used', () => {
  const db = open(2);
  const a = db.prepare('select 1');
  const b = db.prepare('select 2');
  expect(db.prepare('select 1')).toBe(a); // now the most recent
  db.prepare('select 3'); // drops "select 2"
  expect(db.prepare('select 1')).toBe(a);
  expect(db.prepare('select 2')).not.toBe(b);
});

it('still answers correctly after the schema changed under a kept statement', () => {
  const db = open();
  expect(db.prepare('select * from t').all()).toEqual([]);
  raw?.exec("alter table t add column w text default 'x'");
  db.prepare('insert into t (v) values (?)').run('a');
  expect(db.prepare('select * from t').all()).toEqual([{ id: 1, v: 'a', w: 'x' }]);
});
