//! Property tests of the decision invariants, over generated facts and requests.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "cedar/mod.rs"]
mod cedar;

use inzage_domain::access::*;
use inzage_domain::calendar::{birthday, TimeZone};
use inzage_domain::manage::{representation, DesignationKind, ADULT_AGE};
use inzage_domain::release::{hold, Hold, HoldBy, ItemRelease, PatientChoice, ReleasePreference};
use proptest::prelude::*;
use time::macros::{date, datetime};
use time::{Date, OffsetDateTime};

const PEOPLE: [&str; 4] = ["patient", "mum", "friend", "stranger"];
const DOCTORS: [&str; 3] = ["gp", "ref", "dr-a"];

fn arb_instant() -> impl Strategy<Value = OffsetDateTime> {
    (0i64..(10 * 365 * 24)).prop_map(|h| datetime!(2018-01-01 00:00 UTC) + time::Duration::hours(h))
}

/// A hold, if any: whose, and its end in minutes from the instant decided at (none: open-ended),
/// close enough to that instant to cross it.
fn arb_hold() -> impl Strategy<Value = Option<(HoldBy, Option<i64>)>> {
    prop::option::of((
        prop::sample::select(vec![HoldBy::CareTeam, HoldBy::Patient]),
        prop::option::of(-3i64..3),
    ))
}

fn arb_period() -> impl Strategy<Value = Period> {
    (arb_instant(), prop::option::of(0i64..(5 * 365 * 24))).prop_map(|(from, len)| Period {
        from,
        until: len.map(|h| from + time::Duration::hours(h)),
    })
}

fn arb_person() -> impl Strategy<Value = PersonId> {
    prop::sample::select(PEOPLE.to_vec()).prop_map(|s| PersonId(s.into()))
}

fn arb_doctor() -> impl Strategy<Value = PractitionerId> {
    prop::sample::select(DOCTORS.to_vec()).prop_map(|s| PractitionerId(s.into()))
}

fn arb_fact() -> impl Strategy<Value = Fact> {
    prop_oneof![
        (arb_doctor(), arb_period()).prop_map(|(practitioner, period)| {
            Fact::TherapeuticRelationship {
                practitioner,
                period,
            }
        }),
        (arb_doctor(), arb_period()).prop_map(|(practitioner, period)| Fact::GeneralPractitioner {
            practitioner,
            period
        }),
        arb_period().prop_map(|period| Fact::GpAccessRefused { period }),
        (arb_doctor(), arb_period()).prop_map(|(practitioner, period)| Fact::ReferrerConsent {
            practitioner,
            period
        }),
        (arb_doctor(), arb_period()).prop_map(|(practitioner, period)| Fact::Exclusion {
            practitioner,
            period
        }),
        arb_period().prop_map(|period| Fact::ExchangeConsent { period }),
        (
            arb_doctor(),
            arb_period(),
            prop::sample::select(vec!["", "reanimatie"])
        )
            .prop_map(|(practitioner, period, r)| Fact::EmergencyAccess {
                practitioner,
                reason: r.into(),
                period
            }),
        (arb_person(), arb_period())
            .prop_map(|(parent, period)| Fact::ParentLink { parent, period }),
        (arb_person(), arb_period())
            .prop_map(|(parent, period)| Fact::ParentalAuthority { parent, period }),
        arb_person().prop_map(|parent| Fact::ParentWithoutAuthority { parent }),
        (arb_person(), arb_period())
            .prop_map(|(parent, period)| Fact::ChildConsent { parent, period }),
        (arb_person(), arb_period())
            .prop_map(|(person, period)| Fact::TrustedPerson { person, period }),
        (arb_person(), arb_period())
            .prop_map(|(person, period)| Fact::Representative { person, period }),
        arb_period().prop_map(|period| Fact::Incapacity { period }),
        (
            arb_person(),
            arb_period(),
            prop::sample::select(vec![
                AuthorisationKind::Curator,
                AuthorisationKind::Mentor,
                AuthorisationKind::Written
            ])
        )
            .prop_map(|(person, period, authorisation)| Fact::Authorisation {
                person,
                authorisation,
                period
            }),
        (arb_person(), 1u8..5).prop_map(|(person, degree)| Fact::Relative { person, degree }),
        Just(Fact::ObjectionAfterDeath),
        arb_period().prop_map(|period| Fact::DataReuseOptOut { period }),
    ]
}

fn arb_birth() -> impl Strategy<Value = Date> {
    (1940i32..2026, 1u16..=366)
        .prop_filter_map("valid", |(y, d)| Date::from_ordinal_date(y, d).ok())
}

fn arb_facts() -> impl Strategy<Value = Facts> {
    (
        any::<bool>(),
        prop::option::of(arb_birth()),
        prop::option::of(arb_instant()),
        prop::option::of(arb_birth()),
        any::<bool>(),
        prop::collection::vec(arb_fact(), 0..10),
    )
        .prop_map(|(be, birth, died, cutoff, children, facts)| Facts {
            patient: Patient {
                id: PersonId("patient".into()),
                birth_date: birth,
                died_at: died,
            },
            hospital: HospitalPolicy {
                report_cutoff: cutoff,
                shows_children_reports: children,
                ..if be {
                    HospitalPolicy::belgian()
                } else {
                    HospitalPolicy::dutch()
                }
            },
            facts,
        })
}

fn arb_principal() -> impl Strategy<Value = Principal> {
    prop_oneof![
        arb_person().prop_map(|id| Principal::Person { id }),
        arb_doctor().prop_map(|id| Principal::Practitioner { id }),
    ]
}

fn arb_resource() -> impl Strategy<Value = Resource> {
    prop_oneof![
        Just(Resource::Record),
        (
            any::<bool>(),
            any::<bool>(),
            arb_birth(),
            arb_stored_hold(),
            any::<bool>()
        )
            .prop_map(|(v, shielded, date, held, note)| {
                Resource::Report {
                    report: ReportFacts {
                        status: if v {
                            ReportStatus::Validated
                        } else {
                            ReportStatus::NotValidated
                        },
                        shielded,
                        date,
                        consultation_note: note,
                        held,
                    },
                }
            }),
        (
            any::<bool>(),
            any::<bool>(),
            arb_birth(),
            prop::sample::select(Section::ALL.to_vec()),
            arb_stored_hold(),
        )
            .prop_map(|(v, shielded, date, section, held)| Resource::Item {
                section,
                item: ReportFacts {
                    status: if v {
                        ReportStatus::Validated
                    } else {
                        ReportStatus::NotValidated
                    },
                    shielded,
                    date,
                    consultation_note: false,
                    held,
                },
            }),
    ]
}

/// A hold as an item stores it: whose, and until when (none: open-ended).
fn arb_stored_hold() -> impl Strategy<Value = Option<Hold>> {
    prop::option::of((
        prop::sample::select(vec![HoldBy::CareTeam, HoldBy::Patient]),
        prop::option::of(arb_instant()),
    ))
    .prop_map(|h| h.map(|(by, until)| Hold { by, until }))
}

fn arb_request() -> impl Strategy<Value = Request> {
    (
        arb_principal(),
        prop::sample::select(Action::ALL.to_vec()),
        arb_resource(),
    )
        .prop_map(|(principal, action, resource)| Request {
            principal,
            action,
            resource,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Every fact reads back from its JSON as it was; with a field of another kind added, or
    /// one of its own removed, it is refused.
    #[test]
    fn facts_read_back_from_json_and_nothing_else(fact in arb_fact()) {
        let json = serde_json::to_value(&fact).unwrap();
        prop_assert_eq!(serde_json::from_value::<Fact>(json.clone()).unwrap(), fact);
        let fields: Vec<String> = json.as_object().unwrap().keys().filter(|k| *k != "kind").cloned().collect();
        for field in &fields {
            let mut fewer = json.clone();
            fewer.as_object_mut().unwrap().remove(field);
            let error = serde_json::from_value::<Fact>(fewer).unwrap_err().to_string();
            prop_assert_eq!(error, format!("missing field `{field}`"));
        }
        for (field, value) in [("practitioner", serde_json::json!("dr-x")), ("reason", serde_json::json!("x")), ("parent", serde_json::json!("p")), ("person", serde_json::json!("p")), ("degree", serde_json::json!(1)), ("colour", serde_json::json!("red"))] {
            if fields.iter().any(|f| f == field) {
                continue;
            }
            let mut more = json.clone();
            more.as_object_mut().unwrap().insert(field.into(), value);
            let error = serde_json::from_value::<Fact>(more).unwrap_err().to_string();
            prop_assert!(error.starts_with(&format!("unknown field `{field}`")), "{}", error);
        }
    }

    /// An active exclusion always wins over every other ground.
    #[test]
    fn exclusion_always_wins(mut facts in arb_facts(), doctor in arb_doctor(), action in prop::sample::select(Action::ALL.to_vec()), now in arb_instant()) {
        facts.facts.push(Fact::Exclusion { practitioner: doctor.clone(), period: Period::since(now) });
        let d = decide(&Request { principal: Principal::Practitioner { id: doctor }, action, resource: Resource::Record }, &facts, now);
        prop_assert_eq!(d.effect, Effect::Deny);
        prop_assert!(d.rules.contains(&RuleId::Exclusion));
    }

    /// The living patient old enough to use the portal always reads their own validated,
    /// unshielded report from the cutoff on (and, where the hospital hides children's reports,
    /// from 18 on; a consultation note only where the hospital releases them; not while a hold
    /// lasts, and from the very instant it ends); flipping any one condition loses it.
    #[test]
    fn the_patient_reads_exactly_the_reports_the_rules_allow(mut facts in arb_facts(), report_date in arb_birth(), v in any::<bool>(), shielded in any::<bool>(), now in arb_instant(), note in any::<bool>(), released in any::<bool>(), hold in arb_hold()) {
        facts.patient.died_at = None;
        facts.hospital.shows_consultation_notes = released;
        let held = hold.map(|(by, minutes)| Hold { by, until: minutes.map(|m| now + time::Duration::minutes(m)) });
        let report = ReportFacts { status: if v { ReportStatus::Validated } else { ReportStatus::NotValidated }, shielded, date: report_date, consultation_note: note, held };
        let child_report = !facts.hospital.shows_children_reports
            && facts.patient.birth_date.is_some_and(|b| report_date < birthday(b, 18));
        let own_age = match facts.hospital.jurisdiction {
            Jurisdiction::Netherlands => 12,
            Jurisdiction::Belgium => facts.hospital.parent_link_until_age,
        };
        let old_enough = facts.patient.birth_date.is_none_or(|b| {
            inzage_domain::calendar::has_reached_age(b, own_age, now, facts.hospital.time_zone)
        });
        let expected = old_enough && v && !shielded
            && facts.hospital.report_cutoff.is_none_or(|c| report_date >= c)
            && !child_report
            && (!note || released)
            && held.is_none_or(|h| !h.holds_at(now));
        let d = decide(&Request { principal: Principal::Person { id: PersonId("patient".into()) }, action: Action::Read, resource: Resource::Report { report } }, &facts, now);
        prop_assert_eq!(d.is_permitted(), expected);
    }

    /// An item of any section is shown to its living patient exactly when it is validated and
    /// not shielded, and, for sections dated like reports, from the cutoff on and (where the
    /// hospital hides them) not from childhood; for any other principal an item is decided as a
    /// report with the same facts would be.
    #[test]
    fn items_follow_the_report_rules_their_section_takes(mut facts in arb_facts(), item_date in arb_birth(), v in any::<bool>(), shielded in any::<bool>(), now in arb_instant(), section in prop::sample::select(Section::ALL.to_vec()), principal in arb_principal()) {
        facts.patient.died_at = None;
        let item = ReportFacts { status: if v { ReportStatus::Validated } else { ReportStatus::NotValidated }, shielded, date: item_date, consultation_note: false, held: None };
        let dated = section.follows_report_dates();
        let child_item = dated && !facts.hospital.shows_children_reports
            && facts.patient.birth_date.is_some_and(|b| item_date < birthday(b, 18));
        let own_age = match facts.hospital.jurisdiction {
            Jurisdiction::Netherlands => 12,
            Jurisdiction::Belgium => facts.hospital.parent_link_until_age,
        };
        let old_enough = facts.patient.birth_date.is_none_or(|b| {
            inzage_domain::calendar::has_reached_age(b, own_age, now, facts.hospital.time_zone)
        });
        let expected = old_enough && v && !shielded
            && (!dated || facts.hospital.report_cutoff.is_none_or(|c| item_date >= c))
            && !child_item;
        let patient = Principal::Person { id: PersonId("patient".into()) };
        let d = decide(&Request { principal: patient, action: Action::Read, resource: Resource::Item { section, item: item.clone() } }, &facts, now);
        prop_assert_eq!(d.is_permitted(), expected);
        if dated {
            let as_item = decide(&Request { principal: principal.clone(), action: Action::Read, resource: Resource::Item { section, item: item.clone() } }, &facts, now);
            let as_report = decide(&Request { principal, action: Action::Read, resource: Resource::Report { report: item } }, &facts, now);
            prop_assert_eq!(as_item, as_report);
        }
    }

    /// After a revocation at `t`, the ground is gone at every later instant.
    #[test]
    fn a_revoked_ground_never_returns(facts in arb_facts(), doctor in arb_doctor(), from in arb_instant(), t in arb_instant(), later in 0i64..100_000) {
        prop_assume!(from <= t);
        let mut facts = facts;
        facts.facts.retain(|f| !matches!(f, Fact::ReferrerConsent { .. }));
        facts.facts.push(Fact::ReferrerConsent { practitioner: doctor.clone(), period: Period::between(from, t) });
        let at = t + time::Duration::hours(later);
        let d = decide(&Request { principal: Principal::Practitioner { id: doctor }, action: Action::Read, resource: Resource::Record }, &facts, at);
        prop_assert!(!d.rules.contains(&RuleId::ReferrerConsent));
    }

    /// After death nothing is permitted to the account or any proxy in the portal.
    #[test]
    fn after_death_no_portal_user_is_permitted(mut facts in arb_facts(), request in arb_request(), died in arb_instant(), later in 0i64..100_000) {
        facts.patient.died_at = Some(died);
        let now = died + time::Duration::hours(later);
        if let Principal::Person { .. } = request.principal {
            prop_assert!(!decide(&request, &facts, now).is_permitted());
        }
    }

    /// Without facts, nobody but the living patient is permitted anything.
    #[test]
    fn deny_by_default(mut facts in arb_facts(), request in arb_request(), now in arb_instant()) {
        facts.facts.clear();
        let d = decide(&request, &facts, now);
        let is_patient = request.principal == Principal::Person { id: PersonId("patient".into()) };
        if !is_patient {
            prop_assert!(!d.is_permitted());
        }
    }

    /// Order and duplication of facts never change a decision.
    #[test]
    fn permuting_or_duplicating_facts_changes_nothing(facts in arb_facts(), request in arb_request(), now in arb_instant(), seed in any::<u64>()) {
        let d = decide(&request, &facts, now);
        let mut shuffled = facts.clone();
        shuffled.facts.reverse();
        let n = shuffled.facts.len().max(1);
        shuffled.facts.rotate_left((seed as usize) % n);
        let dupes: Vec<Fact> = shuffled.facts.iter().step_by(2).cloned().collect();
        shuffled.facts.extend(dupes);
        prop_assert_eq!(decide(&request, &shuffled, now), d);
    }

    /// Every decision names at least one rule and gives one reason per rule.
    #[test]
    fn every_decision_is_explained(facts in arb_facts(), request in arb_request(), now in arb_instant()) {
        let d = decide(&request, &facts, now);
        prop_assert!(!d.rules.is_empty());
        prop_assert_eq!(d.rules.len(), d.reasons.len());
        prop_assert!(d.rules.windows(2).all(|w| w[0] < w[1]));
    }

    /// A Belgian parent's link flips exactly once, at local midnight of the child's birthday.
    #[test]
    fn the_belgian_link_ends_exactly_at_local_midnight(birth in arb_birth(), minutes in 0i64..(48 * 60)) {
        let facts = Facts {
            patient: Patient { id: PersonId("patient".into()), birth_date: Some(birth), died_at: None },
            hospital: HospitalPolicy::belgian(),
            facts: vec![Fact::ParentLink { parent: PersonId("mum".into()), period: Period::since(datetime!(1900-01-01 00:00 UTC)) }],
        };
        let day = birthday(birth, 15);
        let at = day.midnight().assume_utc() - time::Duration::days(1) + time::Duration::minutes(minutes);
        let d = decide(&Request { principal: Principal::Person { id: PersonId("mum".into()) }, action: Action::Read, resource: Resource::Record }, &facts, at);
        prop_assert_eq!(d.is_permitted(), TimeZone::EuropeBrussels.local_date(at) < day);
    }

    /// An approved application to represent a patient gives the applicant access only to an
    /// adult, living patient's record, and a Belgian representative only while the patient
    /// cannot decide: whatever the record held, the applicant can act exactly when that holds.
    #[test]
    fn a_representation_never_gives_more_than_the_law_allows(facts in arb_facts(), kind in prop::sample::select(vec![DesignationKind::Representative, DesignationKind::Curator, DesignationKind::Mentor, DesignationKind::TrustedPerson]), established in any::<bool>(), now in arb_instant(), later in 0i64..(400 * 86_400)) {
        let applicant = PersonId("stranger".into());
        let Ok(made) = representation(&facts, kind, &applicant, established, now) else {
            return Ok(());
        };
        let tz = facts.hospital.time_zone;
        prop_assert!(facts.patient.birth_date.is_some_and(|b| inzage_domain::calendar::has_reached_age(b, ADULT_AGE, now, tz)));
        prop_assert!(facts.patient.died_at.is_none_or(|d| d > now));
        prop_assert!(kind.by_applicant());
        let mut after = facts.clone();
        after.facts.extend(made);
        let at = now + time::Duration::seconds(later);
        let read = Request { principal: Principal::Person { id: applicant }, action: Action::Read, resource: Resource::Record };
        let d = decide(&read, &after, at);
        if d.rules.contains(&RuleId::BeRepresentative) {
            let incapable = after.facts.iter().any(|f| matches!(f, Fact::Incapacity { period } if period.contains(at)));
            prop_assert!(incapable);
        }
        if d.is_permitted() {
            prop_assert!(after.patient.died_at.is_none_or(|d| d > at));
        }
    }

    /// The Cedar oracle, the same catalogue written as Cedar policies, agrees on the effect and
    /// on the rules that determined it.
    #[test]
    fn the_cedar_oracle_agrees(facts in arb_facts(), request in arb_request(), now in arb_instant()) {
        thread_local! {
            static ORACLE: cedar::Oracle = cedar::Oracle::new();
        }
        let d = decide(&request, &facts, now);
        let ours = (d.effect, d.rules.iter().map(|r| r.as_str().to_owned()).collect());
        let theirs = ORACLE.with(|o| o.decide(&request, &facts, now));
        prop_assert_eq!(ours, theirs, "request {:?}", request);
    }

    /// The what-if lists exactly the decisions whose effect changes.
    #[test]
    fn what_if_agrees_with_deciding_twice(facts in arb_facts(), fact in arb_fact(), now in arb_instant()) {
        let change = Change::Add { fact };
        let diffs = what_if(&facts, &change, now);
        let (after, at) = apply(&facts, &change, now);
        for d in &diffs {
            let request = Request { principal: d.principal.clone(), action: d.action, resource: Resource::Record };
            prop_assert_eq!(&decide(&request, &facts, now), &d.before);
            prop_assert_eq!(&decide(&request, &after, at), &d.after);
            prop_assert_ne!(d.before.effect, d.after.effect);
        }
    }
}

#[test]
fn the_29_february_child_turns_15_on_1_march() {
    let facts = Facts {
        patient: Patient {
            id: PersonId("patient".into()),
            birth_date: Some(date!(2012 - 02 - 29)),
            died_at: None,
        },
        hospital: HospitalPolicy::belgian(),
        facts: vec![Fact::ParentLink {
            parent: PersonId("mum".into()),
            period: Period::since(datetime!(2012-03-01 00:00 UTC)),
        }],
    };
    let ask = |at| {
        decide(
            &Request {
                principal: Principal::Person {
                    id: PersonId("mum".into()),
                },
                action: Action::Read,
                resource: Resource::Record,
            },
            &facts,
            at,
        )
        .is_permitted()
    };
    // 2027 is a common year; local midnight of 1 March in Brussels is 23:00 UTC on 28 February.
    assert!(ask(datetime!(2027-02-28 22:59:59 UTC)));
    assert!(!ask(datetime!(2027-02-28 23:00 UTC)));
}

mod manage {
    use super::*;
    use inzage_domain::manage::{overview, plan, AccessCommand, Refusal};

    fn arb_command() -> impl Strategy<Value = AccessCommand> {
        prop_oneof![
            Just(AccessCommand::RefuseGp),
            Just(AccessCommand::RestoreGp),
            arb_doctor().prop_map(|practitioner| AccessCommand::ApproveReferrer { practitioner }),
            arb_doctor().prop_map(|practitioner| AccessCommand::RefuseReferrer { practitioner }),
            arb_doctor().prop_map(|practitioner| AccessCommand::RevokeReferrer { practitioner }),
            arb_doctor().prop_map(|practitioner| AccessCommand::Exclude { practitioner }),
            arb_doctor().prop_map(|practitioner| AccessCommand::LiftExclusion { practitioner }),
            Just(AccessCommand::GiveExchangeConsent),
            Just(AccessCommand::WithdrawExchangeConsent),
            Just(AccessCommand::OptOutOfReuse),
            Just(AccessCommand::WithdrawReuseOptOut),
            arb_doctor().prop_map(|practitioner| AccessCommand::EndTreatment { practitioner }),
            arb_person().prop_map(|parent| AccessCommand::GiveChildConsent { parent }),
            arb_person().prop_map(|parent| AccessCommand::WithdrawChildConsent { parent }),
            arb_person().prop_map(|person| AccessCommand::RevokeDesignation { person }),
        ]
    }

    fn run(
        principal: &Principal,
        command: &AccessCommand,
        facts: &Facts,
        now: OffsetDateTime,
    ) -> Result<Facts, Refusal> {
        let mut out = facts.clone();
        for change in plan(principal, command, facts, now)? {
            out = apply(&out, &change, now).0;
        }
        Ok(out)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Whoever the domain does not permit the command's action never gets a plan.
        #[test]
        fn only_permitted_principals_plan(facts in arb_facts(), who in arb_principal(), command in arb_command(), now in arb_instant()) {
            let permitted = decide(&Request { principal: who.clone(), action: command.action(), resource: Resource::Record }, &facts, now).is_permitted();
            let planned = plan(&who, &command, &facts, now);
            let refused = matches!(planned, Err(Refusal::NotAllowed { .. }));
            prop_assert!(permitted || refused);
            let practitioner = matches!(who, Principal::Practitioner { .. });
            prop_assert!(!(practitioner && planned.is_ok()), "a practitioner managed access");
        }

        /// A command that succeeded is done: the same command again is refused as a conflict
        /// (except refusing a referrer, which changes no fact, and ending a treatment, never
        /// allowed).
        #[test]
        fn a_carried_out_command_cannot_be_repeated(facts in arb_facts(), command in arb_command(), now in arb_instant()) {
            let patient = Principal::Person { id: facts.patient.id.clone() };
            if matches!(command, AccessCommand::RefuseReferrer { .. } | AccessCommand::EndTreatment { .. }) {
                return Ok(());
            }
            if let Ok(after) = run(&patient, &command, &facts, now) {
                let again = plan(&patient, &command, &after, now);
                let conflict = matches!(again, Err(Refusal::Conflict { .. }));
                prop_assert!(conflict, "repeated: {:?}", again);
            }
        }

        /// After an exclusion the practitioner reads nothing, whatever else holds.
        #[test]
        fn an_excluded_practitioner_reads_nothing(facts in arb_facts(), doctor in arb_doctor(), now in arb_instant()) {
            let patient = Principal::Person { id: facts.patient.id.clone() };
            if let Ok(after) = run(&patient, &AccessCommand::Exclude { practitioner: doctor.clone() }, &facts, now) {
                for action in Action::ALL {
                    let d = decide(&Request { principal: Principal::Practitioner { id: doctor.clone() }, action, resource: Resource::Record }, &after, now);
                    prop_assert_eq!(d.rules, vec![RuleId::Exclusion]);
                }
            }
        }

        /// Everyone who can read the record now is on the overview, with that same decision.
        #[test]
        fn every_reader_is_on_the_overview(facts in arb_facts(), now in arb_instant()) {
            let patient = Principal::Person { id: facts.patient.id.clone() };
            let entries = overview(&patient, &facts, now);
            for who in principals(&facts).into_iter().filter(|p| *p != patient) {
                let read = decide(&Request { principal: who.clone(), action: Action::Read, resource: Resource::Record }, &facts, now);
                if read.is_permitted() {
                    let entry = entries.iter().find(|e| e.principal == who);
                    prop_assert!(entry.is_some(), "{:?} reads but is not listed", who);
                    prop_assert_eq!(&entry.map(|e| &e.read), &Some(&read));
                }
            }
            for e in &entries {
                for c in &e.commands {
                    prop_assert!(plan(&patient, c, &facts, now).is_ok());
                }
            }
        }
    }
}

mod trend_chart {
    use inzage_domain::results::{chart, Flag, Frame, Point, ReferenceRange};
    use proptest::prelude::*;
    use time::macros::date;

    const FRAME: Frame = Frame {
        left: 40.0,
        top: 10.0,
        width: 300.0,
        height: 150.0,
    };

    fn arb_points() -> impl Strategy<Value = Vec<Point>> {
        prop::collection::vec((0i64..20_000, -1.0e6f64..1.0e6), 1..60).prop_map(|mut v| {
            v.sort_by_key(|(d, _)| *d);
            v.into_iter()
                .map(|(d, value)| Point {
                    date: date!(1970 - 01 - 01) + time::Duration::days(d),
                    value,
                })
                .collect()
        })
    }

    fn arb_range() -> impl Strategy<Value = Option<ReferenceRange>> {
        prop::option::of(
            (
                prop::option::of(-1.0e6f64..1.0e6),
                prop::option::of(-1.0e6f64..1.0e6),
            )
                .prop_map(|(a, b)| match (a, b) {
                    (Some(a), Some(b)) => ReferenceRange {
                        low: Some(a.min(b)),
                        high: Some(a.max(b)),
                    },
                    (low, high) => ReferenceRange { low, high },
                }),
        )
    }

    proptest! {
        /// Every point, tick and band edge lies inside the plot area; time runs left to right;
        /// a larger value is never drawn lower; the axis has four to ten round ticks.
        #[test]
        fn a_chart_stays_in_its_frame_and_keeps_order(points in arb_points(), range in arb_range()) {
            let c = chart(&points, range, FRAME);
            let inside_x = |x: f64| (FRAME.left - 1e-9..=FRAME.left + FRAME.width + 1e-9).contains(&x);
            let inside_y = |y: f64| (FRAME.top - 1e-9..=FRAME.top + FRAME.height + 1e-9).contains(&y);
            prop_assert_eq!(c.points.len(), points.len());
            for (x, y) in &c.points {
                prop_assert!(inside_x(*x) && inside_y(*y), "({x}, {y}) outside");
            }
            for pair in points.iter().zip(&c.points).collect::<Vec<_>>().windows(2) {
                let ((p, (x1, y1)), (q, (x2, y2))) = (pair[0], pair[1]);
                prop_assert!(x1 <= x2);
                if p.value < q.value { prop_assert!(y1 >= y2); }
            }
            prop_assert!((2..=11).contains(&c.ticks.len()), "{} ticks", c.ticks.len());
            for t in &c.ticks { prop_assert!(inside_y(t.y)); }
            if let Some((top, bottom)) = c.band {
                prop_assert!(inside_y(top) && inside_y(bottom) && top <= bottom);
            }
        }

        /// A value inside its full range is never flagged; one outside always is.
        #[test]
        fn flags_agree_with_the_range(v in -1.0e6f64..1.0e6, a in -1.0e6f64..1.0e6, b in -1.0e6f64..1.0e6) {
            let range = ReferenceRange { low: Some(a.min(b)), high: Some(a.max(b)) };
            let flag = Flag::of(Some(v), Some(range), None);
            prop_assert_eq!(flag.is_out_of_range(), v < a.min(b) || v > a.max(b));
        }
    }
}

mod appointments {
    use super::*;
    use inzage_domain::appointments::*;
    use time::Duration;

    const NOW: OffsetDateTime = datetime!(2026-11-27 10:00 UTC);

    fn arb_rules() -> impl Strategy<Value = OnlineAppointments> {
        (any::<bool>(), any::<bool>(), any::<bool>(), 0u16..=72).prop_map(
            |(book, reschedule, cancel, change_until_hours)| OnlineAppointments {
                book,
                reschedule,
                cancel,
                change_until_hours,
            },
        )
    }

    /// Minutes around now, from two days back to four days ahead.
    fn arb_start() -> impl Strategy<Value = OffsetDateTime> {
        (-2880i64..5760).prop_map(|m| NOW + Duration::minutes(m))
    }

    fn arb_status() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "booked",
            "pending",
            "proposed",
            "cancelled",
            "fulfilled",
            "noshow",
        ])
    }

    proptest! {
        /// Whatever is asked, a change goes through only when the hospital offers it, never
        /// touches an appointment that is past, cancelled or within the deadline, and never
        /// takes a slot that is taken or within the deadline.
        #[test]
        fn no_change_passes_the_hospitals_offer_or_its_deadline(
            rules in arb_rules(),
            change in prop::sample::select(AppointmentChange::ALL.to_vec()),
            a_start in arb_start(), status in arb_status(), a_here in any::<bool>(),
            s_start in arb_start(), free in any::<bool>(),
        ) {
            let appointment = Booked { start: a_start, status, hospital_id: if a_here { "az" } else { "umc" }, service: None };
            let slot = Slot { start: s_start, free, hospital_id: "az", service: "Orthopedie" };
            let passed = check(change, &rules, Some(appointment), Some(slot), NOW).is_ok();
            let deadline = NOW + Duration::hours(i64::from(rules.change_until_hours));
            if passed {
                prop_assert!(rules.offers(change));
                if change != AppointmentChange::Book {
                    prop_assert!(a_start >= deadline && a_start > NOW);
                    prop_assert!(matches!(status, "booked" | "pending" | "proposed"));
                }
                if change != AppointmentChange::Cancel {
                    prop_assert!(free && s_start >= deadline);
                }
                if change == AppointmentChange::Move {
                    prop_assert!(a_here && a_start != s_start);
                }
            }
            // The card offers exactly the changes of the appointment that a request would pass
            // (moving given a suitable slot).
            let (offered, _) = changes_of(&rules, appointment, NOW);
            let good_slot = Slot { start: a_start.max(deadline) + Duration::hours(1), free: true, hospital_id: appointment.hospital_id, service: "Orthopedie" };
            for c in [AppointmentChange::Move, AppointmentChange::Cancel] {
                let ok = check(c, &rules, Some(appointment), Some(good_slot), NOW).is_ok();
                prop_assert_eq!(offered.contains(&c), ok);
            }
        }
    }
}

mod release {
    use super::*;

    proptest! {
    /// The patient's choice never lets an item appear sooner than the care team's hold alone
    /// would, and a hold never outlives both of them: the one given is the one that ends last.
    #[test]
    fn a_patients_choice_never_shortens_the_care_teams_hold(ready in arb_instant(), days in 0u16..=31, pref in prop::sample::select(ReleasePreference::ALL.to_vec()), since_days in -10i64..10, consults in prop::collection::vec(-20i64..40, 0..4), now in -5i64..50) {
        let day = ready.date();
        let consultations: Vec<OffsetDateTime> = consults.iter().map(|d| ready + time::Duration::days(*d)).collect();
        let item = |choice: Option<PatientChoice>| hold(ItemRelease { day, ready, care_team_days: days, choice, consultations: &consultations });
        let choice = PatientChoice { preference: pref, since: day + time::Duration::days(since_days) };
        let alone = item(None);
        let both = item(Some(choice));
        let at = ready + time::Duration::days(now);
        prop_assert!(alone.is_none_or(|h| !h.holds_at(at)) || both.is_some_and(|h| h.holds_at(at)));
        let care_team = (days > 0).then(|| ready + time::Duration::days(i64::from(days)));
        prop_assert_eq!(alone.and_then(|h| h.until), care_team);
        if both.is_some_and(|h| h.holds_at(at)) {
            let patient_only = hold(ItemRelease { day, ready, care_team_days: 0, choice: Some(choice), consultations: &consultations });
            prop_assert!(alone.is_some_and(|h| h.holds_at(at)) || patient_only.is_some_and(|h| h.holds_at(at)));
        }
    }
    }
}

mod sharing {
    use super::*;
    use inzage_domain::sharing::{state, NewShare, ShareState, MAX_DAYS};

    proptest! {
        /// A link is open from when it is made until it expires or is revoked, and never opens
        /// again after that; it never outlives its days.
        #[test]
        fn a_link_never_opens_again_once_closed(made in arb_instant(), days in 1u8..=MAX_DAYS, revoke_after in prop::option::of(0i64..(40 * 24 * 60)), steps in prop::collection::vec(0i64..(3 * 24 * 60), 1..40)) {
            let form = NewShare { label: "x".into(), days, reports: vec!["r".into()] };
            prop_assert!(form.check().is_ok());
            let expires = form.expires(made);
            let revoked = revoke_after.map(|m| made + time::Duration::minutes(m));
            let mut now = made;
            let mut closed = false;
            for step in steps {
                now += time::Duration::minutes(step);
                let s = state(expires, revoked, now);
                if closed {
                    prop_assert_ne!(s, ShareState::Open);
                }
                closed |= s != ShareState::Open;
                prop_assert_eq!(s == ShareState::Open, now < expires && revoked.is_none_or(|r| now < r));
            }
        }
    }
}

mod video_entry {
    use super::*;
    use inzage_domain::video::{may_join, window, Seat, VideoAppointment};

    proptest! {
        /// Whoever asks, whatever the record and the hour: the doctor's seat is only the
        /// appointment's practitioner's, the patient's only for someone the access rules let
        /// read the record at that instant, nobody enters outside the room's hours, and
        /// someone who is neither learns only `video.not_yours` (not whether the appointment is
        /// a video one, booked, or when it opens).
        #[test]
        fn only_the_doctor_and_a_reader_enter_and_others_learn_nothing(
            facts in arb_facts(),
            principal in arb_principal(),
            doctor in prop::option::of(arb_doctor()),
            video in any::<bool>(),
            status in prop::sample::select(vec!["booked", "arrived", "cancelled", "fulfilled", "proposed"]),
            start in arb_instant(),
            minutes in prop::option::of(0i64..240),
            // Around the appointment, so the room's hours are crossed.
            offset in -60i64..330,
        ) {
            let now = start + time::Duration::minutes(offset);
            let appointment = VideoAppointment {
                video,
                status,
                practitioner: doctor.as_ref(),
                start,
                end: minutes.map(|m| start + time::Duration::minutes(m)),
            };
            let reads = decide(
                &Request { principal: principal.clone(), action: Action::Read, resource: Resource::Record },
                &facts,
                now,
            )
            .is_permitted();
            let is_doctor = matches!(&principal, Principal::Practitioner { id } if Some(id) == doctor.as_ref());
            let insider = is_doctor || (matches!(principal, Principal::Person { .. }) && reads);
            let (opens, closes) = window(&appointment);
            match may_join(&appointment, &facts, &principal, now) {
                Ok(joining) => {
                    prop_assert!(video && matches!(status, "booked" | "arrived"));
                    prop_assert!(opens <= now && now < closes);
                    match joining.seat {
                        Seat::Doctor => prop_assert!(is_doctor),
                        Seat::Patient => prop_assert!(reads && !is_doctor),
                    }
                    prop_assert!(!joining.reasons.is_empty());
                }
                Err(message) => {
                    if !insider {
                        prop_assert_eq!(message.key.as_ref(), "video.not_yours");
                    }
                }
            }
        }
    }
}

mod video_rooms {
    use inzage_domain::video::{ClientSignal, Room, Seat, ServerSignal};
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Step {
        Join(Seat),
        Leave(Seat),
        Send(Seat, ClientSignal),
    }

    fn arb_step() -> impl Strategy<Value = Step> {
        let seat = prop::sample::select(vec![Seat::Doctor, Seat::Patient]);
        let signal = prop::sample::select(vec![
            ClientSignal::Admit,
            ClientSignal::Offer { sdp: "o".into() },
            ClientSignal::Answer { sdp: "a".into() },
            ClientSignal::Candidate {
                candidate: "c".into(),
                sdp_mid: None,
                sdp_m_line_index: None,
            },
        ]);
        prop_oneof![
            seat.clone().prop_map(Step::Join),
            seat.clone().prop_map(Step::Leave),
            (seat, signal).prop_map(|(s, m)| Step::Send(s, m)),
        ]
    }

    proptest! {
        /// Whatever the order of joins, leaves and messages: nothing is ever sent to an empty
        /// seat, media signals pass only between two people in a room the doctor admitted, and
        /// only the doctor's admission admits.
        #[test]
        fn signals_pass_only_between_two_people_the_doctor_admitted(steps in prop::collection::vec(arb_step(), 0..40)) {
            let mut room = Room::default();
            for step in steps {
                let before = room;
                let out = match step {
                    Step::Join(s) => room.join(s).unwrap_or_default(),
                    Step::Leave(s) => room.leave(s),
                    Step::Send(s, m) => {
                        let admit = m == ClientSignal::Admit;
                        let out = room.receive(s, m).unwrap_or_default();
                        if room.admitted && !before.admitted {
                            prop_assert!(admit && s == Seat::Doctor);
                        }
                        out
                    }
                };
                for (to, signal) in &out {
                    let present = match to { Seat::Doctor => room.doctor, Seat::Patient => room.patient };
                    prop_assert!(present, "{signal:?} to an empty seat");
                    if matches!(signal, ServerSignal::Offer { .. } | ServerSignal::Answer { .. } | ServerSignal::Candidate { .. }) {
                        prop_assert!(room.admitted && room.doctor && room.patient);
                    }
                }
                if room.admitted {
                    prop_assert!(room.doctor && room.patient);
                }
            }
        }
    }
}
