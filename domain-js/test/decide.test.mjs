// Tests of the JavaScript binding, run with `node --test domain-js/test/` after `bash domain-js/build.sh`.
//
// The package imports itself by name (package.json `exports`), so this also checks that the
// published entry points resolve.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import {
  decide,
  decideJson,
  whatIf,
  whatIfJson,
  validateLoginName,
  validateInsz,
  validateBsn,
  validateCodeCardAnswer,
} from '@inzage/domain';

const NOW = '2026-11-27T12:00:00Z';
const LONG_AGO = '2020-01-01T00:00:00Z';
const LAST_MONTH = '2026-11-01T00:00:00Z';

const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');

function record(facts, { jurisdiction = 'BE', birth_date = '1970-05-05' } = {}) {
  return { patient: { id: 'patient', birth_date }, hospital: { jurisdiction }, facts };
}

const person = (id) => ({ kind: 'person', id });
const practitioner = (id) => ({ kind: 'practitioner', id });
const ask = (principal, action = 'read') => ({ principal, action, resource: { kind: 'record' } });

/** The effect, the rules and the reason keys of a decision. */
const outcome = (d) => ({ effect: d.effect, rules: d.rules, keys: d.reasons.map((r) => r.key) });

describe('decide', () => {
  test('a patient reads their own record', () => {
    const d = decide(ask(person('patient')), record([]), NOW);
    assert.deepEqual(outcome(d), {
      effect: 'permit',
      rules: ['own-record'],
      keys: ['reason.own_record'],
    });
    // A plain object in the domain's JSON shape, without `args` when there are none.
    assert.deepEqual(d, { effect: 'permit', rules: ['own-record'], reasons: [{ key: 'reason.own_record' }] });
  });

  test('the GP is denied after the patient refused their access', () => {
    const facts = record([
      { kind: 'general_practitioner', practitioner: 'gp', period: { from: LONG_AGO } },
      { kind: 'gp_access_refused', period: { from: LAST_MONTH } },
    ]);
    const d = decide(ask(practitioner('gp')), facts, NOW);
    assert.deepEqual(outcome(d), {
      effect: 'deny',
      rules: ['gp-access-refused'],
      keys: ['reason.gp_access_refused'],
    });
    assert.deepEqual(d.reasons[0].args, [['practitioner', 'gp']]);
    // Before the refusal, the GP reads.
    assert.equal(decide(ask(practitioner('gp')), facts, '2026-10-31T23:59:59Z').effect, 'permit');
  });

  test('an exclusion beats a treating relationship', () => {
    const facts = record([
      { kind: 'therapeutic_relationship', practitioner: 'doc', period: { from: LONG_AGO } },
      { kind: 'exclusion', practitioner: 'doc', period: { from: LAST_MONTH, until: null } },
    ]);
    assert.deepEqual(outcome(decide(ask(practitioner('doc')), facts, NOW)), {
      effect: 'deny',
      rules: ['exclusion'],
      keys: ['reason.exclusion'],
    });
  });

  test('NL: a parent of a child of 12 to 15 needs the child\'s consent', () => {
    const authority = { kind: 'parental_authority', parent: 'mum', period: { from: LONG_AGO } };
    const consent = { kind: 'child_consent', parent: 'mum', period: { from: LAST_MONTH } };
    const nl = { jurisdiction: 'NL', birth_date: '2013-06-15' }; // 13 years old
    const without = record([authority], nl);
    const withConsent = record([authority, consent], nl);
    assert.deepEqual(outcome(decide(ask(person('mum')), without, NOW)), {
      effect: 'deny',
      rules: ['nl-child-consent-missing'],
      keys: ['reason.nl_child_consent_missing'],
    });
    assert.deepEqual(outcome(decide(ask(person('mum')), withConsent, NOW)), {
      effect: 'permit',
      rules: ['nl-parent-with-child-consent'],
      keys: ['reason.nl_parent_with_child_consent'],
    });
    // The consent lets the parent inspect and copy, not manage access.
    assert.equal(decide(ask(person('mum'), 'request_copy'), withConsent, NOW).effect, 'permit');
    assert.equal(decide(ask(person('mum'), 'manage_access'), withConsent, NOW).effect, 'deny');
    // From 16 (at local midnight in Amsterdam: 22:00 UTC in summer) the child decides alone.
    assert.deepEqual(decide(ask(person('mum')), withConsent, '2029-06-14T22:00:00Z').rules, [
      'nl-child-decides-alone',
    ]);
    assert.equal(decide(ask(person('mum')), withConsent, '2029-06-14T21:59:59Z').effect, 'permit');
  });

  test('a report that is not validated is hidden, even from the patient', () => {
    const request = {
      principal: person('patient'),
      action: 'read',
      resource: { kind: 'report', report: { status: 'not_validated', shielded: false, date: '2024-02-29' } },
    };
    assert.deepEqual(decide(request, record([]), NOW).rules, ['report-not-validated']);
  });
});

describe('whatIf', () => {
  const facts = record([
    { kind: 'therapeutic_relationship', practitioner: 'doc', period: { from: LONG_AGO } },
  ]);
  const change = {
    kind: 'add',
    fact: { kind: 'exclusion', practitioner: 'doc', period: { from: NOW } },
  };

  test('excluding the treating doctor takes away their reading', () => {
    const differences = whatIf(facts, change, NOW);
    assert.deepEqual(
      differences.map((d) => [d.principal, d.action, d.before.effect, d.after.effect]),
      [[practitioner('doc'), 'read', 'permit', 'deny']],
    );
    assert.deepEqual(differences[0].after.rules, ['exclusion']);
  });

  test('time passing to a 15th birthday ends a Belgian parent link and opens the portal to the child', () => {
    const child = record([{ kind: 'parent_link', parent: 'dad', period: { from: LONG_AGO } }], {
      birth_date: '2012-03-10',
    });
    const differences = whatIf(child, { kind: 'time_passes', at: '2027-03-09T23:00:00Z' }, NOW);
    assert.deepEqual(
      differences.map((d) => `${d.principal.id} ${d.action}: ${d.before.effect} -> ${d.after.effect}`),
      [
        'patient read: deny -> permit',
        'patient request_copy: deny -> permit',
        'patient manage_access: deny -> permit',
        'patient opt_out_of_data_reuse: deny -> permit',
        'patient manage_appointments: deny -> permit',
        'dad read: permit -> deny',
        'dad request_copy: permit -> deny',
        'dad manage_access: permit -> deny',
        'dad manage_appointments: permit -> deny',
      ],
    );
    assert.deepEqual(differences[0].before.rules, ['own-record-too-young']);
    assert.deepEqual(differences[5].after.rules, ['be-parent-link-ended']);
  });

  test('the JSON variant gives the same answer', () => {
    const json = whatIfJson(JSON.stringify(facts), JSON.stringify(change), NOW);
    assert.equal(json, JSON.stringify(whatIf(facts, change, NOW)));
  });
});

describe('validation', () => {
  /** Rows of a `value,valid,source` file (RFC 4180 quoting). */
  function rows(file) {
    const text = read(`../../../shared/data/identifiers/${file}`);
    const [header, ...lines] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    assert.equal(header, 'value,valid,source', file);
    return lines.map((line) => {
      const fields = [];
      let field = '';
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quoted && c === '"' && line[i + 1] === '"') {
          field += '"';
          i++;
        } else if (c === '"' && (quoted || field === '')) {
          quoted = !quoted;
        } else if (c === ',' && !quoted) {
          fields.push(field);
          field = '';
        } else {
          field += c;
        }
      }
      fields.push(field);
      const [value, valid, source] = fields;
      assert.ok(valid === 'true' || valid === 'false', `${file}: ${line}`);
      return { value, valid: valid === 'true', source };
    });
  }

  const digits = (s) => s.replace(/\D/g, '');

  for (const [file, kind] of [
    ['be_nn_testvectors.csv', 'national_register'],
    ['be_bis_testvectors.csv', 'bis'],
  ]) {
    test(`INSZ: ${file}`, () => {
      const all = rows(file);
      assert.ok(all.length >= 5, file);
      for (const row of all) {
        const r = validateInsz(row.value);
        // A row marked invalid in the national register file may still be a valid BIS number.
        assert.equal(r.ok && r.kind === kind, row.valid, `${row.value} (${row.source}): ${JSON.stringify(r)}`);
        if (r.ok) {
          assert.equal(r.value, digits(row.value));
          assert.equal(digits(r.formatted), r.value);
        } else {
          assert.match(r.error.key, /^insz\./);
        }
      }
    });
  }

  test('BSN: nl_bsn_testvectors.csv', () => {
    for (const row of rows('nl_bsn_testvectors.csv')) {
      const r = validateBsn(row.value);
      assert.equal(r.ok, row.valid, `${row.value} (${row.source}): ${JSON.stringify(r)}`);
      if (r.ok) {
        assert.equal(r.value, digits(row.value).padStart(9, '0'));
      } else {
        assert.match(r.error.key, /^bsn\./);
      }
    }
  });

  test('results have the promised shape and the domain\'s keys', () => {
    assert.deepEqual(validateInsz('85.07.30-033.28'), {
      ok: true,
      value: '85073003328',
      formatted: '85.07.30-033.28',
      kind: 'national_register',
      birth_date: '1985-07-30',
    });
    assert.deepEqual(validateInsz('85073003329'), { ok: false, error: { key: 'insz.invalid_checksum' } });
    assert.deepEqual(validateInsz(''), { ok: false, error: { key: 'insz.empty' } });
    assert.deepEqual(validateBsn('1112.22.333'), { ok: true, value: '111222333', formatted: '1112.22.333' });
    assert.deepEqual(validateBsn('12345678x'), { ok: false, error: { key: 'bsn.invalid_character' } });
    assert.deepEqual(validateLoginName('85.07.30-033.28'), {
      ok: true,
      value: '85073003328',
      form: 'national_number',
      key: 'insz:85073003328',
    });
    assert.deepEqual(validateLoginName('1000001'), {
      ok: true,
      value: '1000001',
      form: 'record_number',
      key: 'record:1000001',
    });
    assert.deepEqual(validateLoginName(' Margery.Gibson '), {
      ok: true,
      value: 'margery.gibson',
      form: 'username',
      key: 'user:margery.gibson',
    });
    assert.deepEqual(validateLoginName(''), { ok: false, error: { key: 'login.username.empty' } });
    assert.deepEqual(validateLoginName('85073003329'), { ok: false, error: { key: 'insz.invalid_checksum' } });
    assert.deepEqual(validateLoginName('9abc'), { ok: false, error: { key: 'username.must_start_with_letter' } });
    assert.deepEqual(validateCodeCardAnswer('1234 5678'), { ok: true, value: '12345678' });
    assert.deepEqual(validateCodeCardAnswer('1234567'), { ok: false, error: { key: 'code_card.answer.wrong_length' } });
    assert.deepEqual(validateCodeCardAnswer('1234 567x'), {
      ok: false,
      error: { key: 'code_card.answer.invalid_character' },
    });
  });
});

describe('malformed input throws an Error naming the field', () => {
  const facts = record([]);
  const cases = [
    [
      'an unknown principal kind',
      () => decide({ principal: { kind: 'doctor', id: 'x' }, action: 'read', resource: { kind: 'record' } }, facts, NOW),
      /^invalid request\.principal\.kind: unknown variant `doctor`, expected `person` or `practitioner`/,
    ],
    [
      'a missing field',
      () => decide({ principal: person('patient'), resource: { kind: 'record' } }, facts, NOW),
      /^invalid request: missing field `action`/,
    ],
    [
      'an unknown field',
      () => decide(ask(person('patient')), { ...facts, patient: { id: 'p', name: 'Margery' } }, NOW),
      /^invalid facts\.patient\.name: unknown field `name`/,
    ],
    [
      'a misspelt setting (unknown fields are rejected, as in the JSON API)',
      () => decide(ask(person('patient')), { ...facts, hospital: { jurisdiction: 'BE', cutoff: '2016-08-15' } }, NOW),
      /^invalid facts\.hospital\.cutoff: unknown field `cutoff`, expected one of `jurisdiction`/,
    ],
    [
      'a date in the wrong format',
      () => decide(ask(person('patient')), record([], { birth_date: '5 May 1970' }), NOW),
      /^invalid facts\.patient\.birth_date: /,
    ],
    [
      'a fact of an unknown kind',
      () => decide(ask(person('patient')), record([{ kind: 'friendship', person: 'x' }]), NOW),
      /^invalid facts\.facts\[0\]\.kind: unknown variant `friendship`/,
    ],
    [
      'a missing argument',
      () => decide(undefined, facts, NOW),
      /^invalid request: /,
    ],
    [
      'an instant that is not RFC 3339',
      () => decide(ask(person('patient')), facts, '2026-11-27'),
      /^invalid now: .*expected an RFC 3339 instant/,
    ],
    [
      'an instant that is not a string',
      () => decide(ask(person('patient')), facts, Date.parse(NOW)),
      /^invalid now: expected a string, got number/,
    ],
    [
      'a validator given no string',
      () => validateInsz(85073003328),
      /^invalid input: expected a string, got number/,
    ],
    [
      'JSON that is not a request',
      () => decideJson('{"principal":{"kind":"person","id":"p"},"action":"look","resource":{"kind":"record"}}', JSON.stringify(facts), NOW),
      /^invalid request\.action: unknown variant `look`/,
    ],
    [
      'text that is not JSON',
      () => decideJson('{', JSON.stringify(facts), NOW),
      /^invalid request: EOF while parsing/,
    ],
    [
      'a change of an unknown kind',
      () => whatIf(facts, { kind: 'undo' }, NOW),
      /^invalid change\.kind: unknown variant `undo`/,
    ],
  ];
  for (const [name, call, message] of cases) {
    test(name, () => {
      assert.throws(call, (e) => {
        assert.ok(e instanceof Error, `not an Error: ${e}`);
        assert.match(e.message, message);
        return true;
      });
      // The module keeps working after an error.
      assert.equal(decide(ask(person('patient')), facts, NOW).effect, 'permit');
    });
  }
});

describe('the same answers as the native domain (test/fixtures/native-decisions.json)', () => {
  const text = read('./fixtures/native-decisions.json');
  const fixture = JSON.parse(text);

  test('the fixture\'s lines are serde_json\'s bytes, which JSON.stringify reproduces', () => {
    // Every case sits on one line, as the native test wrote it; re-serializing it in JavaScript
    // gives the same bytes, so comparing JSON.stringify output below compares with serde_json's.
    const lines = text.split('\n').filter((l) => l.startsWith('{"'));
    assert.ok(lines.length > 100);
    for (const line of lines) {
      const json = line.endsWith(',') ? line.slice(0, -1) : line;
      assert.equal(JSON.stringify(JSON.parse(json)), json);
    }
  });

  test(`${fixture.decisions.length} decisions, through JSON text and through objects`, () => {
    assert.ok(fixture.decisions.length > 100);
    for (const c of fixture.decisions) {
      const facts = fixture.fact_sets[c.facts];
      const expected = JSON.stringify(c.decision);
      const where = `facts ${c.facts} at ${c.now}: ${JSON.stringify(c.request)}`;
      assert.equal(decideJson(JSON.stringify(c.request), JSON.stringify(facts), c.now), expected, where);
      assert.equal(JSON.stringify(decide(c.request, facts, c.now)), expected, where);
    }
  });

  test(`${fixture.what_if.length} what-if changes, through JSON text and through objects`, () => {
    assert.ok(fixture.what_if.length > 5);
    for (const c of fixture.what_if) {
      const facts = fixture.fact_sets[c.facts];
      const expected = JSON.stringify(c.differences);
      const where = `facts ${c.facts} at ${c.now}: ${JSON.stringify(c.change)}`;
      assert.equal(whatIfJson(JSON.stringify(facts), JSON.stringify(c.change), c.now), expected, where);
      assert.equal(JSON.stringify(whatIf(facts, c.change, c.now)), expected, where);
    }
  });
});

test('the package version is the workspace version', () => {
  const pkg = JSON.parse(read('../package.json'));
  const cargo = read('../../Cargo.toml');
  const workspace = cargo.slice(cargo.indexOf('[workspace.package]'));
  const version = workspace.match(/^version\s*=\s*"([^"]+)"/m)?.[1];
  assert.equal(pkg.version, version);
});
