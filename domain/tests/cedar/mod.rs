//! The rule catalogue written as Cedar policies: an independent oracle for `decide`.
//!
//! The split of work is deliberate. This harness turns the facts into plain booleans and sets
//! of ids *active at `now`*, with the same small helpers the domain uses (`Period::contains`,
//! `has_reached_age`). Everything that makes the catalogue — which ground permits which action
//! for whom, in which jurisdiction, what a deny overrides, the special outcomes after death, and
//! which explanation applies when nothing permits — is written a second time, in Cedar, below.
//! Cedar has permit and forbid only, so the catalogue is three policy sets, asked in order:
//! the main set (forbid = overriding deny, permit = grounds), the special outcomes, and the
//! explanations.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::str::FromStr;

use cedar_policy::{
    Authorizer, Context, Decision as CedarDecision, Entities, EntityUid, PolicySet,
};
use inzage_domain::access::*;
use inzage_domain::calendar::{birthday, has_reached_age};
use inzage_domain::release::HoldBy;
use time::OffsetDateTime;

/// Grounds and overriding denies.
pub const MAIN: &str = r#"
@id("exclusion")
forbid (principal is Practitioner, action, resource)
when { context.excluded.contains(context.who) };

@id("death")
forbid (principal is Person, action, resource)
when {
  context.dead &&
  !((action == Action::"read" && context.jurisdiction == "BE" &&
     context.relatives_close.contains(context.who)) ||
    ((action == Action::"read" || action == Action::"request_copy") &&
     context.jurisdiction == "NL" && context.relatives_any.contains(context.who)))
};

@id("be-objection-after-death")
forbid (principal is Person, action == Action::"read", resource)
when {
  context.dead && context.jurisdiction == "BE" && context.objection &&
  context.relatives_close.contains(context.who)
};

@id("report-not-validated")
forbid (principal is Person, action, resource) when { context.is_report && !context.validated };
@id("report-shielded")
forbid (principal is Person, action, resource) when { context.is_report && context.shielded };
@id("report-before-cutoff")
forbid (principal is Person, action, resource) when { context.is_report && context.before_cutoff };
@id("child-report-hidden")
forbid (principal is Person, action, resource) when { context.is_report && context.child_report };
@id("consultation-note-not-released")
forbid (principal is Person, action, resource) when { context.is_report && context.note_withheld };
@id("held-by-care-team")
forbid (principal is Person, action, resource)
when { context.is_report && context.held_by == "care_team" && (context.held_open || context.now < context.held_until) };
@id("held-at-patients-choice")
forbid (principal is Person, action, resource)
when { context.is_report && context.held_by == "patient" && (context.held_open || context.now < context.held_until) };

@id("own-record")
permit (principal is Person,
        action in [Action::"read", Action::"request_copy", Action::"manage_access", Action::"opt_out_of_data_reuse", Action::"manage_appointments"],
        resource)
when { context.who == context.patient && !context.dead && context.own_age_ok };

@id("treating-relationship")
permit (principal is Practitioner, action == Action::"read", resource)
when { context.treating.contains(context.who) };

@id("general-practitioner")
permit (principal is Practitioner, action == Action::"read", resource)
when { context.gps.contains(context.who) && !context.gp_refused };

@id("referrer-consent")
permit (principal is Practitioner, action == Action::"read", resource)
when { context.referrers.contains(context.who) };

@id("emergency-access")
permit (principal is Practitioner, action == Action::"read", resource)
when { context.emergencies.contains(context.who) };

@id("exchange-with-consent")
permit (principal is Practitioner, action == Action::"read_through_exchange", resource)
when { context.exchange_consent && context.treating.contains(context.who) };

@id("be-parent-link")
permit (principal is Person, action in [Action::"read", Action::"request_copy", Action::"manage_access", Action::"manage_appointments"], resource)
when {
  context.proxy_rules && context.jurisdiction == "BE" && context.parent_links.contains(context.who) &&
  context.age_known && !context.reached_link_age
};

@id("nl-parent-under-12")
permit (principal is Person, action in [Action::"read", Action::"request_copy", Action::"manage_access", Action::"manage_appointments"], resource)
when {
  context.proxy_rules && context.jurisdiction == "NL" && context.authority.contains(context.who) &&
  context.age_known && !context.reached_12
};

@id("nl-parent-with-child-consent")
permit (principal is Person, action in [Action::"read", Action::"request_copy"], resource)
when {
  context.proxy_rules && context.jurisdiction == "NL" && context.authority.contains(context.who) &&
  context.age_known && context.reached_12 && !context.reached_16 &&
  context.child_consents.contains(context.who)
};

@id("be-trusted-person")
permit (principal is Person, action in [Action::"read", Action::"request_copy"], resource)
when { context.proxy_rules && context.jurisdiction == "BE" && context.trusted.contains(context.who) };

@id("be-representative")
permit (principal is Person, action in [Action::"read", Action::"request_copy", Action::"manage_access", Action::"manage_appointments"], resource)
when {
  context.proxy_rules && context.jurisdiction == "BE" && context.representatives.contains(context.who) &&
  context.incapable
};

@id("nl-authorisation")
permit (principal is Person, action in [Action::"read", Action::"request_copy", Action::"manage_access", Action::"manage_appointments"], resource)
when { context.proxy_rules && context.jurisdiction == "NL" && context.authorisations.contains(context.who) };
"#;

/// After death, when nothing overrides: the relatives' special outcomes.
pub const SPECIAL: &str = r#"
@id("be-relative-after-death")
permit (principal is Person, action == Action::"read", resource)
when {
  context.dead && context.jurisdiction == "BE" && !context.objection &&
  context.relatives_close.contains(context.who)
};

@id("nl-relative-after-death")
permit (principal is Person, action in [Action::"read", Action::"request_copy"], resource)
when { context.dead && context.jurisdiction == "NL" && context.relatives_any.contains(context.who) };
"#;

/// When nothing permits: the explanations of the rules that came close.
pub const EXPLAIN: &str = r#"
@id("own-record-too-young")
permit (principal is Person, action, resource)
when { context.who == context.patient && !context.dead && !context.own_age_ok };

@id("gp-access-refused")
permit (principal is Practitioner, action, resource)
when { context.gps.contains(context.who) && context.gp_refused };

@id("referrer-consent-revoked")
permit (principal is Practitioner, action, resource)
when { context.referrers_ended.contains(context.who) };

@id("exchange-not-allowed")
permit (principal is Practitioner, action == Action::"read_through_exchange", resource)
when { !(context.exchange_consent && context.treating.contains(context.who)) };

@id("data-reuse-only-patient")
permit (principal, action == Action::"opt_out_of_data_reuse", resource)
when { principal is Practitioner || (!context.dead && context.who != context.patient) };

@id("be-parent-link-ended")
permit (principal is Person, action, resource)
when {
  context.proxy_rules && action != Action::"opt_out_of_data_reuse" && context.jurisdiction == "BE" &&
  context.parent_links.contains(context.who) && (!context.age_known || context.reached_link_age)
};

@id("designation-revoked")
permit (principal is Person, action, resource)
when {
  context.proxy_rules && action != Action::"opt_out_of_data_reuse" &&
  ((context.jurisdiction == "BE" &&
     (context.parent_links_ended.contains(context.who) || context.trusted_ended.contains(context.who) ||
      context.representatives_ended.contains(context.who))) ||
   (context.jurisdiction == "NL" && context.authorisations_ended.contains(context.who)))
};

@id("be-representative-not-needed")
permit (principal is Person, action, resource)
when {
  context.proxy_rules && action != Action::"opt_out_of_data_reuse" && context.jurisdiction == "BE" &&
  context.representatives.contains(context.who) && !context.incapable
};

@id("nl-parent-without-authority")
permit (principal is Person, action, resource)
when {
  context.proxy_rules && action != Action::"opt_out_of_data_reuse" && context.jurisdiction == "NL" &&
  context.without_authority.contains(context.who) && !context.authority.contains(context.who)
};

@id("nl-child-consent-missing")
permit (principal is Person, action, resource)
when {
  context.proxy_rules && action != Action::"opt_out_of_data_reuse" && context.jurisdiction == "NL" &&
  context.authority.contains(context.who) && context.age_known && context.reached_12 &&
  !context.reached_16 && !context.child_consents.contains(context.who)
};

@id("nl-child-decides-alone")
permit (principal is Person, action, resource)
when {
  context.proxy_rules && action != Action::"opt_out_of_data_reuse" && context.jurisdiction == "NL" &&
  context.authority.contains(context.who) && (!context.age_known || context.reached_16)
};
"#;

/// The three policy sets, parsed once.
pub struct Oracle {
    main: PolicySet,
    special: PolicySet,
    explain: PolicySet,
    authorizer: Authorizer,
    entities: Entities,
}

/// What the oracle decided: the effect and the ids of the determining rules.
pub type Verdict = (Effect, BTreeSet<String>);

impl Oracle {
    /// Parses the policies.
    pub fn new() -> Self {
        Self {
            main: PolicySet::from_str(MAIN).expect("main policies"),
            special: PolicySet::from_str(SPECIAL).expect("special policies"),
            explain: PolicySet::from_str(EXPLAIN).expect("explanation policies"),
            authorizer: Authorizer::new(),
            entities: Entities::empty(),
        }
    }

    fn ask(&self, set: &PolicySet, request: &cedar_policy::Request) -> Option<BTreeSet<String>> {
        let response = self.authorizer.is_authorized(request, set, &self.entities);
        let ids: BTreeSet<String> = response
            .diagnostics()
            .reason()
            .map(|p| set.annotation(p, "id").unwrap_or("?").to_owned())
            .collect();
        assert!(
            response.diagnostics().errors().next().is_none(),
            "cedar evaluation error: {:?}",
            response.diagnostics().errors().collect::<Vec<_>>()
        );
        match response.decision() {
            CedarDecision::Allow => Some(ids),
            CedarDecision::Deny if !ids.is_empty() => {
                // A forbid decided: report it as the overriding deny.
                Some(ids.into_iter().map(|i| format!("forbid:{i}")).collect())
            }
            CedarDecision::Deny => None,
        }
    }

    /// Decides a request with the Cedar policies.
    pub fn decide(&self, request: &Request, facts: &Facts, now: OffsetDateTime) -> Verdict {
        let r = cedar_request(request, facts, now);
        if let Some(ids) = self.ask(&self.main, &r) {
            if ids.iter().any(|i| i.starts_with("forbid:")) {
                let ids = ids
                    .into_iter()
                    .map(|i| i.trim_start_matches("forbid:").to_owned());
                return (Effect::Deny, ids.collect());
            }
            return (Effect::Permit, ids);
        }
        if let Some(ids) = self.ask(&self.special, &r) {
            let effect = if ids.iter().any(|i| i.starts_with("be-")) {
                Effect::IndirectOnly
            } else {
                Effect::DoctorWeighs
            };
            return (effect, ids);
        }
        if let Some(ids) = self.ask(&self.explain, &r) {
            return (Effect::Deny, ids);
        }
        (Effect::Deny, BTreeSet::from(["default-deny".to_owned()]))
    }
}

fn action_name(action: Action) -> &'static str {
    match action {
        Action::Read => "read",
        Action::ReadThroughExchange => "read_through_exchange",
        Action::RequestCopy => "request_copy",
        Action::ManageAccess => "manage_access",
        Action::OptOutOfDataReuse => "opt_out_of_data_reuse",
        Action::ManageAppointments => "manage_appointments",
    }
}

/// Translates a request and its facts into a Cedar request: plain booleans and sets of ids of
/// the facts that hold at `now`.
pub fn cedar_request(
    request: &Request,
    facts: &Facts,
    now: OffsetDateTime,
) -> cedar_policy::Request {
    let (kind, who) = match &request.principal {
        Principal::Person { id } => ("Person", id.0.clone()),
        Principal::Practitioner { id } => ("Practitioner", id.0.clone()),
    };
    let mut sets: std::collections::BTreeMap<&str, BTreeSet<String>> = Default::default();
    for key in [
        "excluded",
        "treating",
        "gps",
        "referrers",
        "referrers_ended",
        "emergencies",
        "parent_links",
        "parent_links_ended",
        "authority",
        "without_authority",
        "child_consents",
        "trusted",
        "trusted_ended",
        "representatives",
        "representatives_ended",
        "authorisations",
        "authorisations_ended",
        "relatives_close",
        "relatives_any",
    ] {
        sets.insert(key, BTreeSet::new());
    }
    let mut add = |key: &'static str, id: &str| {
        sets.entry(key).or_default().insert(id.to_owned());
    };
    let mut gp_refused = false;
    let mut exchange_consent = false;
    let mut incapable = false;
    let mut objection = false;
    for fact in &facts.facts {
        match fact {
            Fact::Exclusion {
                practitioner,
                period,
            } if period.contains(now) => add("excluded", &practitioner.0),
            Fact::TherapeuticRelationship {
                practitioner,
                period,
            } if period.contains(now) => add("treating", &practitioner.0),
            Fact::GeneralPractitioner {
                practitioner,
                period,
            } if period.contains(now) => add("gps", &practitioner.0),
            Fact::GpAccessRefused { period } if period.contains(now) => gp_refused = true,
            Fact::ReferrerConsent {
                practitioner,
                period,
            } => {
                if period.contains(now) {
                    add("referrers", &practitioner.0);
                } else if period.ended_by(now) {
                    add("referrers_ended", &practitioner.0);
                }
            }
            Fact::EmergencyAccess {
                practitioner,
                reason,
                period,
            } if period.contains(now) && !reason.trim().is_empty() => {
                add("emergencies", &practitioner.0)
            }
            Fact::ExchangeConsent { period } if period.contains(now) => exchange_consent = true,
            Fact::ParentLink { parent, period } => {
                if period.contains(now) {
                    add("parent_links", &parent.0);
                } else if period.ended_by(now) {
                    add("parent_links_ended", &parent.0);
                }
            }
            Fact::ParentalAuthority { parent, period } if period.contains(now) => {
                add("authority", &parent.0)
            }
            Fact::ParentWithoutAuthority { parent } => add("without_authority", &parent.0),
            Fact::ChildConsent { parent, period } if period.contains(now) => {
                add("child_consents", &parent.0)
            }
            Fact::TrustedPerson { person, period } => {
                if period.contains(now) {
                    add("trusted", &person.0);
                } else if period.ended_by(now) {
                    add("trusted_ended", &person.0);
                }
            }
            Fact::Representative { person, period } => {
                if period.contains(now) {
                    add("representatives", &person.0);
                } else if period.ended_by(now) {
                    add("representatives_ended", &person.0);
                }
            }
            Fact::Incapacity { period } if period.contains(now) => incapable = true,
            Fact::Authorisation { person, period, .. } => {
                if period.contains(now) {
                    add("authorisations", &person.0);
                } else if period.ended_by(now) {
                    add("authorisations_ended", &person.0);
                }
            }
            Fact::Relative { person, degree } if *degree >= 1 => {
                add("relatives_any", &person.0);
                if *degree <= 2 {
                    add("relatives_close", &person.0);
                }
            }
            Fact::ObjectionAfterDeath => objection = true,
            _ => {}
        }
    }
    let patient = &facts.patient;
    let hospital = &facts.hospital;
    let tz = hospital.time_zone;
    let reached = |years: u8| {
        patient
            .birth_date
            .is_some_and(|b| has_reached_age(b, years, now, tz))
    };
    let dead = patient.died_at.is_some_and(|d| d <= now);
    let item_flags = |report: &ReportFacts, dated: bool| {
        (
            true,
            report.status == ReportStatus::Validated,
            report.shielded,
            dated && hospital.report_cutoff.is_some_and(|c| report.date < c),
            dated
                && !hospital.shows_children_reports
                && patient
                    .birth_date
                    .is_some_and(|b| report.date < birthday(b, 18)),
        )
    };
    let note_withheld = match &request.resource {
        Resource::Report { report } | Resource::Item { item: report, .. } => {
            report.consultation_note && !hospital.shows_consultation_notes
        }
        Resource::Record => false,
    };
    // The hold as data; the comparison with the clock is the policy's.
    let held = match &request.resource {
        Resource::Report { report } | Resource::Item { item: report, .. } => report.held,
        Resource::Record => None,
    };
    let (held_by, held_open, held_until) = match held {
        None => ("", false, 0),
        Some(h) => (
            match h.by {
                HoldBy::CareTeam => "care_team",
                HoldBy::Patient => "patient",
            },
            h.until.is_none(),
            h.until.map_or(0, |t| t.unix_timestamp()),
        ),
    };
    let (is_report, validated, shielded, before_cutoff, child_report) = match &request.resource {
        Resource::Record => (false, true, false, false, false),
        Resource::Report { report } => item_flags(report, true),
        Resource::Item { section, item } => item_flags(item, section.follows_report_dates()),
    };
    let mut context = serde_json::json!({
        "who": who,
        "patient": patient.id.0,
        "jurisdiction": match hospital.jurisdiction { Jurisdiction::Belgium => "BE", Jurisdiction::Netherlands => "NL" },
        "dead": dead,
        // Proxy rules apply to a living record, asked by someone other than the patient.
        "proxy_rules": kind == "Person" && !dead && who != patient.id.0,
        "age_known": patient.birth_date.is_some(),
        // The age from which a patient uses the portal: NL 12, BE the parent-link limit.
        "own_age_ok": patient.birth_date.is_none() || match hospital.jurisdiction {
            Jurisdiction::Netherlands => reached(12),
            Jurisdiction::Belgium => reached(hospital.parent_link_until_age),
        },
        "reached_12": reached(12),
        "reached_16": reached(16),
        "reached_link_age": reached(hospital.parent_link_until_age),
        "gp_refused": gp_refused,
        "exchange_consent": exchange_consent,
        "incapable": incapable,
        "objection": objection,
        "is_report": is_report,
        "validated": validated,
        "shielded": shielded,
        "before_cutoff": before_cutoff,
        "child_report": child_report,
        "note_withheld": note_withheld,
        "held_by": held_by,
        "held_open": held_open,
        "held_until": held_until,
        "now": now.unix_timestamp(),
    });
    for (key, ids) in sets {
        context[key] = serde_json::json!(ids.into_iter().collect::<Vec<_>>());
    }
    let principal =
        EntityUid::from_str(&format!("{kind}::{}", serde_json::json!(who))).expect("principal uid");
    let action = EntityUid::from_str(&format!("Action::\"{}\"", action_name(request.action)))
        .expect("action uid");
    let resource = EntityUid::from_str("Record::\"record\"").expect("resource uid");
    let context = Context::from_json_value(context, None).expect("context");
    cedar_policy::Request::new(principal, action, resource, context, None).expect("cedar request")
}
