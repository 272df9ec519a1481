//! How fast one access decision is, with its reasons, and how fast a timeline is filtered.
//! Results are recorded in docs/benchmarks.md.
#![allow(missing_docs)]

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use inzage_domain::access::{PatientId, ReportStatus};
use inzage_domain::{decide, Action, Principal, ReportFacts, Request};
use time::macros::{date, datetime};

fn request(owner: &str, day: u16) -> Request {
    Request {
        principal: Principal::Patient {
            patient: PatientId("p1".into()),
        },
        action: Action::ReadReport,
        report: ReportFacts {
            patient: PatientId(owner.into()),
            status: if day.is_multiple_of(7) {
                ReportStatus::NotValidated
            } else {
                ReportStatus::Validated
            },
            shielded: day.is_multiple_of(11),
            date: date!(2010 - 01 - 01) + time::Duration::days(i64::from(day) * 5),
            hospital_cutoff: Some(date!(2016 - 08 - 15)),
        },
    }
}

fn bench(c: &mut Criterion) {
    let now = datetime!(2026-11-27 12:00 UTC);
    let permit = request("p1", 1000);
    let deny = request("p1", 7);
    c.bench_function("decide/permit-with-reasons", |b| {
        b.iter(|| decide(black_box(&permit), now))
    });
    c.bench_function("decide/deny-with-reasons", |b| {
        b.iter(|| decide(black_box(&deny), now))
    });
    let timeline: Vec<Request> = (0..1000).map(|d| request("p1", d)).collect();
    c.bench_function("decide/filter-1000-report-timeline", |b| {
        b.iter(|| {
            black_box(&timeline)
                .iter()
                .filter(|r| decide(r, now).is_permitted())
                .count()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
