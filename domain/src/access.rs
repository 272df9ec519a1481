//! Access decisions: one pure function from a request and its facts to a decision with reasons.
//!
//! Shaped after Cedar's authorizer: deny by default, an explicit deny beats every permit, and the
//! decision names the rules that determined it and explains them as translatable messages. The
//! server calls [`decide`] for every item it returns; the app calls it to explain the screen.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use crate::message::Message;

/// Identifies a patient (the person a record is about).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PatientId(pub String);

/// Who is asking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Principal {
    /// A patient logged in to their own account.
    Patient {
        /// The patient the account belongs to.
        patient: PatientId,
    },
}

/// What the principal wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Read one report (verslag) of a record.
    ReadReport,
}

/// Whether a report has been validated by its author.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    /// Final, amended or corrected: the author signed it off.
    Validated,
    /// Preliminary, registered, cancelled or entered in error.
    NotValidated,
}

/// The facts about one report that the rules look at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportFacts {
    /// Whose record the report belongs to.
    pub patient: PatientId,
    /// Whether the report is validated.
    pub status: ReportStatus,
    /// Whether the care team shielded it (FHIR confidentiality R or V): therapeutic exception or
    /// third-party data.
    pub shielded: bool,
    /// The clinically relevant date of the report.
    pub date: Date,
    /// The writing hospital's cutoff date: reports before it are never shown in the portal.
    pub hospital_cutoff: Option<Date>,
}

/// The request to decide: who, what, on which resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// Who is asking.
    pub principal: Principal,
    /// What they want to do.
    pub action: Action,
    /// The report concerned, with its facts.
    pub report: ReportFacts,
}

/// The outcome of a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// The action is allowed.
    Permit,
    /// The action is not allowed.
    Deny,
}

/// A rule of the catalogue, by its stable id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleId {
    /// Nothing permitted the request.
    DefaultDeny,
    /// A patient reads their own record.
    OwnRecord,
    /// A report that is not validated is never shown.
    ReportNotValidated,
    /// A shielded report is never shown in the portal.
    ReportShielded,
    /// A report dated before its hospital's cutoff date is never shown.
    ReportBeforeCutoff,
}

impl RuleId {
    /// The stable id, as it appears in JSON and in the documentation.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleId::DefaultDeny => "default-deny",
            RuleId::OwnRecord => "own-record",
            RuleId::ReportNotValidated => "report-not-validated",
            RuleId::ReportShielded => "report-shielded",
            RuleId::ReportBeforeCutoff => "report-before-cutoff",
        }
    }
}

/// A decision: its effect, the rules that determined it, and why, as translatable messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// Permit or deny.
    pub effect: Effect,
    /// The rules that determined the effect, sorted and without duplicates.
    pub rules: Vec<RuleId>,
    /// One reason per determining rule, in the same order.
    pub reasons: Vec<Message>,
}

impl Decision {
    /// Whether the action is allowed.
    pub fn is_permitted(&self) -> bool {
        self.effect == Effect::Permit
    }
}

/// Decides a request. Pure: the same inputs always give the same decision.
///
/// Every matching deny rule is reported when any matches; otherwise every matching permit rule;
/// otherwise [`RuleId::DefaultDeny`].
///
/// ```
/// use inzage_domain::access::*;
/// use time::macros::{date, datetime};
///
/// let me = PatientId("p1".into());
/// let request = Request {
///     principal: Principal::Patient { patient: me.clone() },
///     action: Action::ReadReport,
///     report: ReportFacts {
///         patient: me,
///         status: ReportStatus::Validated,
///         shielded: false,
///         date: date!(2020 - 01 - 01),
///         hospital_cutoff: Some(date!(2016 - 08 - 15)),
///     },
/// };
/// let decision = decide(&request, datetime!(2026-11-27 12:00 UTC));
/// assert!(decision.is_permitted());
/// assert_eq!(decision.rules, vec![RuleId::OwnRecord]);
/// ```
pub fn decide(request: &Request, _now: OffsetDateTime) -> Decision {
    let report = &request.report;
    let mut denies: Vec<(RuleId, Message)> = Vec::new();
    let mut permits: Vec<(RuleId, Message)> = Vec::new();

    match &request.principal {
        Principal::Patient { patient } if *patient == report.patient => {
            permits.push((RuleId::OwnRecord, Message::new("reason.own_record")));
        }
        Principal::Patient { .. } => {}
    }

    match request.action {
        Action::ReadReport => {
            if report.status != ReportStatus::Validated {
                denies.push((
                    RuleId::ReportNotValidated,
                    Message::new("reason.report_not_validated"),
                ));
            }
            if report.shielded {
                denies.push((
                    RuleId::ReportShielded,
                    Message::new("reason.report_shielded"),
                ));
            }
            if let Some(cutoff) = report.hospital_cutoff {
                if report.date < cutoff {
                    denies.push((
                        RuleId::ReportBeforeCutoff,
                        Message::new("reason.report_before_cutoff")
                            .arg("cutoff", cutoff.to_string()),
                    ));
                }
            }
        }
    }

    let (effect, mut determining) = if !denies.is_empty() {
        (Effect::Deny, denies)
    } else if !permits.is_empty() {
        (Effect::Permit, permits)
    } else {
        (
            Effect::Deny,
            vec![(RuleId::DefaultDeny, Message::new("reason.default_deny"))],
        )
    };
    determining.sort();
    determining.dedup();
    let (rules, reasons) = determining.into_iter().unzip();
    Decision {
        effect,
        rules,
        reasons,
    }
}

// proptest needs an OS random source: these run natively; tests/browser.rs runs the tables in wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::{date, datetime};

    const NOW: OffsetDateTime = datetime!(2026-11-27 12:00 UTC);

    fn report(owner: &str) -> ReportFacts {
        ReportFacts {
            patient: PatientId(owner.into()),
            status: ReportStatus::Validated,
            shielded: false,
            date: date!(2020 - 05 - 01),
            hospital_cutoff: Some(date!(2016 - 08 - 15)),
        }
    }

    fn ask(who: &str, report: ReportFacts) -> Decision {
        decide(
            &Request {
                principal: Principal::Patient {
                    patient: PatientId(who.into()),
                },
                action: Action::ReadReport,
                report,
            },
            NOW,
        )
    }

    #[test]
    fn patient_reads_own_validated_report() {
        let d = ask("p1", report("p1"));
        assert_eq!(d.effect, Effect::Permit);
        assert_eq!(d.rules, vec![RuleId::OwnRecord]);
        assert_eq!(d.reasons, vec![Message::new("reason.own_record")]);
    }

    #[test]
    fn another_patients_report_is_denied_by_default() {
        let d = ask("p2", report("p1"));
        assert_eq!(d.effect, Effect::Deny);
        assert_eq!(d.rules, vec![RuleId::DefaultDeny]);
    }

    #[test]
    fn each_report_rule_turns_a_permit_into_a_deny() {
        type Change = fn(&mut ReportFacts);
        let table: [(Change, RuleId); 3] = [
            (
                |r| r.status = ReportStatus::NotValidated,
                RuleId::ReportNotValidated,
            ),
            (|r| r.shielded = true, RuleId::ReportShielded),
            (
                |r| r.date = date!(2016 - 08 - 14),
                RuleId::ReportBeforeCutoff,
            ),
        ];
        for (change, rule) in table {
            let mut r = report("p1");
            change(&mut r);
            let d = ask("p1", r);
            assert_eq!(d.effect, Effect::Deny, "{rule:?}");
            assert_eq!(d.rules, vec![rule]);
        }
    }

    #[test]
    fn the_cutoff_date_itself_is_shown() {
        let mut r = report("p1");
        r.date = date!(2016 - 08 - 15);
        assert!(ask("p1", r).is_permitted());
    }

    #[test]
    fn no_cutoff_means_no_cutoff_rule() {
        let mut r = report("p1");
        r.hospital_cutoff = None;
        r.date = date!(1990 - 01 - 01);
        assert!(ask("p1", r).is_permitted());
    }

    #[test]
    fn the_cutoff_reason_names_the_date() {
        let mut r = report("p1");
        r.date = date!(2010 - 01 - 01);
        let d = ask("p1", r);
        assert_eq!(d.reasons[0].get("cutoff"), Some("2016-08-15"));
    }

    #[test]
    fn decisions_serialize_with_stable_rule_ids() {
        let d = ask("p1", report("p1"));
        let json = serde_json::to_string(&d).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"effect":"permit","rules":["own-record"],"reasons":[{"key":"reason.own_record"}]}"#
        );
        for rule in [
            RuleId::DefaultDeny,
            RuleId::OwnRecord,
            RuleId::ReportNotValidated,
            RuleId::ReportShielded,
            RuleId::ReportBeforeCutoff,
        ] {
            assert_eq!(
                serde_json::to_string(&rule).unwrap_or_default(),
                format!("\"{}\"", rule.as_str())
            );
        }
    }

    fn arb_date() -> impl Strategy<Value = Date> {
        (2000i32..2030, 1u8..=12, 1u8..=28).prop_filter_map("valid date", |(y, m, d)| {
            time::Month::try_from(m)
                .ok()
                .and_then(|m| Date::from_calendar_date(y, m, d).ok())
        })
    }

    prop_compose! {
        fn arb_report()(
            owner in prop::sample::select(vec!["p1", "p2"]),
            validated in any::<bool>(),
            shielded in any::<bool>(),
            date in arb_date(),
            cutoff in prop::option::of(arb_date()),
        ) -> ReportFacts {
            ReportFacts {
                patient: PatientId(owner.into()),
                status: if validated { ReportStatus::Validated } else { ReportStatus::NotValidated },
                shielded,
                date,
                hospital_cutoff: cutoff,
            }
        }
    }

    proptest! {
        /// The patient sees a report exactly when it is theirs, validated, not shielded and not
        /// before the cutoff: flipping any one condition loses it.
        #[test]
        fn permitted_exactly_when_every_condition_holds(r in arb_report()) {
            let expected = r.patient.0 == "p1"
                && r.status == ReportStatus::Validated
                && !r.shielded
                && r.hospital_cutoff.is_none_or(|c| r.date >= c);
            prop_assert_eq!(ask("p1", r).is_permitted(), expected);
        }

        /// A decision always names at least one rule and gives a reason for each.
        #[test]
        fn every_decision_is_explained(r in arb_report()) {
            let d = ask("p1", r);
            prop_assert!(!d.rules.is_empty());
            prop_assert_eq!(d.rules.len(), d.reasons.len());
        }

        /// A shielded report is denied whoever asks.
        #[test]
        fn shielding_always_wins(mut r in arb_report(), who in prop::sample::select(vec!["p1", "p2"])) {
            r.shielded = true;
            let d = ask(who, r);
            prop_assert_eq!(d.effect, Effect::Deny);
        }
    }
}
