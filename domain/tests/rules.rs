//! A table test for every rule of the catalogue: the permit, and each way it turns into a deny.
//! Runs natively and compiled to wasm32 in headless Chromium.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use inzage_domain::access::*;
use inzage_domain::release::{Hold, HoldBy};
use time::macros::{date, datetime};
use time::OffsetDateTime;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const NOW: OffsetDateTime = datetime!(2026-11-27 12:00 UTC);
const LONG_AGO: OffsetDateTime = datetime!(2020-01-01 00:00 UTC);
const YESTERDAY: OffsetDateTime = datetime!(2026-11-26 12:00 UTC);

fn person(id: &str) -> Principal {
    Principal::Person {
        id: PersonId(id.into()),
    }
}

fn doctor(id: &str) -> Principal {
    Principal::Practitioner {
        id: PractitionerId(id.into()),
    }
}

fn pr(id: &str) -> PractitionerId {
    PractitionerId(id.into())
}

fn pe(id: &str) -> PersonId {
    PersonId(id.into())
}

fn facts(hospital: HospitalPolicy, birth: time::Date, facts: Vec<Fact>) -> Facts {
    Facts {
        patient: Patient {
            id: pe("patient"),
            birth_date: Some(birth),
            died_at: None,
        },
        hospital,
        facts,
    }
}

fn adult(facts_: Vec<Fact>) -> Facts {
    facts(HospitalPolicy::belgian(), date!(1970 - 05 - 05), facts_)
}

fn ask(who: Principal, action: Action, f: &Facts) -> Decision {
    decide(
        &Request {
            principal: who,
            action,
            resource: Resource::Record,
        },
        f,
        NOW,
    )
}

fn outcome(d: &Decision) -> (Effect, Vec<&'static str>) {
    (d.effect, d.rules.iter().map(|r| r.as_str()).collect())
}

macro_rules! check {
    ($who:expr, $action:expr, $facts:expr => $effect:ident [$($rule:literal),*]) => {{
        let d = ask($who, $action, &$facts);
        assert_eq!(outcome(&d), (Effect::$effect, vec![$($rule),*]), "{}:{}", file!(), line!());
    }};
}

macro_rules! rule_test {
    ($name:ident $body:block) => {
        #[cfg_attr(not(target_arch = "wasm32"), test)]
        #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
        fn $name() $body
    };
}

rule_test!(own_record {
    let f = adult(vec![]);
    for action in [Action::Read, Action::RequestCopy, Action::ManageAccess, Action::OptOutOfDataReuse] {
        check!(person("patient"), action, f => Permit ["own-record"]);
    }
    check!(person("stranger"), Action::Read, f => Deny ["default-deny"]);
    check!(person("patient"), Action::ReadThroughExchange, f => Deny ["default-deny"]);
});

rule_test!(treating_relationship {
    let active = Fact::TherapeuticRelationship { practitioner: pr("dr-a"), period: Period::since(LONG_AGO) };
    let ended = Fact::TherapeuticRelationship { practitioner: pr("dr-a"), period: Period::between(LONG_AGO, YESTERDAY) };
    check!(doctor("dr-a"), Action::Read, adult(vec![active.clone()]) => Permit ["treating-relationship"]);
    check!(doctor("dr-a"), Action::ManageAccess, adult(vec![active.clone()]) => Deny ["default-deny"]);
    check!(doctor("dr-b"), Action::Read, adult(vec![active]) => Deny ["default-deny"]);
    check!(doctor("dr-a"), Action::Read, adult(vec![ended]) => Deny ["default-deny"]);
});

rule_test!(general_practitioner {
    let gp = Fact::GeneralPractitioner { practitioner: pr("gp"), period: Period::since(LONG_AGO) };
    check!(doctor("gp"), Action::Read, adult(vec![gp.clone()]) => Permit ["general-practitioner"]);
    let refused = Fact::GpAccessRefused { period: Period::since(YESTERDAY) };
    check!(doctor("gp"), Action::Read, adult(vec![gp.clone(), refused]) => Deny ["gp-access-refused"]);
    let restored = Fact::GpAccessRefused { period: Period::between(LONG_AGO, YESTERDAY) };
    check!(doctor("gp"), Action::Read, adult(vec![gp, restored]) => Permit ["general-practitioner"]);
});

rule_test!(referrer_consent {
    let granted = Fact::ReferrerConsent { practitioner: pr("ref"), period: Period::since(LONG_AGO) };
    let revoked = Fact::ReferrerConsent { practitioner: pr("ref"), period: Period::between(LONG_AGO, YESTERDAY) };
    check!(doctor("ref"), Action::Read, adult(vec![granted]) => Permit ["referrer-consent"]);
    check!(doctor("ref"), Action::Read, adult(vec![revoked]) => Deny ["referrer-consent-revoked"]);
    check!(doctor("ref"), Action::Read, adult(vec![]) => Deny ["default-deny"]);
});

rule_test!(exclusion_overrides_every_ground {
    let excluded = Fact::Exclusion { practitioner: pr("dr-a"), period: Period::since(YESTERDAY) };
    let all = vec![
        Fact::TherapeuticRelationship { practitioner: pr("dr-a"), period: Period::since(LONG_AGO) },
        Fact::GeneralPractitioner { practitioner: pr("dr-a"), period: Period::since(LONG_AGO) },
        Fact::ReferrerConsent { practitioner: pr("dr-a"), period: Period::since(LONG_AGO) },
        Fact::EmergencyAccess { practitioner: pr("dr-a"), reason: "bewusteloos".into(), period: Period::since(LONG_AGO) },
        excluded.clone(),
    ];
    check!(doctor("dr-a"), Action::Read, adult(all.clone()) => Deny ["exclusion"]);
    let lifted = Fact::Exclusion { practitioner: pr("dr-a"), period: Period::between(LONG_AGO, YESTERDAY) };
    let mut after = all;
    after.retain(|f| *f != excluded);
    after.push(lifted);
    let d = ask(doctor("dr-a"), Action::Read, &adult(after));
    assert!(d.is_permitted());
});

rule_test!(exchange_needs_consent_and_a_treating_relationship_now {
    let consent = Fact::ExchangeConsent { period: Period::since(LONG_AGO) };
    let treating = Fact::TherapeuticRelationship { practitioner: pr("ext"), period: Period::since(YESTERDAY) };
    check!(doctor("ext"), Action::ReadThroughExchange, adult(vec![consent.clone(), treating.clone()]) => Permit ["exchange-with-consent"]);
    check!(doctor("ext"), Action::ReadThroughExchange, adult(vec![treating]) => Deny ["exchange-not-allowed"]);
    check!(doctor("ext"), Action::ReadThroughExchange, adult(vec![consent.clone()]) => Deny ["exchange-not-allowed"]);
    let withdrawn = Fact::ExchangeConsent { period: Period::between(LONG_AGO, YESTERDAY) };
    let treating = Fact::TherapeuticRelationship { practitioner: pr("ext"), period: Period::since(YESTERDAY) };
    check!(doctor("ext"), Action::ReadThroughExchange, adult(vec![withdrawn, treating]) => Deny ["exchange-not-allowed"]);
});

rule_test!(emergency_access_needs_a_reason {
    let with = Fact::EmergencyAccess { practitioner: pr("er"), reason: "reanimatie".into(), period: Period::since(YESTERDAY) };
    let without = Fact::EmergencyAccess { practitioner: pr("er"), reason: "  ".into(), period: Period::since(YESTERDAY) };
    check!(doctor("er"), Action::Read, adult(vec![with]) => Permit ["emergency-access"]);
    check!(doctor("er"), Action::Read, adult(vec![without]) => Deny ["default-deny"]);
    let d = ask(doctor("er"), Action::Read, &adult(vec![Fact::EmergencyAccess { practitioner: pr("er"), reason: " reanimatie ".into(), period: Period::since(YESTERDAY) }]));
    assert_eq!(d.reasons[0].get("reason"), Some("reanimatie"));
});

rule_test!(belgian_parent_link_ends_at_15 {
    let link = Fact::ParentLink { parent: pe("mum"), period: Period::since(LONG_AGO) };
    let fourteen = facts(HospitalPolicy::belgian(), date!(2012 - 06 - 01), vec![link.clone()]);
    check!(person("mum"), Action::Read, fourteen => Permit ["be-parent-link"]);
    check!(person("mum"), Action::ManageAccess, fourteen => Permit ["be-parent-link"]);
    check!(person("mum"), Action::OptOutOfDataReuse, fourteen => Deny ["data-reuse-only-patient"]);
    let fifteen = facts(HospitalPolicy::belgian(), date!(2011 - 06 - 01), vec![link.clone()]);
    check!(person("mum"), Action::Read, fifteen => Deny ["be-parent-link-ended"]);
    // At 15 the child can name the parent as trusted person.
    let mut named = fifteen.clone();
    named.facts.push(Fact::TrustedPerson { person: pe("mum"), period: Period::since(YESTERDAY) });
    check!(person("mum"), Action::Read, named => Permit ["be-trusted-person"]);
    // A configurable threshold.
    let mut sixteen_limit = HospitalPolicy::belgian();
    sixteen_limit.parent_link_until_age = 16;
    check!(person("mum"), Action::Read, facts(sixteen_limit, date!(2011 - 06 - 01), vec![link.clone()]) => Permit ["be-parent-link"]);
    // A Dutch hospital does not know the Belgian link.
    check!(person("mum"), Action::Read, facts(HospitalPolicy::dutch(), date!(2020 - 06 - 01), vec![link]) => Deny ["default-deny"]);
});

rule_test!(dutch_parents_by_age_of_the_child {
    let authority = Fact::ParentalAuthority { parent: pe("dad"), period: Period::since(LONG_AGO) };
    let consent = Fact::ChildConsent { parent: pe("dad"), period: Period::since(YESTERDAY) };
    let nl = HospitalPolicy::dutch;
    check!(person("dad"), Action::Read, facts(nl(), date!(2015 - 01 - 01), vec![authority.clone()]) => Permit ["nl-parent-under-12"]);
    check!(person("dad"), Action::ManageAccess, facts(nl(), date!(2015 - 01 - 01), vec![authority.clone()]) => Permit ["nl-parent-under-12"]);
    check!(person("dad"), Action::Read, facts(nl(), date!(2012 - 01 - 01), vec![authority.clone()]) => Deny ["nl-child-consent-missing"]);
    check!(person("dad"), Action::Read, facts(nl(), date!(2012 - 01 - 01), vec![authority.clone(), consent.clone()]) => Permit ["nl-parent-with-child-consent"]);
    check!(person("dad"), Action::ManageAccess, facts(nl(), date!(2012 - 01 - 01), vec![authority.clone(), consent.clone()]) => Deny ["default-deny"]);
    check!(person("dad"), Action::Read, facts(nl(), date!(2010 - 01 - 01), vec![authority.clone(), consent]) => Deny ["nl-child-decides-alone"]);
    let without = Fact::ParentWithoutAuthority { parent: pe("dad") };
    check!(person("dad"), Action::Read, facts(nl(), date!(2020 - 01 - 01), vec![without]) => Deny ["nl-parent-without-authority"]);
    let ended = Fact::ParentalAuthority { parent: pe("dad"), period: Period::between(LONG_AGO, YESTERDAY) };
    check!(person("dad"), Action::Read, facts(nl(), date!(2020 - 01 - 01), vec![ended]) => Deny ["default-deny"]);
});

rule_test!(belgian_trusted_person_and_representative {
    let trusted = Fact::TrustedPerson { person: pe("friend"), period: Period::since(LONG_AGO) };
    check!(person("friend"), Action::Read, adult(vec![trusted.clone()]) => Permit ["be-trusted-person"]);
    check!(person("friend"), Action::RequestCopy, adult(vec![trusted.clone()]) => Permit ["be-trusted-person"]);
    check!(person("friend"), Action::ManageAccess, adult(vec![trusted]) => Deny ["default-deny"]);
    let revoked = Fact::TrustedPerson { person: pe("friend"), period: Period::between(LONG_AGO, YESTERDAY) };
    check!(person("friend"), Action::Read, adult(vec![revoked]) => Deny ["designation-revoked"]);

    let rep = Fact::Representative { person: pe("son"), period: Period::since(LONG_AGO) };
    let incapable = Fact::Incapacity { period: Period::since(YESTERDAY) };
    check!(person("son"), Action::ManageAccess, adult(vec![rep.clone(), incapable]) => Permit ["be-representative"]);
    check!(person("son"), Action::Read, adult(vec![rep.clone()]) => Deny ["be-representative-not-needed"]);
    let recovered = Fact::Incapacity { period: Period::between(LONG_AGO, YESTERDAY) };
    check!(person("son"), Action::Read, adult(vec![rep, recovered]) => Deny ["be-representative-not-needed"]);
});

rule_test!(dutch_authorisations {
    let nl = |f| facts(HospitalPolicy::dutch(), date!(1950 - 01 - 01), f);
    for kind in [AuthorisationKind::Curator, AuthorisationKind::Mentor, AuthorisationKind::Written] {
        let a = Fact::Authorisation { person: pe("mentor"), authorisation: kind, period: Period::since(LONG_AGO) };
        check!(person("mentor"), Action::ManageAccess, nl(vec![a]) => Permit ["nl-authorisation"]);
    }
    let revoked = Fact::Authorisation { person: pe("mentor"), authorisation: AuthorisationKind::Mentor, period: Period::between(LONG_AGO, YESTERDAY) };
    check!(person("mentor"), Action::Read, nl(vec![revoked]) => Deny ["designation-revoked"]);
    // Both a curator and a mentor: the rule is named once, with one reason, in either order.
    let curator = Fact::Authorisation { person: pe("mentor"), authorisation: AuthorisationKind::Curator, period: Period::since(LONG_AGO) };
    let mentor = Fact::Authorisation { person: pe("mentor"), authorisation: AuthorisationKind::Mentor, period: Period::since(LONG_AGO) };
    let both = ask(person("mentor"), Action::Read, &nl(vec![curator.clone(), mentor.clone()]));
    check!(person("mentor"), Action::Read, nl(vec![curator.clone(), mentor.clone()]) => Permit ["nl-authorisation"]);
    assert_eq!(both.reasons.len(), 1);
    assert_eq!(both, ask(person("mentor"), Action::Read, &nl(vec![mentor, curator])));
    // Belgian hospitals use trusted persons and representatives instead.
    let a = Fact::Authorisation { person: pe("mentor"), authorisation: AuthorisationKind::Curator, period: Period::since(LONG_AGO) };
    check!(person("mentor"), Action::Read, adult(vec![a]) => Deny ["default-deny"]);
});

fn deceased(hospital: HospitalPolicy, extra: Vec<Fact>) -> Facts {
    let mut f = facts(hospital, date!(1940 - 01 - 01), extra);
    f.patient.died_at = Some(YESTERDAY);
    f
}

rule_test!(death_ends_portal_access {
    let proxies = vec![
        Fact::TrustedPerson { person: pe("friend"), period: Period::since(LONG_AGO) },
        Fact::Representative { person: pe("son"), period: Period::since(LONG_AGO) },
        Fact::Incapacity { period: Period::since(LONG_AGO) },
    ];
    let f = deceased(HospitalPolicy::belgian(), proxies);
    check!(person("patient"), Action::Read, f => Deny ["death"]);
    check!(person("friend"), Action::Read, f => Deny ["death"]);
    check!(person("son"), Action::ManageAccess, f => Deny ["death"]);
    // The hospital's own care providers are not portal users.
    let treating = deceased(HospitalPolicy::belgian(), vec![Fact::TherapeuticRelationship { practitioner: pr("dr-a"), period: Period::since(LONG_AGO) }]);
    check!(doctor("dr-a"), Action::Read, treating => Permit ["treating-relationship"]);
});

rule_test!(relatives_after_death {
    let sister = Fact::Relative { person: pe("sister"), degree: 2 };
    let cousin = Fact::Relative { person: pe("cousin"), degree: 4 };
    let be = deceased(HospitalPolicy::belgian(), vec![sister.clone(), cousin.clone()]);
    check!(person("sister"), Action::Read, be => IndirectOnly ["be-relative-after-death"]);
    check!(person("sister"), Action::ManageAccess, be => Deny ["death"]);
    check!(person("cousin"), Action::Read, be => Deny ["death"]);
    let objected = deceased(HospitalPolicy::belgian(), vec![sister.clone(), Fact::ObjectionAfterDeath]);
    check!(person("sister"), Action::Read, objected => Deny ["be-objection-after-death"]);
    let nl = deceased(HospitalPolicy::dutch(), vec![sister, cousin]);
    check!(person("sister"), Action::Read, nl => DoctorWeighs ["nl-relative-after-death"]);
    check!(person("cousin"), Action::RequestCopy, nl => DoctorWeighs ["nl-relative-after-death"]);
    // Before death a relative has no ground at all.
    let alive = adult(vec![Fact::Relative { person: pe("sister"), degree: 2 }]);
    check!(person("sister"), Action::Read, alive => Deny ["default-deny"]);
});

fn report(status: ReportStatus, shielded: bool, date: time::Date) -> Resource {
    Resource::Report {
        report: ReportFacts {
            status,
            shielded,
            date,
            consultation_note: false,
            held: None,
        },
    }
}

rule_test!(report_rules_for_the_portal {
    let mut hospital = HospitalPolicy::belgian();
    hospital.report_cutoff = Some(date!(2016 - 08 - 15));
    let f = facts(hospital.clone(), date!(1970 - 01 - 01), vec![]);
    let read = |resource: Resource, f: &Facts| outcome(&decide(&Request { principal: person("patient"), action: Action::Read, resource }, f, NOW));
    use ReportStatus::*;
    assert_eq!(read(report(Validated, false, date!(2020 - 01 - 01)), &f), (Effect::Permit, vec!["own-record"]));
    assert_eq!(read(report(Validated, false, date!(2016 - 08 - 15)), &f), (Effect::Permit, vec!["own-record"]));
    assert_eq!(read(report(NotValidated, false, date!(2020 - 01 - 01)), &f), (Effect::Deny, vec!["report-not-validated"]));
    assert_eq!(read(report(Validated, true, date!(2020 - 01 - 01)), &f), (Effect::Deny, vec!["report-shielded"]));
    assert_eq!(read(report(Validated, false, date!(2016 - 08 - 14)), &f), (Effect::Deny, vec!["report-before-cutoff"]));
    assert_eq!(
        read(report(NotValidated, true, date!(2010 - 01 - 01)), &f),
        (Effect::Deny, vec!["report-not-validated", "report-shielded", "report-before-cutoff"])
    );
    // Children's reports, where the hospital does not show them: written before 18.
    hospital.shows_children_reports = false;
    let child = facts(hospital, date!(2005 - 03 - 01), vec![]);
    assert_eq!(read(report(Validated, false, date!(2023 - 02 - 28)), &child), (Effect::Deny, vec!["child-report-hidden"]));
    assert_eq!(read(report(Validated, false, date!(2023 - 03 - 01)), &child), (Effect::Permit, vec!["own-record"]));
    // A linked parent sees the same filtered reports.
    let mut with_link = facts(HospitalPolicy::belgian(), date!(2015 - 01 - 01), vec![Fact::ParentLink { parent: pe("mum"), period: Period::since(LONG_AGO) }]);
    with_link.hospital.report_cutoff = Some(date!(2016 - 08 - 15));
    let parent_read = |resource: Resource| outcome(&decide(&Request { principal: person("mum"), action: Action::Read, resource }, &with_link, NOW));
    assert_eq!(parent_read(report(Validated, false, date!(2020 - 01 - 01))), (Effect::Permit, vec!["be-parent-link"]));
    assert_eq!(parent_read(report(Validated, true, date!(2020 - 01 - 01))), (Effect::Deny, vec!["report-shielded"]));
    // A consultation note shows only where the hospital releases such notes; the other rules
    // still apply to it.
    let note = |shielded: bool| Resource::Report { report: ReportFacts { status: Validated, shielded, date: date!(2020 - 01 - 01), consultation_note: true, held: None } };
    assert_eq!(read(note(false), &f), (Effect::Deny, vec!["consultation-note-not-released"]));
    let mut releasing = f.clone();
    releasing.hospital.shows_consultation_notes = true;
    assert_eq!(read(note(false), &releasing), (Effect::Permit, vec!["own-record"]));
    assert_eq!(read(note(true), &releasing), (Effect::Deny, vec!["report-shielded"]));
    assert_eq!(parent_read(note(false)), (Effect::Deny, vec!["consultation-note-not-released"]));
    // A held report shows from the instant its hold ends, for the patient and a parent alike;
    // the reason says whose hold it is.
    let held = |by: HoldBy, until: Option<time::OffsetDateTime>| Resource::Report { report: ReportFacts { status: Validated, shielded: false, date: date!(2020 - 01 - 01), consultation_note: false, held: Some(Hold { by, until }) } };
    assert_eq!(read(held(HoldBy::CareTeam, Some(NOW + time::Duration::seconds(1))), &f), (Effect::Deny, vec!["held-by-care-team"]));
    assert_eq!(read(held(HoldBy::CareTeam, Some(NOW)), &f), (Effect::Permit, vec!["own-record"]));
    assert_eq!(read(held(HoldBy::Patient, None), &f), (Effect::Deny, vec!["held-at-patients-choice"]));
    assert_eq!(parent_read(held(HoldBy::Patient, Some(NOW + time::Duration::days(1)))), (Effect::Deny, vec!["held-at-patients-choice"]));
    // Practitioners are not filtered by the portal's report rules.
    let treating = facts(HospitalPolicy::belgian(), date!(1970 - 01 - 01), vec![Fact::TherapeuticRelationship { practitioner: pr("dr-a"), period: Period::since(LONG_AGO) }]);
    let d = decide(&Request { principal: doctor("dr-a"), action: Action::Read, resource: report(NotValidated, true, date!(2010 - 01 - 01)) }, &treating, NOW);
    assert!(d.is_permitted());
    let d = decide(&Request { principal: doctor("dr-a"), action: Action::Read, resource: held(HoldBy::CareTeam, None) }, &treating, NOW);
    assert!(d.is_permitted());
});

fn item(section: Section, status: ReportStatus, shielded: bool, date: time::Date) -> Resource {
    Resource::Item {
        section,
        item: ReportFacts {
            status,
            shielded,
            date,
            consultation_note: false,
            held: None,
        },
    }
}

rule_test!(section_items_for_the_portal {
    let mut hospital = HospitalPolicy::belgian();
    hospital.report_cutoff = Some(date!(2016 - 08 - 15));
    hospital.shows_children_reports = false;
    // Born 2000: everything before 2018-01-01 is from childhood.
    let f = facts(hospital, date!(2000 - 01 - 01), vec![]);
    let read = |resource: Resource| outcome(&decide(&Request { principal: person("patient"), action: Action::Read, resource }, &f, NOW));
    use ReportStatus::*;
    let old = date!(2010 - 05 - 01);
    let recent = date!(2020 - 01 - 01);
    // A lab result is dated like a report: the cutoff and the children's rule apply.
    assert_eq!(read(item(Section::Result, Validated, false, recent)), (Effect::Permit, vec!["own-record"]));
    assert_eq!(read(item(Section::Result, Validated, false, old)), (Effect::Deny, vec!["report-before-cutoff", "child-report-hidden"]));
    assert_eq!(read(item(Section::Result, Validated, false, date!(2017 - 01 - 01))), (Effect::Deny, vec!["child-report-hidden"]));
    // Safety information and appointments stay visible whatever their date…
    for section in [Section::Allergy, Section::BloodGroup, Section::Risk, Section::Medication, Section::Appointment, Section::Leaflet] {
        assert!(!section.follows_report_dates());
        assert_eq!(read(item(section, Validated, false, old)), (Effect::Permit, vec!["own-record"]), "{section:?}");
        // …but never unvalidated or shielded.
        assert_eq!(read(item(section, NotValidated, false, recent)), (Effect::Deny, vec!["report-not-validated"]), "{section:?}");
        assert_eq!(read(item(section, Validated, true, recent)), (Effect::Deny, vec!["report-shielded"]), "{section:?}");
    }
    // Someone without a ground sees no item, however visible.
    let stranger = outcome(&decide(&Request { principal: person("stranger"), action: Action::Read, resource: item(Section::Allergy, Validated, false, recent) }, &f, NOW));
    assert_eq!(stranger, (Effect::Deny, vec!["default-deny"]));
});

rule_test!(only_the_patient_opts_out_of_data_reuse {
    let f = adult(vec![
        Fact::TrustedPerson { person: pe("friend"), period: Period::since(LONG_AGO) },
        Fact::GeneralPractitioner { practitioner: pr("gp"), period: Period::since(LONG_AGO) },
    ]);
    check!(person("patient"), Action::OptOutOfDataReuse, f => Permit ["own-record"]);
    check!(person("friend"), Action::OptOutOfDataReuse, f => Deny ["data-reuse-only-patient"]);
    check!(doctor("gp"), Action::OptOutOfDataReuse, f => Deny ["data-reuse-only-patient"]);
});

rule_test!(what_if_lists_gains_and_losses {
    let gp = Fact::GeneralPractitioner { practitioner: pr("gp"), period: Period::since(LONG_AGO) };
    let f = adult(vec![gp]);
    let diffs = what_if(&f, &Change::Add { fact: Fact::GpAccessRefused { period: Period::since(NOW) } }, NOW);
    assert_eq!(diffs.len(), 1);
    assert_eq!(diffs[0].principal, doctor("gp"));
    assert_eq!(diffs[0].action, Action::Read);
    assert_eq!(diffs[0].before.effect, Effect::Permit);
    assert_eq!(diffs[0].after.rules, vec![RuleId::GpAccessRefused]);

    // A child's 15th birthday ends the Belgian link: the parent loses its four actions.
    let link = Fact::ParentLink { parent: pe("mum"), period: Period::since(LONG_AGO) };
    let child = facts(HospitalPolicy::belgian(), date!(2012 - 01 - 10), vec![link]);
    let birthday = datetime!(2027-01-09 23:00 UTC); // local midnight in Brussels
    let diffs = what_if(&child, &Change::TimePasses { at: birthday }, NOW);
    let lost: Vec<Action> = diffs.iter().filter(|d| d.principal == person("mum")).map(|d| d.action).collect();
    assert_eq!(
        lost,
        vec![Action::Read, Action::RequestCopy, Action::ManageAccess, Action::ManageAppointments]
    );

    // Ending a referrer's consent.
    let consent = Fact::ReferrerConsent { practitioner: pr("ref"), period: Period::since(LONG_AGO) };
    let f = adult(vec![consent.clone()]);
    let diffs = what_if(&f, &Change::End { fact: consent, at: NOW }, NOW);
    assert_eq!(diffs.len(), 1);
    assert_eq!(diffs[0].after.rules, vec![RuleId::ReferrerConsentRevoked]);
});

rule_test!(age_thresholds_are_exact_to_the_day {
    // NOW is 27 November 2026: a child born on 27 November reaches the age today.
    let nl = HospitalPolicy::dutch;
    let authority = Fact::ParentalAuthority { parent: pe("dad"), period: Period::since(LONG_AGO) };
    let consent = Fact::ChildConsent { parent: pe("dad"), period: Period::since(YESTERDAY) };
    check!(person("dad"), Action::Read, facts(nl(), date!(2014 - 11 - 28), vec![authority.clone()]) => Permit ["nl-parent-under-12"]);
    check!(person("dad"), Action::Read, facts(nl(), date!(2014 - 11 - 27), vec![authority.clone()]) => Deny ["nl-child-consent-missing"]);
    check!(person("dad"), Action::Read, facts(nl(), date!(2010 - 11 - 28), vec![authority.clone(), consent.clone()]) => Permit ["nl-parent-with-child-consent"]);
    check!(person("dad"), Action::Read, facts(nl(), date!(2010 - 11 - 27), vec![authority, consent]) => Deny ["nl-child-decides-alone"]);
    let link = Fact::ParentLink { parent: pe("mum"), period: Period::since(LONG_AGO) };
    check!(person("mum"), Action::Read, facts(HospitalPolicy::belgian(), date!(2011 - 11 - 28), vec![link.clone()]) => Permit ["be-parent-link"]);
    check!(person("mum"), Action::Read, facts(HospitalPolicy::belgian(), date!(2011 - 11 - 27), vec![link.clone()]) => Deny ["be-parent-link-ended"]);
    // Without a birth date no age limit can be shown to be unmet: the stricter reading applies.
    let mut unknown = facts(HospitalPolicy::belgian(), date!(2020 - 01 - 01), vec![link]);
    unknown.patient.birth_date = None;
    check!(person("mum"), Action::Read, unknown => Deny ["be-parent-link-ended"]);
});

rule_test!(children_use_the_portal_from_the_age_they_exercise_their_rights {
    // Netherlands: from 12; Belgium: from the parent-link limit (15).
    check!(person("patient"), Action::Read, facts(HospitalPolicy::dutch(), date!(2014 - 11 - 28), vec![]) => Deny ["own-record-too-young"]);
    check!(person("patient"), Action::Read, facts(HospitalPolicy::dutch(), date!(2014 - 11 - 27), vec![]) => Permit ["own-record"]);
    check!(person("patient"), Action::Read, facts(HospitalPolicy::belgian(), date!(2011 - 11 - 28), vec![]) => Deny ["own-record-too-young"]);
    check!(person("patient"), Action::Read, facts(HospitalPolicy::belgian(), date!(2011 - 11 - 27), vec![]) => Permit ["own-record"]);
    let d = ask(person("patient"), Action::Read, &facts(HospitalPolicy::belgian(), date!(2020 - 01 - 01), vec![]));
    assert_eq!(d.reasons[0].get("age"), Some("15"));
});

rule_test!(a_childs_consent_counts_only_from_12 {
    let authority = Fact::ParentalAuthority { parent: pe("dad"), period: Period::since(LONG_AGO) };
    // The child turned 12 on 1 March 2026 (born 2014-03-01); a consent from before does not count.
    let early = Fact::ChildConsent { parent: pe("dad"), period: Period::since(datetime!(2025-06-01 00:00 UTC)) };
    let given_at_12 = Fact::ChildConsent { parent: pe("dad"), period: Period::since(datetime!(2026-03-01 10:00 UTC)) };
    let nl = HospitalPolicy::dutch;
    check!(person("dad"), Action::Read, facts(nl(), date!(2014 - 03 - 01), vec![authority.clone(), early]) => Deny ["nl-child-consent-missing"]);
    check!(person("dad"), Action::Read, facts(nl(), date!(2014 - 03 - 01), vec![authority, given_at_12]) => Permit ["nl-parent-with-child-consent"]);
});

rule_test!(belgian_relatives_get_no_copy_and_kinship_0_is_none {
    let sister = Fact::Relative { person: pe("sister"), degree: 2 };
    let be = deceased(HospitalPolicy::belgian(), vec![sister]);
    check!(person("sister"), Action::RequestCopy, be => Deny ["death"]);
    let zero = deceased(HospitalPolicy::belgian(), vec![Fact::Relative { person: pe("x"), degree: 0 }]);
    check!(person("x"), Action::Read, zero => Deny ["death"]);
    // The closest kinship counts, in any order.
    let twice = |a: u8, b: u8| deceased(HospitalPolicy::belgian(), vec![Fact::Relative { person: pe("sister"), degree: a }, Fact::Relative { person: pe("sister"), degree: b }]);
    check!(person("sister"), Action::Read, twice(3, 2) => IndirectOnly ["be-relative-after-death"]);
    check!(person("sister"), Action::Read, twice(2, 3) => IndirectOnly ["be-relative-after-death"]);
});

rule_test!(rule_ids_are_the_same_in_json_and_in_the_catalogue {
    for rule in RuleId::ALL {
        assert_eq!(serde_json::to_string(&rule).unwrap(), format!("\"{}\"", rule.as_str()));
        assert_eq!(serde_json::from_str::<RuleId>(&format!("\"{}\"", rule.as_str())).unwrap(), rule);
        assert_eq!(rule.reason_key(), format!("reason.{}", rule.as_str().replace('-', "_")));
    }
});

rule_test!(dates_in_reasons_are_iso {
    let mut f = facts(HospitalPolicy::belgian(), date!(1970 - 01 - 01), vec![]);
    for cutoff in [date!(2016 - 08 - 15), date!(0999 - 01 - 02), date!(2024 - 12 - 31)] {
        f.hospital.report_cutoff = Some(cutoff);
        let d = decide(
            &Request { principal: person("patient"), action: Action::Read, resource: report(ReportStatus::Validated, false, date!(0900 - 01 - 01)) },
            &f,
            NOW,
        );
        assert_eq!(d.reasons[0].get("cutoff"), Some(cutoff.to_string().as_str()));
    }
});
