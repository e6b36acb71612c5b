import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkPersonalId, checkTaxCode, normalizePhone } from './identifiers';

const today = new Date('2026-02-13T02:00:00Z');

test('personal ID numbers: province of birth, century/sex digit and birth year are checked', () => {
  assert.deepEqual(checkPersonalId('022095001234', today), { ok: true }); // Quảng Ninh, male, 1995
  assert.deepEqual(checkPersonalId('001305012345', today), { ok: true }); // Hà Nội, female, 2005
  assert.deepEqual(checkPersonalId('096226000001', today), { ok: true }); // Cà Mau, male, born this year
  const refused = (id: string) => {
    const r = checkPersonalId(id, today);
    return r.ok ? 'ok' : r.en;
  };
  assert.equal(refused('02209500123'), 'The ID number must be 12 digits');
  assert.equal(refused('02209500123x'), 'The ID number must be 12 digits');
  assert.equal(refused('003095001234'), 'No province has the birth registration code "003"');
  assert.equal(refused('097095001234'), 'No province has the birth registration code "097"');
  assert.equal(refused('000095001234'), 'No province has the birth registration code "000"');
  assert.equal(refused('022227000001'), 'The birth year 2027 in the ID number is in the future');
  assert.equal(refused('022400000001'), 'The birth year 2100 in the ID number is in the future');
});

test('tax codes: known real codes pass, the check digit and the branch suffix are checked', () => {
  for (const code of ['0100107518', '0100109106', '0300588569', '0100109106-001', '0300588569-123']) {
    assert.deepEqual(checkTaxCode(code), { ok: true }, code);
  }
  const refused = (code: string) => {
    const r = checkTaxCode(code);
    return r.ok ? 'ok' : r.en;
  };
  assert.equal(refused('0100109107'), 'The tax code check digit is wrong');
  assert.equal(refused('0100109106-000'), 'The branch suffix cannot be 000');
  assert.equal(refused('010010910'), 'A tax code is 10 digits, or 10 digits, a dash and a 3-digit branch suffix');
  assert.equal(refused('0100109106-01'), 'A tax code is 10 digits, or 10 digits, a dash and a 3-digit branch suffix');
});

test('a tax code with any single digit changed no longer passes', () => {
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  const validCode = fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
    .filter((d) => weights.reduce((s, w, i) => s + w * d[i], 0) % 11 !== 0)
    .map((d) => d.join('') + String(10 - (weights.reduce((s, w, i) => s + w * d[i], 0) % 11)));
  fc.assert(
    fc.property(validCode, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (code, pos, delta) => {
      assert.deepEqual(checkTaxCode(code), { ok: true });
      const changed = code.slice(0, pos) + String((Number(code[pos]) + delta) % 10) + code.slice(pos + 1);
      assert.equal(checkTaxCode(changed).ok, false);
    }),
  );
});

test('phone numbers: mobile and landline formats, +84 and separators normalised', () => {
  assert.equal(normalizePhone('0912345678'), '0912345678');
  assert.equal(normalizePhone('+84 912 345 678'), '0912345678');
  assert.equal(normalizePhone('84912345678'), '0912345678');
  assert.equal(normalizePhone('0386.123.456'), '0386123456');
  assert.equal(normalizePhone('(0203) 3812-345'), '02033812345');
  assert.equal(normalizePhone('024 3823 4567'), '02438234567');
  for (const bad of ['0112345678', '091234567', '0612345678', '09123456789', '0412345678', 'abc', '+84 0912 345 678']) {
    assert.equal(normalizePhone(bad), null, bad);
  }
});
