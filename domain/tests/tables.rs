//! Table tests of the login inputs and the access decisions, run natively and compiled to wasm32
//! in headless Chromium, so "the same decision in the browser and on the server" is tested.
//!
//! The decision corpus is compared byte for byte with `snapshots/decisions.json` on both
//! targets; regenerate it natively with `UPDATE_SNAPSHOTS=1 cargo test -p inzage-domain`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use inzage_domain::access::{PatientId, ReportStatus};
use inzage_domain::{
    decide, Action, CodeCardAnswer, HasMessageKey, LoginName, Principal, ReportFacts, Request,
};
use time::macros::{date, datetime};
use time::Date;

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

/// Every combination of the report facts the first rules look at, asked by the owner and by
/// another patient.
fn corpus() -> Vec<Request> {
    let dates: [Date; 3] = [
        date!(2016 - 08 - 14),
        date!(2016 - 08 - 15),
        date!(2024 - 02 - 29),
    ];
    let cutoffs = [None, Some(date!(2016 - 08 - 15))];
    let mut out = Vec::new();
    for asker in ["p1", "p2"] {
        for status in [ReportStatus::Validated, ReportStatus::NotValidated] {
            for shielded in [false, true] {
                for date in dates {
                    for cutoff in cutoffs {
                        out.push(Request {
                            principal: Principal::Patient {
                                patient: PatientId(asker.into()),
                            },
                            action: Action::ReadReport,
                            report: ReportFacts {
                                patient: PatientId("p1".into()),
                                status,
                                shielded,
                                date,
                                hospital_cutoff: cutoff,
                            },
                        });
                    }
                }
            }
        }
    }
    out
}

fn corpus_json() -> String {
    let now = datetime!(2026-11-27 12:00 UTC);
    let lines: Vec<String> = corpus()
        .iter()
        .map(|r| {
            let d = decide(r, now);
            format!(
                "{{\"request\":{},\"decision\":{}}}",
                serde_json::to_string(r).unwrap(),
                serde_json::to_string(&d).unwrap()
            )
        })
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

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn only_own_validated_unshielded_reports_from_the_cutoff_on_are_permitted() {
    let now = datetime!(2026-11-27 12:00 UTC);
    for r in corpus() {
        let expected = matches!(&r.principal, Principal::Patient { patient } if patient.0 == "p1")
            && r.report.status == ReportStatus::Validated
            && !r.report.shielded
            && r.report.hospital_cutoff.is_none_or(|c| r.report.date >= c);
        assert_eq!(decide(&r, now).is_permitted(), expected, "{r:?}");
    }
}
