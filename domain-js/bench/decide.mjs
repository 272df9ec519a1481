// Times decisions inside WebAssembly: the same record and requests as the native criterion
// benchmark (domain/benches/decide.rs). Usage: node decide.mjs PATH/TO/inzage_domain_js.js
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { benchDecide } = require(process.argv[2]);

const T0 = '2020-01-01T00:00:00Z';
const NOW = '2026-11-27T12:00:00Z';
const facts = {
  patient: { id: 'p1', birth_date: '1948-11-08' },
  hospital: { jurisdiction: 'BE', report_cutoff: '2016-08-15' },
  facts: [
    { kind: 'general_practitioner', practitioner: 'gp', period: { from: T0 } },
    { kind: 'therapeutic_relationship', practitioner: 'dr-a', period: { from: T0 } },
    { kind: 'therapeutic_relationship', practitioner: 'dr-b', period: { from: T0, until: '2021-01-01T00:00:00Z' } },
    { kind: 'referrer_consent', practitioner: 'ref', period: { from: T0 } },
    { kind: 'exclusion', practitioner: 'dr-x', period: { from: T0 } },
    { kind: 'exchange_consent', period: { from: T0 } },
    { kind: 'trusted_person', person: 'friend', period: { from: T0 } },
  ],
};

function isoDay(base, days) {
  const d = new Date(Date.parse(base) + days * 86400000);
  return d.toISOString().slice(0, 10);
}

function report(day) {
  return {
    principal: { kind: 'person', id: 'p1' },
    action: 'read',
    resource: {
      kind: 'report',
      report: {
        status: day % 7 === 0 ? 'not_validated' : 'validated',
        shielded: day % 11 === 0,
        date: isoDay('2010-01-01T00:00:00Z', day * 5),
      },
    },
  };
}

const cases = {
  'patient-report-permit': [report(1000)],
  'patient-report-deny': [report(7)],
  'gp-permit': [{ principal: { kind: 'practitioner', id: 'gp' }, action: 'read', resource: { kind: 'record' } }],
  'excluded-deny': [{ principal: { kind: 'practitioner', id: 'dr-x' }, action: 'read', resource: { kind: 'record' } }],
};
const timeline = Array.from({ length: 1000 }, (_, d) => report(d));

function time(requests, rounds) {
  const json = JSON.stringify(requests);
  const f = JSON.stringify(facts);
  benchDecide(json, f, NOW, Math.max(1, rounds / 10)); // warm up
  const samples = [];
  for (let i = 0; i < 15; i++) {
    const start = performance.now();
    benchDecide(json, f, NOW, rounds);
    samples.push((performance.now() - start) / rounds);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]; // median, in ms per round
}

for (const [name, requests] of Object.entries(cases)) {
  const ms = time(requests, 200000);
  console.log(`wasm decide/${name}: median ${(ms * 1e6).toFixed(0)} ns`);
}
const ms = time(timeline, 200);
console.log(`wasm decide/filter-1000-report-timeline: median ${(ms * 1000).toFixed(0)} µs`);
