//! Keeps the hand-written TypeScript types (`src/types.d.ts`) in step with the domain's JSON:
//! every field name and every string literal of the types is compared with what `serde` writes
//! for an example of each shape. A new variant in the domain fails to compile here (the
//! exhaustive matches) or fails a test, until the types say the same.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

use inzage_domain::access::{
    decide, Action, AuthorisationKind, Change, Difference, Effect, Fact, Facts, HospitalPolicy,
    Patient, Period, PersonId, PractitionerId, Principal, ReportFacts, ReportStatus, Request,
    Resource, RuleId, Section,
};
use inzage_domain::calendar::TimeZone;
use inzage_domain::release::{Hold, HoldBy};
use inzage_domain::Message;
use inzage_domain_js::TYPESCRIPT;
use serde::Serialize;
use serde_json::Value;
use time::macros::{date, datetime};

/// The text of `export type NAME = ...` or `export interface NAME { ... }`, up to the next
/// blank line, top-level comment or declaration.
fn declaration(name: &str) -> &'static str {
    let start = [
        format!("export type {name} ="),
        format!("export interface {name} {{"),
    ]
    .iter()
    .find_map(|head| TYPESCRIPT.find(head.as_str()))
    .unwrap_or_else(|| panic!("types.d.ts declares no {name}"));
    let rest = &TYPESCRIPT[start..];
    let end = ["\n\n", "\n/**", "\nexport "]
        .iter()
        .filter_map(|stop| rest.find(stop))
        .min()
        .unwrap_or(rest.len());
    &rest[..end]
}

/// The string literals of a union of strings, such as `Action`.
fn literals(name: &str) -> BTreeSet<String> {
    declaration(name)
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The member names of `{ a: ...; b?: ... }` (comments and nested braces left out).
fn members(body: &str) -> BTreeSet<String> {
    let mut depth = 0;
    let mut top = String::new();
    for c in body.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ if depth == 0 => top.push(c),
            _ => {}
        }
    }
    top.split(';')
        .flat_map(|part| part.lines())
        .map(str::trim)
        .filter(|line| !line.starts_with("/**") && !line.starts_with('*'))
        .filter_map(|line| line.split_once(':'))
        .map(|(name, _)| name.trim().trim_end_matches('?').to_owned())
        .filter(|name| !name.is_empty())
        .collect()
}

/// The members of `export interface NAME { ... }`.
fn interface(name: &str) -> BTreeSet<String> {
    let decl = declaration(name);
    let open = decl.find('{').unwrap();
    let close = decl.rfind('}').unwrap();
    members(&decl[open + 1..close])
}

/// The members of each `| { kind: "..."; ... }` of a tagged union, by kind.
fn tagged_union(name: &str) -> Vec<(String, BTreeSet<String>)> {
    declaration(name)
        .split("{ kind: \"")
        .skip(1)
        .map(|variant| {
            let (kind, rest) = variant.split_once('"').unwrap();
            let body = &rest[..rest.rfind('}').unwrap()];
            let mut names = members(body);
            names.insert("kind".to_owned());
            (kind.to_owned(), names)
        })
        .collect()
}

fn json<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap()
}

fn keys(value: &Value) -> BTreeSet<String> {
    value.as_object().unwrap().keys().cloned().collect()
}

fn string<T: Serialize>(value: &T) -> String {
    json(value).as_str().unwrap().to_owned()
}

/// Checks a tagged union against one example of every variant.
fn check_tagged<T: Serialize>(name: &str, examples: &[T]) {
    let ts = tagged_union(name);
    let from_rust: Vec<(String, BTreeSet<String>)> = examples
        .iter()
        .map(|e| {
            let v = json(e);
            (v["kind"].as_str().unwrap().to_owned(), keys(&v))
        })
        .collect();
    assert_eq!(ts, from_rust, "the variants of {name} in types.d.ts");
}

fn period() -> Period {
    Period::since(datetime!(2020-01-01 00:00 UTC))
}

/// One fact of every kind; the match fails to compile when the domain adds a kind.
fn every_fact() -> Vec<Fact> {
    let person = || PersonId("p".into());
    let practitioner = || PractitionerId("d".into());
    let facts = vec![
        Fact::TherapeuticRelationship {
            practitioner: practitioner(),
            period: period(),
        },
        Fact::GeneralPractitioner {
            practitioner: practitioner(),
            period: period(),
        },
        Fact::GpAccessRefused { period: period() },
        Fact::ReferrerConsent {
            practitioner: practitioner(),
            period: period(),
        },
        Fact::Exclusion {
            practitioner: practitioner(),
            period: period(),
        },
        Fact::ExchangeConsent { period: period() },
        Fact::EmergencyAccess {
            practitioner: practitioner(),
            reason: "r".into(),
            period: period(),
        },
        Fact::ParentLink {
            parent: person(),
            period: period(),
        },
        Fact::ParentalAuthority {
            parent: person(),
            period: period(),
        },
        Fact::ParentWithoutAuthority { parent: person() },
        Fact::ChildConsent {
            parent: person(),
            period: period(),
        },
        Fact::TrustedPerson {
            person: person(),
            period: period(),
        },
        Fact::Representative {
            person: person(),
            period: period(),
        },
        Fact::Incapacity { period: period() },
        Fact::Authorisation {
            person: person(),
            authorisation: AuthorisationKind::Written,
            period: period(),
        },
        Fact::Relative {
            person: person(),
            degree: 1,
        },
        Fact::ObjectionAfterDeath,
        Fact::DataReuseOptOut { period: period() },
    ];
    for fact in &facts {
        match fact {
            Fact::TherapeuticRelationship { .. }
            | Fact::GeneralPractitioner { .. }
            | Fact::GpAccessRefused { .. }
            | Fact::ReferrerConsent { .. }
            | Fact::Exclusion { .. }
            | Fact::ExchangeConsent { .. }
            | Fact::EmergencyAccess { .. }
            | Fact::ParentLink { .. }
            | Fact::ParentalAuthority { .. }
            | Fact::ParentWithoutAuthority { .. }
            | Fact::ChildConsent { .. }
            | Fact::TrustedPerson { .. }
            | Fact::Representative { .. }
            | Fact::Incapacity { .. }
            | Fact::Authorisation { .. }
            | Fact::Relative { .. }
            | Fact::ObjectionAfterDeath
            | Fact::DataReuseOptOut { .. } => {}
        }
    }
    facts
}

#[test]
fn facts_and_changes() {
    check_tagged("Fact", &every_fact());
    let fact = Fact::ObjectionAfterDeath;
    let at = datetime!(2026-11-27 12:00 UTC);
    let changes = [
        Change::Add { fact: fact.clone() },
        Change::End { fact, at },
        Change::TimePasses { at },
    ];
    for change in &changes {
        match change {
            Change::Add { .. } | Change::End { .. } | Change::TimePasses { .. } => {}
        }
    }
    check_tagged("Change", &changes);
    let mut authorisations = BTreeSet::new();
    for kind in [
        AuthorisationKind::Curator,
        AuthorisationKind::Mentor,
        AuthorisationKind::Written,
    ] {
        match kind {
            AuthorisationKind::Curator | AuthorisationKind::Mentor | AuthorisationKind::Written => {
                authorisations.insert(string(&kind))
            }
        };
    }
    assert_eq!(literals("AuthorisationKind"), authorisations);
}

#[test]
fn records_and_hospitals() {
    let facts = Facts {
        patient: Patient {
            id: PersonId("p".into()),
            birth_date: Some(date!(2000 - 01 - 01)),
            died_at: None,
        },
        hospital: HospitalPolicy::belgian(),
        facts: vec![],
    };
    assert_eq!(interface("Facts"), keys(&json(&facts)));
    assert_eq!(interface("Patient"), keys(&json(&facts.patient)));
    assert_eq!(interface("HospitalPolicy"), keys(&json(&facts.hospital)));
    assert_eq!(interface("Period"), keys(&json(&period())));
    let zones = [TimeZone::EuropeBrussels, TimeZone::EuropeAmsterdam];
    assert_eq!(
        literals("TimeZone"),
        zones.iter().map(string).collect::<BTreeSet<_>>()
    );
    let laws = [HospitalPolicy::belgian(), HospitalPolicy::dutch()];
    assert_eq!(
        literals("Jurisdiction"),
        laws.iter()
            .map(|h| string(&h.jurisdiction))
            .collect::<BTreeSet<_>>()
    );
}

#[test]
fn requests_and_decisions() {
    let principals = [
        Principal::Person {
            id: PersonId("p".into()),
        },
        Principal::Practitioner {
            id: PractitionerId("d".into()),
        },
    ];
    check_tagged("Principal", &principals);
    let report = ReportFacts {
        status: ReportStatus::Validated,
        shielded: false,
        date: date!(2020 - 01 - 01),
        consultation_note: false,
        held: None,
    };
    assert_eq!(interface("ReportFacts"), keys(&json(&report)));
    let hold = Hold {
        by: HoldBy::CareTeam,
        until: Some(datetime!(2026-12-01 00:00 UTC)),
    };
    assert_eq!(interface("Hold"), keys(&json(&hold)));
    assert_eq!(
        literals("HoldBy"),
        [HoldBy::CareTeam, HoldBy::Patient]
            .iter()
            .map(string)
            .collect::<BTreeSet<_>>()
    );
    check_tagged(
        "Resource",
        &[
            Resource::Record,
            Resource::Report {
                report: report.clone(),
            },
            Resource::Item {
                section: Section::Result,
                item: report.clone(),
            },
        ],
    );
    assert_eq!(
        literals("Section"),
        Section::ALL.iter().map(string).collect::<BTreeSet<_>>()
    );
    let statuses = [ReportStatus::Validated, ReportStatus::NotValidated];
    assert_eq!(
        literals("ReportStatus"),
        statuses.iter().map(string).collect::<BTreeSet<_>>()
    );
    assert_eq!(
        literals("Action"),
        Action::ALL.iter().map(string).collect::<BTreeSet<_>>()
    );
    assert_eq!(
        literals("RuleId"),
        RuleId::ALL.iter().map(string).collect::<BTreeSet<_>>()
    );
    assert_eq!(literals("RuleId").len(), RuleId::ALL.len());
    let effects = [
        Effect::Permit,
        Effect::Deny,
        Effect::IndirectOnly,
        Effect::DoctorWeighs,
    ];
    for effect in effects {
        match effect {
            Effect::Permit | Effect::Deny | Effect::IndirectOnly | Effect::DoctorWeighs => {}
        }
    }
    assert_eq!(
        literals("Effect"),
        effects.iter().map(string).collect::<BTreeSet<_>>()
    );

    let request = Request {
        principal: principals[0].clone(),
        action: Action::Read,
        resource: Resource::Record,
    };
    assert_eq!(interface("Request"), keys(&json(&request)));
    let facts = Facts {
        patient: Patient {
            id: PersonId("q".into()),
            birth_date: None,
            died_at: None,
        },
        hospital: HospitalPolicy::belgian(),
        facts: vec![],
    };
    let decision = decide(&request, &facts, datetime!(2026-11-27 12:00 UTC));
    assert_eq!(interface("Decision"), keys(&json(&decision)));
    let message = Message::new("k").arg("a", "1");
    assert_eq!(interface("Message"), keys(&json(&message)));
    let difference = Difference {
        principal: principals[0].clone(),
        action: Action::Read,
        before: decision.clone(),
        after: decision,
    };
    assert_eq!(interface("Difference"), keys(&json(&difference)));
}

#[test]
fn validation_values() {
    use inzage_domain_js::{check_bsn, check_code_card_answer, check_insz, check_login_name};
    let without_ok = |v: Value| {
        let mut k = keys(&v);
        assert!(k.remove("ok"), "{v}");
        k
    };
    assert_eq!(
        interface("InszValue"),
        without_ok(json(&check_insz("85.07.30-033.28")))
    );
    assert_eq!(
        interface("BsnValue"),
        without_ok(json(&check_bsn("111222333")))
    );
    assert_eq!(
        interface("LoginNameValue"),
        without_ok(json(&check_login_name("margery")))
    );
    assert_eq!(
        interface("CodeCardAnswerValue"),
        without_ok(json(&check_code_card_answer("12345678")))
    );
    assert_eq!(
        without_ok(json(&check_bsn("1"))),
        BTreeSet::from(["error".to_owned()])
    );
}
