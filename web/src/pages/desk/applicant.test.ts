import { test } from 'node:test';
import assert from 'node:assert/strict';
import { vi } from '../../i18n/vi';
import { ApiError } from '../../api/client';
import { errorField } from '../dossier/fieldErrors';
import { applicantErrors, emptyApplicant, fillBlanks, idNumberProblem, toApplicant } from './applicant';

test('a CCCD number has exactly 12 digits; a tax code 10, or 10 and a branch suffix', () => {
  assert.equal(idNumberProblem(vi, 'person', '022090001234'), null);
  assert.equal(
    idNumberProblem(vi, 'person', '02209000123'),
    'Số định danh cá nhân phải gồm đúng 12 chữ số (đã nhập 11 chữ số).',
  );
  assert.equal(idNumberProblem(vi, 'person', '0220900012a4'), 'Số định danh cá nhân chỉ gồm chữ số.');
  assert.equal(idNumberProblem(vi, 'person', ' '), 'Vui lòng nhập số định danh cá nhân hoặc mã số thuế của người nộp.');
  assert.equal(idNumberProblem(vi, 'organisation', '0100109106-001'), null);
  assert.notEqual(idNumberProblem(vi, 'organisation', '022090001234'), null);
});

test('the name and a well-formed ID are needed before the server is asked', () => {
  assert.deepEqual(Object.keys(applicantErrors(vi, emptyApplicant)), ['applicant.idNumber', 'applicant.fullName']);
  assert.deepEqual(applicantErrors(vi, { ...emptyApplicant, idNumber: '022090001234', fullName: 'An' }), {});
});

test('a returning applicant fills only the empty fields, and blanks go to the API as null', () => {
  const form = { ...emptyApplicant, idNumber: '022090001234', phone: '0912345678' };
  const filled = fillBlanks(form, {
    kind: 'person',
    fullName: 'Nguyễn Thị Lan',
    idNumber: '022090001234',
    phone: '0987654321',
    email: null,
    address: 'Hạ Long',
  });
  assert.deepEqual(toApplicant({ ...filled, fullName: ' Nguyễn Thị Lan ' }), {
    kind: 'person',
    fullName: 'Nguyễn Thị Lan',
    idNumber: '022090001234',
    phone: '0912345678',
    email: null,
    address: 'Hạ Long',
  });
});

test('a server error lands on the field it names, or on its nearest parent', () => {
  const err = (field?: string) => new ApiError(400, 'VALIDATION_ERROR', 'bad', 'sai', field);
  const known = ['applicant.idNumber', 'components'];
  assert.equal(errorField(err('applicant.idNumber'), known), 'applicant.idNumber');
  assert.equal(errorField(err('components.1.componentId'), known), 'components');
  assert.equal(errorField(err('agency'), known), null);
  assert.equal(errorField(new Error('network'), known), null);
});
