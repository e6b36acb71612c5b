import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  canonicalJson,
  checkApplicant,
  checkSupplementItems,
  dayRange,
  dossierCode,
  foldedNamePattern,
  missingComponents,
  requestHash,
  requireComplete,
  ruleSetAt,
  vietnamDay,
  type ComponentRequirement,
} from './rules';

test('the dossier code uses the Vietnam day of receipt and a 4-digit daily sequence', () => {
  const lateEvening = new Date('2026-02-12T18:30:00Z'); // 01:30 on 13/02 in Vietnam
  assert.equal(vietnamDay(lateEvening), '2026-02-13');
  assert.equal(dossierCode('000.20.01.H40', vietnamDay(lateEvening), 7), '000.20.01.H40-260213-0007');
  assert.equal(dossierCode('000.00.11.H40', '2025-12-31', 12345), '000.00.11.H40-251231-12345');
});

test('the rule set is the one in force on the Vietnam day of receipt', () => {
  assert.equal(ruleSetAt(new Date('2025-06-30T16:59:59Z')), 'nd61_2018'); // 23:59:59 on 30/6
  assert.equal(ruleSetAt(new Date('2025-06-30T17:00:00Z')), 'nd118_2025'); // 00:00 on 1/7
});

const today = new Date('2026-02-13T02:00:00Z');

test('the applicant: ID checked per kind, phone normalised, name spaces collapsed', () => {
  assert.deepEqual(
    checkApplicant(
      {
        kind: 'person',
        fullName: '  Nguyễn   Thị Lan ',
        idNumber: '022195001234',
        phone: '+84 912 345 678',
        email: 'Lan@Example.VN',
      },
      today,
    ),
    {
      kind: 'person',
      fullName: 'Nguyễn Thị Lan',
      idNumber: '022195001234',
      phone: '0912345678',
      email: 'lan@example.vn',
      address: null,
    },
  );
  assert.throws(() => checkApplicant({ kind: 'person', fullName: 'A', idNumber: '0100109106' }, today), {
    code: 'VALIDATION_ERROR',
    field: 'applicant.idNumber',
  });
  assert.equal(
    checkApplicant({ kind: 'organisation', fullName: 'Công ty A', idNumber: '0100109106' }, today).idNumber,
    '0100109106',
  );
  assert.throws(
    () => checkApplicant({ kind: 'person', fullName: 'A', idNumber: '022195001234', phone: '12345' }, today),
    {
      field: 'applicant.phone',
    },
  );
});

const form: ComponentRequirement = { componentId: 1, name: 'Tờ khai', required: true, originals: 1, copies: 0 };
const proof: ComponentRequirement = {
  componentId: 2,
  name: 'Giấy chứng sinh',
  required: true,
  originals: 1,
  copies: 0,
};
const ids: ComponentRequirement = {
  componentId: 3,
  name: 'Bản sao giấy tờ tùy thân',
  required: true,
  originals: 0,
  copies: 1,
};
const optional: ComponentRequirement = {
  componentId: 4,
  name: 'Văn bản ủy quyền',
  required: false,
  originals: 1,
  copies: 0,
};
const reqs = [form, proof, ids, optional];

test('missing components: absent or fewer originals/copies than asked, optional ones never', () => {
  const missing = missingComponents(reqs, [
    { componentId: 1, originals: 1, copies: 0 },
    { componentId: 2, originals: 0, copies: 1 },
  ]);
  assert.deepEqual(missing, [
    {
      componentId: 2,
      name: 'Giấy chứng sinh',
      required: { originals: 1, copies: 0 },
      received: { originals: 0, copies: 1 },
    },
    {
      componentId: 3,
      name: 'Bản sao giấy tờ tùy thân',
      required: { originals: 0, copies: 1 },
      received: { originals: 0, copies: 0 },
    },
  ]);
  assert.throws(
    () => requireComplete(reqs, []),
    (err: { code: string; messageVi: string; details: { missing: unknown[] } }) => {
      assert.equal(err.code, 'COMPONENTS_MISSING');
      assert.equal(
        err.messageVi,
        'Hồ sơ chưa đủ thành phần, còn thiếu: Tờ khai; Giấy chứng sinh; Bản sao giấy tờ tùy thân',
      );
      assert.equal(err.details.missing.length, 3);
      return true;
    },
  );
  const complete = [
    { componentId: 1, originals: 1, copies: 0 },
    { componentId: 2, originals: 1, copies: 0 },
    { componentId: 3, originals: 1, copies: 1 },
  ];
  assert.doesNotThrow(() => requireComplete(reqs, complete));
});

test('a supplement request must list every missing component; free-text items need a name', () => {
  const counts = [{ componentId: 1, originals: 1, copies: 0 }];
  assert.throws(() => checkSupplementItems(reqs, counts, [{ componentId: 2, reason: 'Chưa nộp' }]), {
    code: 'SUPPLEMENT_INCOMPLETE',
    messageVi: 'Yêu cầu bổ sung phải nêu đầy đủ một lần mọi thành phần còn thiếu: Bản sao giấy tờ tùy thân',
  });
  assert.deepEqual(
    checkSupplementItems(reqs, counts, [
      { componentId: 2, reason: 'Chưa nộp' },
      { componentId: 3, reason: 'Bản sao không rõ' },
      { componentId: 1, reason: 'Ghi sai ngày sinh' },
      { name: 'Giấy xác nhận cư trú', reason: 'Cần để xác định nơi đăng ký' },
    ]),
    [
      { componentId: 2, name: 'Giấy chứng sinh', reason: 'Chưa nộp' },
      { componentId: 3, name: 'Bản sao giấy tờ tùy thân', reason: 'Bản sao không rõ' },
      { componentId: 1, name: 'Tờ khai', reason: 'Ghi sai ngày sinh' },
      { componentId: null, name: 'Giấy xác nhận cư trú', reason: 'Cần để xác định nơi đăng ký' },
    ],
  );
  assert.throws(() => checkSupplementItems(reqs, counts, [{ componentId: 99, reason: 'x' }]), {
    field: 'items.0.componentId',
  });
  assert.throws(() => checkSupplementItems(reqs, counts, [{ reason: 'x' }]), { field: 'items.0.name' });
});

test('equal bodies hash equally whatever their key order; any change of value changes the hash', () => {
  assert.equal(canonicalJson({ b: [1, { d: 1, c: 2 }], a: 'x', u: undefined }), '{"a":"x","b":[1,{"c":2,"d":1}]}');
  fc.assert(
    fc.property(
      fc.dictionary(fc.string(), fc.jsonValue()).filter((o) => !Object.hasOwn(o, '__extra')),
      (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        assert.equal(requestHash(reversed), requestHash(obj));
        assert.notEqual(requestHash({ ...obj, __extra: 1 }), requestHash(obj));
      },
    ),
  );
});

test('day ranges are whole Vietnam days; a reversed range is refused', () => {
  assert.deepEqual(dayRange('2026-02-01', '2026-02-28'), {
    start: new Date('2026-01-31T17:00:00Z'),
    end: new Date('2026-02-28T17:00:00Z'),
  });
  assert.deepEqual(dayRange(undefined, undefined), { start: null, end: null });
  assert.throws(() => dayRange('2026-03-01', '2026-02-01'), { field: 'to' });
});

test('name search folds diacritics and treats LIKE wildcards literally', () => {
  assert.equal(foldedNamePattern('Đặng Thị'), '%dang thi%');
  assert.equal(foldedNamePattern('50%_a\\'), '%50\\%\\_a\\\\%');
});
