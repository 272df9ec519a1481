//! How fast one access decision is, with its reasons, and how fast a timeline is filtered.
//! Results are recorded in docs/benchmarks.md.
#![allow(missing_docs)]

// criterion needs an operating system: on wasm32 this bench is an empty program.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/cedar/mod.rs"]
mod cedar;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{black_box, criterion_group, Criterion};
    use inzage_domain::access::*;
    use time::macros::{date, datetime};
    use time::OffsetDateTime;

    const T0: OffsetDateTime = datetime!(2020-01-01 00:00 UTC);

    /// A record with the facts a real one carries: a GP, treating doctors, a referrer, an
    /// exclusion, the exchange consent and a trusted person.
    fn facts() -> Facts {
        let pr = |s: &str| PractitionerId(s.into());
        Facts {
            patient: Patient {
                id: PersonId("p1".into()),
                birth_date: Some(date!(1948 - 11 - 08)),
                died_at: None,
            },
            hospital: HospitalPolicy {
                report_cutoff: Some(date!(2016 - 08 - 15)),
                ..HospitalPolicy::belgian()
            },
            facts: vec![
                Fact::GeneralPractitioner {
                    practitioner: pr("gp"),
                    period: Period::since(T0),
                },
                Fact::TherapeuticRelationship {
                    practitioner: pr("dr-a"),
                    period: Period::since(T0),
                },
                Fact::TherapeuticRelationship {
                    practitioner: pr("dr-b"),
                    period: Period::between(T0, datetime!(2021-01-01 00:00 UTC)),
                },
                Fact::ReferrerConsent {
                    practitioner: pr("ref"),
                    period: Period::since(T0),
                },
                Fact::Exclusion {
                    practitioner: pr("dr-x"),
                    period: Period::since(T0),
                },
                Fact::ExchangeConsent {
                    period: Period::since(T0),
                },
                Fact::TrustedPerson {
                    person: PersonId("friend".into()),
                    period: Period::since(T0),
                },
            ],
        }
    }

    fn report_request(day: u16) -> Request {
        Request {
            principal: Principal::Person {
                id: PersonId("p1".into()),
            },
            action: Action::Read,
            resource: Resource::Report {
                report: ReportFacts {
                    status: if day.is_multiple_of(7) {
                        ReportStatus::NotValidated
                    } else {
                        ReportStatus::Validated
                    },
                    shielded: day.is_multiple_of(11),
                    date: date!(2010 - 01 - 01) + time::Duration::days(i64::from(day) * 5),
                    consultation_note: false,
                    held: None,
                },
            },
        }
    }

    fn bench(c: &mut Criterion) {
        let now = datetime!(2026-11-27 12:00 UTC);
        let f = facts();
        let permit = report_request(1000);
        let deny = report_request(7);
        let gp = Request {
            principal: Principal::Practitioner {
                id: PractitionerId("gp".into()),
            },
            action: Action::Read,
            resource: Resource::Record,
        };
        let excluded = Request {
            principal: Principal::Practitioner {
                id: PractitionerId("dr-x".into()),
            },
            action: Action::Read,
            resource: Resource::Record,
        };
        c.bench_function("decide/patient-report-permit", |b| {
            b.iter(|| decide(black_box(&permit), &f, now))
        });
        c.bench_function("decide/patient-report-deny", |b| {
            b.iter(|| decide(black_box(&deny), &f, now))
        });
        c.bench_function("decide/gp-permit", |b| {
            b.iter(|| decide(black_box(&gp), &f, now))
        });
        c.bench_function("decide/excluded-deny", |b| {
            b.iter(|| decide(black_box(&excluded), &f, now))
        });
        // The reference: the same catalogue as Cedar policies, the same requests, the same facts.
        let oracle = super::cedar::Oracle::new();
        c.bench_function("cedar/patient-report-permit", |b| {
            b.iter(|| oracle.decide(black_box(&permit), &f, now))
        });
        c.bench_function("cedar/gp-permit", |b| {
            b.iter(|| oracle.decide(black_box(&gp), &f, now))
        });
        let timeline: Vec<Request> = (0..1000).map(report_request).collect();
        c.bench_function("decide/filter-1000-report-timeline", |b| {
            b.iter(|| {
                black_box(&timeline)
                    .iter()
                    .filter(|r| decide(r, &f, now).is_permitted())
                    .count()
            })
        });
    }

    criterion_group!(benches, bench);
}
