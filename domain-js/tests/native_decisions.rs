//! The native side of the binding's promise: the same question gives the same answer, byte for
//! byte, in JavaScript (through wasm) and in Rust.
//!
//! `test/fixtures/native-decisions.json` holds a corpus of inputs with the decisions and what-if
//! differences `inzage-domain` computes for them natively, written by `serde_json`. This test
//! recomputes the file and compares it byte for byte (it writes nothing); the Node test
//! `test/decide.test.mjs` replays the same inputs through wasm and compares the JSON. After a
//! deliberate change of the rules, review the difference and regenerate the fixture with
//!
//! ```sh
//! UPDATE_FIXTURES=1 cargo test -p inzage-domain-js
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use inzage_domain::access::{
    decide, principals, what_if, Action, AuthorisationKind, Change, Decision, Difference, Fact,
    Facts, HospitalPolicy, Patient, Period, PersonId, PractitionerId, Principal, ReportFacts,
    ReportStatus, Request, Resource,
};
use inzage_domain::release::{Hold, HoldBy};
use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use time::macros::{date, datetime};
use time::{Date, OffsetDateTime};

const ABOUT: &str = "Generated natively by domain-js/tests/native_decisions.rs (UPDATE_FIXTURES=1 \
cargo test -p inzage-domain-js); replayed through wasm by domain-js/test/decide.test.mjs.";

const NOW: OffsetDateTime = datetime!(2026-11-27 12:00 UTC);
const LONG_AGO: OffsetDateTime = datetime!(2020-01-01 00:00 UTC);
const LAST_MONTH: OffsetDateTime = datetime!(2026-11-01 00:00 UTC);

fn fixture_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("test/fixtures/native-decisions.json")
}

/// The fixture file, as both sides read it.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Fixture {
    about: String,
    /// Each set of facts once; the cases refer to them by index.
    fact_sets: Vec<Facts>,
    decisions: Vec<DecisionCase>,
    what_if: Vec<WhatIfCase>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DecisionCase {
    facts: usize,
    now: String,
    request: Request,
    decision: Decision,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WhatIfCase {
    facts: usize,
    now: String,
    change: Change,
    differences: Vec<Difference>,
}

fn pe(id: &str) -> PersonId {
    PersonId(id.into())
}

fn pr(id: &str) -> PractitionerId {
    PractitionerId(id.into())
}

fn since(t: OffsetDateTime) -> Period {
    Period::since(t)
}

fn patient(birth: Option<Date>, died: Option<OffsetDateTime>) -> Patient {
    Patient {
        id: pe("patient"),
        birth_date: birth,
        died_at: died,
    }
}

fn record(patient: Patient, hospital: HospitalPolicy, facts: Vec<Fact>) -> Facts {
    Facts {
        patient,
        hospital,
        facts,
    }
}

/// Sets of facts over every tier of the catalogue, in both jurisdictions.
fn fact_sets() -> Vec<Facts> {
    let adult = || patient(Some(date!(1970 - 05 - 05)), None);
    let belgian = HospitalPolicy {
        report_cutoff: Some(date!(2016 - 08 - 15)),
        ..HospitalPolicy::belgian()
    };
    let dutch = HospitalPolicy {
        shows_children_reports: false,
        shows_consultation_notes: true,
        ..HospitalPolicy::dutch()
    };
    vec![
        // 0: an adult with no facts.
        record(adult(), belgian.clone(), vec![]),
        // 1: practitioners: GP refused, treating, excluded while treating, referrers, emergency,
        // exchange.
        record(
            adult(),
            belgian.clone(),
            vec![
                Fact::GeneralPractitioner {
                    practitioner: pr("gp"),
                    period: since(LONG_AGO),
                },
                Fact::GpAccessRefused {
                    period: since(LAST_MONTH),
                },
                Fact::TherapeuticRelationship {
                    practitioner: pr("doc"),
                    period: since(LONG_AGO),
                },
                Fact::TherapeuticRelationship {
                    practitioner: pr("excluded"),
                    period: since(LONG_AGO),
                },
                Fact::Exclusion {
                    practitioner: pr("excluded"),
                    period: since(LAST_MONTH),
                },
                Fact::ReferrerConsent {
                    practitioner: pr("ref"),
                    period: Period::between(LONG_AGO, LAST_MONTH),
                },
                Fact::ReferrerConsent {
                    practitioner: pr("ref2"),
                    period: since(LONG_AGO),
                },
                Fact::EmergencyAccess {
                    practitioner: pr("er"),
                    reason: " unconscious at admission ".into(),
                    period: Period::between(LAST_MONTH, datetime!(2026-12-01 00:00 UTC)),
                },
                Fact::EmergencyAccess {
                    practitioner: pr("er2"),
                    reason: "  ".into(),
                    period: since(LAST_MONTH),
                },
                Fact::ExchangeConsent {
                    period: since(LONG_AGO),
                },
            ],
        ),
        // 2: a Belgian child of 14: parents linked (one link ended), proxies, a GP.
        record(
            patient(Some(date!(2012 - 03 - 10)), None),
            belgian.clone(),
            vec![
                Fact::GeneralPractitioner {
                    practitioner: pr("gp"),
                    period: since(LONG_AGO),
                },
                Fact::ParentLink {
                    parent: pe("mum"),
                    period: since(LONG_AGO),
                },
                Fact::ParentLink {
                    parent: pe("dad"),
                    period: Period::between(LONG_AGO, LAST_MONTH),
                },
                Fact::TrustedPerson {
                    person: pe("friend"),
                    period: since(LONG_AGO),
                },
                Fact::Representative {
                    person: pe("rep"),
                    period: since(LONG_AGO),
                },
                Fact::Incapacity {
                    period: since(LAST_MONTH),
                },
                Fact::Authorisation {
                    person: pe("curator"),
                    authorisation: AuthorisationKind::Curator,
                    period: since(LONG_AGO),
                },
            ],
        ),
        // 3: a Belgian child turning 15 on 1 March 2026 (decided either side of local midnight),
        // a representative while the patient can act, a revoked trusted person.
        record(
            patient(Some(date!(2011 - 03 - 01)), None),
            HospitalPolicy {
                shows_children_reports: false,
                ..belgian.clone()
            },
            vec![
                Fact::ParentLink {
                    parent: pe("mum"),
                    period: since(LONG_AGO),
                },
                Fact::Representative {
                    person: pe("rep"),
                    period: since(LONG_AGO),
                },
                Fact::TrustedPerson {
                    person: pe("friend"),
                    period: Period::between(LONG_AGO, datetime!(2025-06-01 00:00 UTC)),
                },
            ],
        ),
        // 4: a Dutch child of 13: authority with and without the child's consent, a parent
        // without authority, a curator and a revoked mentor.
        record(
            patient(Some(date!(2013 - 06 - 15)), None),
            dutch.clone(),
            vec![
                Fact::ParentalAuthority {
                    parent: pe("mum"),
                    period: since(LONG_AGO),
                },
                Fact::ChildConsent {
                    parent: pe("mum"),
                    period: since(LAST_MONTH),
                },
                Fact::ParentalAuthority {
                    parent: pe("dad"),
                    period: since(LONG_AGO),
                },
                Fact::ParentWithoutAuthority { parent: pe("bio") },
                Fact::Authorisation {
                    person: pe("curator"),
                    authorisation: AuthorisationKind::Curator,
                    period: since(LONG_AGO),
                },
                Fact::Authorisation {
                    person: pe("mentor"),
                    authorisation: AuthorisationKind::Mentor,
                    period: Period::between(LONG_AGO, LAST_MONTH),
                },
            ],
        ),
        // 5: a Dutch child of 10, and one of 16, with a parent with authority.
        record(
            patient(Some(date!(2016 - 01 - 20)), None),
            dutch.clone(),
            vec![Fact::ParentalAuthority {
                parent: pe("mum"),
                period: since(LONG_AGO),
            }],
        ),
        record(
            patient(Some(date!(2010 - 01 - 20)), None),
            dutch.clone(),
            vec![Fact::ParentalAuthority {
                parent: pe("mum"),
                period: since(LONG_AGO),
            }],
        ),
        // 7: a Belgian patient who died last month: relatives of degree 1 and 3, a trusted person.
        record(
            patient(Some(date!(1940 - 02 - 29)), Some(LAST_MONTH)),
            belgian.clone(),
            vec![
                Fact::Relative {
                    person: pe("daughter"),
                    degree: 1,
                },
                Fact::Relative {
                    person: pe("cousin"),
                    degree: 3,
                },
                Fact::TrustedPerson {
                    person: pe("friend"),
                    period: since(LONG_AGO),
                },
                Fact::TherapeuticRelationship {
                    practitioner: pr("doc"),
                    period: since(LONG_AGO),
                },
            ],
        ),
        // 8: the same, but the patient objected to relatives' access after death.
        record(
            patient(Some(date!(1940 - 02 - 29)), Some(LAST_MONTH)),
            belgian.clone(),
            vec![
                Fact::Relative {
                    person: pe("daughter"),
                    degree: 1,
                },
                Fact::ObjectionAfterDeath,
            ],
        ),
        // 9: a Dutch patient who died last month, with a relative.
        record(
            patient(Some(date!(1950 - 07 - 01)), Some(LAST_MONTH)),
            dutch.clone(),
            vec![Fact::Relative {
                person: pe("son"),
                degree: 1,
            }],
        ),
        // 10: no birth date: a parent link cannot be checked against the age limit.
        record(
            patient(None, None),
            belgian,
            vec![Fact::ParentLink {
                parent: pe("mum"),
                period: since(LONG_AGO),
            }],
        ),
    ]
}

/// The instants each set is decided at: now, and for set 3 either side of the 15th birthday.
fn instants(set: usize) -> Vec<OffsetDateTime> {
    if set == 3 {
        vec![
            datetime!(2026-02-28 22:59:59 UTC),
            datetime!(2026-02-28 23:00 UTC),
            NOW,
        ]
    } else {
        vec![NOW]
    }
}

fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap()
}

fn decision_cases(sets: &[Facts]) -> Vec<DecisionCase> {
    let mut out = Vec::new();
    for (i, facts) in sets.iter().enumerate() {
        let mut people = principals(facts);
        people.push(Principal::Person { id: pe("stranger") });
        people.push(Principal::Practitioner { id: pr("stranger") });
        let mut requests: Vec<Request> = people
            .iter()
            .flat_map(|p| {
                Action::ALL.into_iter().map(|action| Request {
                    principal: p.clone(),
                    action,
                    resource: Resource::Record,
                })
            })
            .collect();
        // A consultation note: the Belgian hospital withholds it, the Dutch one shows it. The
        // last three are held: by the care team until a day between the instants decided at,
        // and by the patient's choice until then or until a consultation not yet planned.
        let until = Some(datetime!(2026-06-01 00:00 UTC));
        let held = |by, until| Some(Hold { by, until });
        for (status, shielded, date, consultation_note, held) in [
            (
                ReportStatus::Validated,
                false,
                date!(2020 - 01 - 01),
                false,
                None,
            ),
            (
                ReportStatus::Validated,
                false,
                date!(2016 - 08 - 14),
                false,
                None,
            ),
            (
                ReportStatus::Validated,
                true,
                date!(2024 - 02 - 29),
                false,
                None,
            ),
            (
                ReportStatus::NotValidated,
                false,
                date!(2024 - 02 - 29),
                false,
                None,
            ),
            (
                ReportStatus::Validated,
                false,
                date!(2025 - 06 - 01),
                true,
                None,
            ),
            (
                ReportStatus::Validated,
                false,
                date!(2025 - 06 - 01),
                false,
                held(HoldBy::CareTeam, until),
            ),
            (
                ReportStatus::Validated,
                false,
                date!(2025 - 06 - 01),
                false,
                held(HoldBy::Patient, until),
            ),
            (
                ReportStatus::Validated,
                false,
                date!(2025 - 06 - 01),
                false,
                held(HoldBy::Patient, None),
            ),
        ] {
            for reader in [pe("patient"), pe("mum")] {
                requests.push(Request {
                    principal: Principal::Person { id: reader },
                    action: Action::Read,
                    resource: Resource::Report {
                        report: ReportFacts {
                            status,
                            shielded,
                            date,
                            consultation_note,
                            held,
                        },
                    },
                });
            }
        }
        for now in instants(i) {
            for request in &requests {
                out.push(DecisionCase {
                    facts: i,
                    now: rfc3339(now),
                    request: request.clone(),
                    decision: decide(request, facts, now),
                });
            }
        }
    }
    out
}

fn what_if_cases(sets: &[Facts]) -> Vec<WhatIfCase> {
    let changes: Vec<(usize, OffsetDateTime, Change)> = vec![
        (
            0,
            NOW,
            Change::Add {
                fact: Fact::TrustedPerson {
                    person: pe("friend"),
                    period: since(NOW),
                },
            },
        ),
        (
            1,
            NOW,
            Change::Add {
                fact: Fact::Exclusion {
                    practitioner: pr("doc"),
                    period: since(NOW),
                },
            },
        ),
        (
            1,
            NOW,
            Change::End {
                fact: Fact::GpAccessRefused {
                    period: since(LAST_MONTH),
                },
                at: NOW,
            },
        ),
        (
            2,
            NOW,
            Change::TimePasses {
                at: datetime!(2027-03-09 23:00 UTC),
            },
        ),
        (
            2,
            NOW,
            Change::End {
                fact: Fact::Incapacity {
                    period: since(LAST_MONTH),
                },
                at: NOW,
            },
        ),
        (
            4,
            NOW,
            Change::Add {
                fact: Fact::ChildConsent {
                    parent: pe("dad"),
                    period: since(NOW),
                },
            },
        ),
        (
            4,
            NOW,
            Change::TimePasses {
                at: datetime!(2029-06-14 22:00 UTC),
            },
        ),
        (
            5,
            NOW,
            Change::TimePasses {
                at: datetime!(2028-01-19 23:00 UTC),
            },
        ),
        (
            7,
            NOW,
            Change::Add {
                fact: Fact::ObjectionAfterDeath,
            },
        ),
    ];
    changes
        .into_iter()
        .map(|(i, now, change)| WhatIfCase {
            facts: i,
            now: rfc3339(now),
            differences: what_if(&sets[i], &change, now),
            change,
        })
        .collect()
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap()
}

/// The fixture's text: one fact set or case per line, each as `serde_json` writes it.
fn render() -> String {
    let sets = fact_sets();
    let block = |name: &str, lines: Vec<String>| format!("\"{name}\": [\n{}\n]", lines.join(",\n"));
    let blocks = [
        format!("\"about\": {}", json(&ABOUT)),
        block("fact_sets", sets.iter().map(json).collect()),
        block(
            "decisions",
            decision_cases(&sets).iter().map(json).collect(),
        ),
        block("what_if", what_if_cases(&sets).iter().map(json).collect()),
    ];
    format!("{{\n{}\n}}\n", blocks.join(",\n"))
}

#[test]
fn the_fixture_holds_the_native_decisions() {
    let rendered = render();
    let path = fixture_path();
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &rendered).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "could not read {}: {e}; generate it with UPDATE_FIXTURES=1 cargo test -p inzage-domain-js",
            path.display()
        )
    });
    // Compare line by line first, for a readable failure.
    for (n, (got, want)) in rendered.lines().zip(committed.lines()).enumerate() {
        assert_eq!(
            got,
            want,
            "{}:{}: the native decision differs from the fixture; if the rules changed on \
             purpose, review and regenerate with UPDATE_FIXTURES=1 cargo test -p inzage-domain-js",
            path.display(),
            n + 1
        );
    }
    assert_eq!(rendered, committed, "{} differs", path.display());
}

#[test]
fn the_corpus_reaches_every_effect_and_every_rule() {
    let sets = fact_sets();
    let cases = decision_cases(&sets);
    let mut rules: Vec<_> = cases
        .iter()
        .flat_map(|c| c.decision.rules.iter().copied())
        .collect();
    rules.sort();
    rules.dedup();
    let missing: Vec<_> = inzage_domain::RuleId::ALL
        .iter()
        .filter(|r| !rules.contains(r))
        .map(|r| r.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "rules no case of the corpus reaches: {missing:?}"
    );
    for effect in ["permit", "deny", "indirect_only", "doctor_weighs"] {
        assert!(
            cases
                .iter()
                .any(|c| json(&c.decision.effect) == format!("\"{effect}\"")),
            "no case ends in {effect}"
        );
    }
    assert!(what_if_cases(&sets)
        .iter()
        .all(|c| !c.differences.is_empty()));
}

/// The binding's JSON entry points, compiled natively, read the fixture's inputs and give its
/// outputs: what the Node test checks through wasm.
#[test]
fn the_json_entry_points_reproduce_the_fixture() {
    let text = std::fs::read_to_string(fixture_path()).unwrap();
    let fixture: Fixture = serde_json::from_str(&text).unwrap();
    for case in &fixture.decisions {
        let got = inzage_domain_js::decide_json(
            &json(&case.request),
            &json(&fixture.fact_sets[case.facts]),
            &case.now,
        )
        .unwrap();
        assert_eq!(got, json(&case.decision), "{case:?}");
    }
    for case in &fixture.what_if {
        let got = inzage_domain_js::what_if_json(
            &json(&fixture.fact_sets[case.facts]),
            &json(&case.change),
            &case.now,
        )
        .unwrap();
        assert_eq!(got, json(&case.differences), "{case:?}");
    }
}
