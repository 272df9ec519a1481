//! Table tests of the login inputs and the access decisions, run natively and compiled to wasm32
//! in headless Chromium, so "the same decision in the browser and on the server" is tested.
//!
//! The decision corpus is compared byte for byte with `snapshots/decisions.json` on both
//! targets; regenerate it natively with `UPDATE_SNAPSHOTS=1 cargo test -p inzage-domain`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use inzage_domain::access::{
    decide, Action, Fact, Facts, HospitalPolicy, Patient, Period, PersonId, PractitionerId,
    Principal, ReportFacts, ReportStatus, Request, Resource,
};
use inzage_domain::{CodeCardAnswer, HasMessageKey, LoginName};
use time::macros::{date, datetime};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const SNAPSHOT: &str = include_str!("snapshots/decisions.json");

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn login_names_by_form() {
    let table: [(&str, Result<&str, &str>); 9] = [
        ("85.07.30-033.28", Ok("insz:85073003328")),
        ("85073003328", Ok("insz:85073003328")),
        ("85073003329", Err("insz.invalid_checksum")),
        ("1000001", Ok("record:1000001")),
        ("123", Err("record_number.wrong_length")),
        ("Margery", Ok("user:margery")),
        ("a b", Err("username.invalid_character")),
        ("9abc", Err("username.must_start_with_letter")),
        ("", Err("login.username.empty")),
    ];
    for (input, expected) in table {
        let got = LoginName::parse(input)
            .map(|n| n.key())
            .map_err(|e| e.message_key());
        assert_eq!(got.as_deref().map_err(|e| *e), expected, "{input:?}");
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn code_card_answers() {
    let table = [
        ("1234 5678", Ok("12345678")),
        ("1234-5678", Ok("12345678")),
        ("", Err("code_card.answer.empty")),
        ("1234567", Err("code_card.answer.wrong_length")),
        ("1234 567x", Err("code_card.answer.invalid_character")),
    ];
    for (input, expected) in table {
        let got = CodeCardAnswer::parse(input)
            .map(|c| c.expose_secret().to_owned())
            .map_err(|e| e.message_key());
        assert_eq!(got.as_deref().map_err(|e| *e), expected, "{input:?}");
    }
}

fn pe(id: &str) -> PersonId {
    PersonId(id.into())
}

fn pr(id: &str) -> PractitionerId {
    PractitionerId(id.into())
}

/// A corpus over every tier of the catalogue: several people asking every action on the record
/// under a few sets of facts in both jurisdictions, and reports of every kind.
fn corpus() -> Vec<(Request, Facts)> {
    let t0 = datetime!(2020-01-01 00:00 UTC);
    let t1 = datetime!(2026-11-01 00:00 UTC);
    let fact_sets: Vec<Vec<Fact>> = vec![
        vec![],
        vec![
            Fact::GeneralPractitioner {
                practitioner: pr("gp"),
                period: Period::since(t0),
            },
            Fact::ReferrerConsent {
                practitioner: pr("ref"),
                period: Period::between(t0, t1),
            },
            Fact::ParentLink {
                parent: pe("mum"),
                period: Period::since(t0),
            },
            Fact::ParentalAuthority {
                parent: pe("mum"),
                period: Period::since(t0),
            },
            Fact::ChildConsent {
                parent: pe("mum"),
                period: Period::since(t1),
            },
            Fact::TrustedPerson {
                person: pe("friend"),
                period: Period::since(t0),
            },
        ],
        vec![
            Fact::GeneralPractitioner {
                practitioner: pr("gp"),
                period: Period::since(t0),
            },
            Fact::GpAccessRefused {
                period: Period::since(t1),
            },
            Fact::Exclusion {
                practitioner: pr("ref"),
                period: Period::since(t1),
            },
            Fact::ReferrerConsent {
                practitioner: pr("ref"),
                period: Period::since(t0),
            },
            Fact::Relative {
                person: pe("friend"),
                degree: 2,
            },
            Fact::ExchangeConsent {
                period: Period::since(t0),
            },
            Fact::TherapeuticRelationship {
                practitioner: pr("gp"),
                period: Period::since(t0),
            },
        ],
    ];
    let principals = [
        Principal::Person { id: pe("p1") },
        Principal::Person { id: pe("mum") },
        Principal::Person { id: pe("friend") },
        Principal::Practitioner { id: pr("gp") },
        Principal::Practitioner { id: pr("ref") },
        Principal::Person { id: pe("p2") },
    ];
    let births = [date!(2012 - 02 - 29), date!(1948 - 11 - 08)];
    let mut out = Vec::new();
    for (h, hospital) in [HospitalPolicy::belgian(), HospitalPolicy::dutch()]
        .into_iter()
        .enumerate()
    {
        for (i, set) in fact_sets.iter().enumerate() {
            let facts = Facts {
                patient: Patient {
                    id: pe("p1"),
                    birth_date: Some(births[(h + i) % 2]),
                    died_at: (i == 2 && h == 0).then_some(t1),
                },
                hospital: HospitalPolicy {
                    report_cutoff: Some(date!(2016 - 08 - 15)),
                    ..hospital.clone()
                },
                facts: set.clone(),
            };
            for principal in &principals {
                for action in Action::ALL {
                    out.push((
                        Request {
                            principal: principal.clone(),
                            action,
                            resource: Resource::Record,
                        },
                        facts.clone(),
                    ));
                }
            }
            for status in [ReportStatus::Validated, ReportStatus::NotValidated] {
                for shielded in [false, true] {
                    for date in [
                        date!(2016 - 08 - 14),
                        date!(2016 - 08 - 15),
                        date!(2024 - 02 - 29),
                    ] {
                        out.push((
                            Request {
                                principal: Principal::Person { id: pe("p1") },
                                action: Action::Read,
                                resource: Resource::Report {
                                    report: ReportFacts {
                                        status,
                                        shielded,
                                        date,
                                        consultation_note: false,
                                        held: None,
                                    },
                                },
                            },
                            facts.clone(),
                        ));
                    }
                }
            }
        }
    }
    out
}

fn corpus_json() -> String {
    let now = datetime!(2026-11-27 12:00 UTC);
    // Facts are written once per set, by index, to keep the snapshot readable.
    let mut fact_sets: Vec<String> = Vec::new();
    let lines: Vec<String> = corpus()
        .iter()
        .map(|(r, f)| {
            let f_json = serde_json::to_string(f).unwrap();
            let index = match fact_sets.iter().position(|x| *x == f_json) {
                Some(i) => i,
                None => {
                    fact_sets.push(f_json);
                    fact_sets.len() - 1
                }
            };
            let d = decide(r, f, now);
            format!(
                "{{\"facts\":{index},\"request\":{},\"decision\":{}}}",
                serde_json::to_string(r).unwrap(),
                serde_json::to_string(&d).unwrap()
            )
        })
        .collect();
    let lines: Vec<String> = fact_sets
        .iter()
        .enumerate()
        .map(|(i, f)| format!("{{\"fact_set\":{i},\"facts\":{f}}}"))
        .chain(lines)
        .collect();
    format!("[\n{}\n]\n", lines.join(",\n"))
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn decisions_are_byte_identical_to_the_snapshot() {
    let json = corpus_json();
    #[cfg(not(target_arch = "wasm32"))]
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/snapshots/decisions.json"
        );
        std::fs::write(path, &json).unwrap();
        return;
    }
    assert_eq!(
        json, SNAPSHOT,
        "decisions changed: review, then regenerate the snapshot"
    );
}
