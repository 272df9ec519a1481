//! Managing access: the patient's commands on the "Toegangen" page, checked and turned into
//! changes of the facts, and the overview of who can read the record and why.
//!
//! The browser runs [`plan`] to offer only the commands that will succeed and to preview their
//! effect ([`crate::access::effects`]); the server runs the same [`plan`] again before it stores
//! anything, so both refuse the same command with the same reason.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::access::{
    decide, effects, Action, Change, Decision, Difference, Fact, Facts, Jurisdiction, Period,
    PersonId, PractitionerId, Principal, Request, Resource,
};
use crate::calendar::{birthday, has_reached_age};
use crate::message::Message;

/// One change the patient (or someone managing access for them) asks for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum AccessCommand {
    /// Withdraw the GP's automatic access (record-wide: it also covers a later GP).
    RefuseGp,
    /// Restore the GP's automatic access.
    RestoreGp,
    /// Approve a referring practitioner's request to read the record.
    ApproveReferrer {
        /// Who asked.
        practitioner: PractitionerId,
    },
    /// Refuse a referring practitioner's pending request (no fact changes; the request closes).
    RefuseReferrer {
        /// Who asked.
        practitioner: PractitionerId,
    },
    /// Withdraw an approved referrer's access.
    RevokeReferrer {
        /// Who.
        practitioner: PractitionerId,
    },
    /// Exclude a named practitioner (uitsluiting): overrides every other ground.
    Exclude {
        /// Who.
        practitioner: PractitionerId,
    },
    /// Lift an exclusion.
    LiftExclusion {
        /// Who.
        practitioner: PractitionerId,
    },
    /// Give the one-time consent for exchange between institutions (eHealth).
    GiveExchangeConsent,
    /// Withdraw the exchange consent.
    WithdrawExchangeConsent,
    /// Opt out of reuse for research outside the hospital's legal tasks.
    OptOutOfReuse,
    /// Withdraw that opt-out.
    WithdrawReuseOptOut,
    /// End a treating practitioner's access. Always refused: a therapeutic relationship in the
    /// network cannot be refused as such, only a named practitioner excluded.
    EndTreatment {
        /// Who.
        practitioner: PractitionerId,
    },
    /// The Netherlands: a child of 12 to 15 lets a parent with parental authority see the
    /// record (WGBO art. 7:457). Only the child gives it.
    GiveChildConsent {
        /// The parent.
        parent: PersonId,
    },
    /// The child withdraws that consent.
    WithdrawChildConsent {
        /// The parent.
        parent: PersonId,
    },
    /// End a designation: a trusted person, a representative (Belgium) or an authorisation
    /// (the Netherlands). Nobody revokes their own designation this way.
    RevokeDesignation {
        /// The designated person.
        person: PersonId,
    },
}

impl AccessCommand {
    /// The command's `kind` as it appears in JSON (`refuse_gp`, `exclude`, …), which also
    /// names it in the audit trail and in translation keys.
    /// ```
    /// use inzage_domain::manage::AccessCommand;
    /// let c = AccessCommand::Exclude { practitioner: inzage_domain::PractitionerId("dr-a".into()) };
    /// assert_eq!(c.kind(), "exclude");
    /// assert!(serde_json::to_string(&c).unwrap().contains(r#""kind":"exclude""#));
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            AccessCommand::RefuseGp => "refuse_gp",
            AccessCommand::RestoreGp => "restore_gp",
            AccessCommand::ApproveReferrer { .. } => "approve_referrer",
            AccessCommand::RefuseReferrer { .. } => "refuse_referrer",
            AccessCommand::RevokeReferrer { .. } => "revoke_referrer",
            AccessCommand::Exclude { .. } => "exclude",
            AccessCommand::LiftExclusion { .. } => "lift_exclusion",
            AccessCommand::GiveExchangeConsent => "give_exchange_consent",
            AccessCommand::WithdrawExchangeConsent => "withdraw_exchange_consent",
            AccessCommand::OptOutOfReuse => "opt_out_of_reuse",
            AccessCommand::WithdrawReuseOptOut => "withdraw_reuse_opt_out",
            AccessCommand::EndTreatment { .. } => "end_treatment",
            AccessCommand::GiveChildConsent { .. } => "give_child_consent",
            AccessCommand::WithdrawChildConsent { .. } => "withdraw_child_consent",
            AccessCommand::RevokeDesignation { .. } => "revoke_designation",
        }
    }

    /// The practitioner the command is about, if any.
    pub fn practitioner(&self) -> Option<&PractitionerId> {
        match self {
            AccessCommand::ApproveReferrer { practitioner }
            | AccessCommand::RefuseReferrer { practitioner }
            | AccessCommand::RevokeReferrer { practitioner }
            | AccessCommand::Exclude { practitioner }
            | AccessCommand::LiftExclusion { practitioner }
            | AccessCommand::EndTreatment { practitioner } => Some(practitioner),
            AccessCommand::RefuseGp
            | AccessCommand::RestoreGp
            | AccessCommand::GiveExchangeConsent
            | AccessCommand::WithdrawExchangeConsent
            | AccessCommand::OptOutOfReuse
            | AccessCommand::WithdrawReuseOptOut
            | AccessCommand::GiveChildConsent { .. }
            | AccessCommand::WithdrawChildConsent { .. }
            | AccessCommand::RevokeDesignation { .. } => None,
        }
    }

    /// The person (not practitioner) the command is about, if any.
    pub fn person(&self) -> Option<&PersonId> {
        match self {
            AccessCommand::GiveChildConsent { parent }
            | AccessCommand::WithdrawChildConsent { parent } => Some(parent),
            AccessCommand::RevokeDesignation { person } => Some(person),
            _ => None,
        }
    }

    /// The action the domain must permit before the command is considered.
    pub fn action(&self) -> Action {
        match self {
            AccessCommand::OptOutOfReuse | AccessCommand::WithdrawReuseOptOut => {
                Action::OptOutOfDataReuse
            }
            _ => Action::ManageAccess,
        }
    }
}

/// Why a command was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Refusal {
    /// The person may not manage this record's access at all: the decision says why.
    NotAllowed {
        /// The decision on [`AccessCommand::action`].
        decision: Decision,
    },
    /// The command does not fit the record as it stands (already done, nothing to undo, or a
    /// ground the patient cannot refuse).
    Conflict {
        /// What is wrong, as a message key.
        message: Message,
    },
}

fn conflict(key: &'static str) -> Refusal {
    Refusal::Conflict {
        message: Message::new(key),
    }
}

/// The facts of `facts` that hold at `now` and satisfy `pick`.
fn holding<'a>(
    facts: &'a Facts,
    now: OffsetDateTime,
    pick: impl Fn(&Fact) -> bool + 'a,
) -> impl Iterator<Item = &'a Fact> + 'a {
    facts
        .facts
        .iter()
        .filter(move |f| pick(f) && f.period().is_some_and(|p| p.contains(now)))
}

/// Adds `fact` unless one like it holds already (then `already` is the conflict).
fn start(
    facts: &Facts,
    now: OffsetDateTime,
    same: impl Fn(&Fact) -> bool,
    fact: Fact,
    already: &'static str,
) -> Result<Vec<Change>, Refusal> {
    if holding(facts, now, same).next().is_some() {
        return Err(conflict(already));
    }
    Ok(vec![Change::Add { fact }])
}

/// Ends every holding fact that `same` picks (none holding: `nothing` is the conflict).
fn stop(
    facts: &Facts,
    now: OffsetDateTime,
    same: impl Fn(&Fact) -> bool,
    nothing: &'static str,
) -> Result<Vec<Change>, Refusal> {
    let mut changes: Vec<Change> = Vec::new();
    for fact in holding(facts, now, same) {
        let change = Change::End {
            fact: fact.clone(),
            at: now,
        };
        if !changes.contains(&change) {
            changes.push(change);
        }
    }
    if changes.is_empty() {
        return Err(conflict(nothing));
    }
    Ok(changes)
}

/// Checks a command of `principal` against the record and returns the changes of the facts
/// that carry it out at `now`.
///
/// The principal must be permitted [`AccessCommand::action`] on the record (the patient, or a
/// parent or representative who manages access for them); a practitioner never is. A treating
/// relationship can never be ended here; a command that would change nothing is refused rather
/// than silently accepted, so the person learns the record was not as they thought.
///
/// ```
/// use inzage_domain::access::*;
/// use inzage_domain::manage::{plan, AccessCommand, Refusal};
/// use time::macros::{date, datetime};
/// let now = datetime!(2026-11-27 12:00 UTC);
/// let me = PersonId("p1".into());
/// let facts = Facts {
///     patient: Patient { id: me.clone(), birth_date: Some(date!(1970 - 01 - 01)), died_at: None },
///     hospital: HospitalPolicy::belgian(),
///     facts: vec![],
/// };
/// let patient = Principal::Person { id: me };
/// let changes = plan(&patient, &AccessCommand::RefuseGp, &facts, now).unwrap();
/// assert_eq!(changes.len(), 1);
/// let doctor = Principal::Practitioner { id: PractitionerId("dr-a".into()) };
/// assert!(matches!(plan(&doctor, &AccessCommand::RefuseGp, &facts, now), Err(Refusal::NotAllowed { .. })));
/// ```
pub fn plan(
    principal: &Principal,
    command: &AccessCommand,
    facts: &Facts,
    now: OffsetDateTime,
) -> Result<Vec<Change>, Refusal> {
    let decision = decide(
        &Request {
            principal: principal.clone(),
            action: command.action(),
            resource: Resource::Record,
        },
        facts,
        now,
    );
    if !decision.is_permitted() {
        return Err(Refusal::NotAllowed { decision });
    }
    let since = Period::since(now);
    match command {
        AccessCommand::RefuseGp => start(
            facts,
            now,
            |f| matches!(f, Fact::GpAccessRefused { .. }),
            Fact::GpAccessRefused { period: since },
            "access.gp_already_refused",
        ),
        AccessCommand::RestoreGp => stop(
            facts,
            now,
            |f| matches!(f, Fact::GpAccessRefused { .. }),
            "access.gp_not_refused",
        ),
        AccessCommand::ApproveReferrer { practitioner } => start(
            facts,
            now,
            |f| matches!(f, Fact::ReferrerConsent { practitioner: p, .. } if p == practitioner),
            Fact::ReferrerConsent {
                practitioner: practitioner.clone(),
                period: since,
            },
            "access.referrer_already_approved",
        ),
        // Refusing a request changes no fact; it is allowed only while no consent holds, so a
        // refusal cannot be mistaken for a revocation.
        AccessCommand::RefuseReferrer { practitioner } => {
            let consented = holding(
                facts,
                now,
                |f| matches!(f, Fact::ReferrerConsent { practitioner: p, .. } if p == practitioner),
            )
            .next()
            .is_some();
            if consented {
                Err(conflict("access.referrer_already_approved"))
            } else {
                Ok(Vec::new())
            }
        }
        AccessCommand::RevokeReferrer { practitioner } => stop(
            facts,
            now,
            |f| matches!(f, Fact::ReferrerConsent { practitioner: p, .. } if p == practitioner),
            "access.referrer_not_approved",
        ),
        AccessCommand::Exclude { practitioner } => start(
            facts,
            now,
            |f| matches!(f, Fact::Exclusion { practitioner: p, .. } if p == practitioner),
            Fact::Exclusion {
                practitioner: practitioner.clone(),
                period: since,
            },
            "access.already_excluded",
        ),
        AccessCommand::LiftExclusion { practitioner } => stop(
            facts,
            now,
            |f| matches!(f, Fact::Exclusion { practitioner: p, .. } if p == practitioner),
            "access.not_excluded",
        ),
        AccessCommand::GiveExchangeConsent => start(
            facts,
            now,
            |f| matches!(f, Fact::ExchangeConsent { .. }),
            Fact::ExchangeConsent { period: since },
            "access.exchange_already_given",
        ),
        AccessCommand::WithdrawExchangeConsent => stop(
            facts,
            now,
            |f| matches!(f, Fact::ExchangeConsent { .. }),
            "access.exchange_not_given",
        ),
        AccessCommand::OptOutOfReuse => start(
            facts,
            now,
            |f| matches!(f, Fact::DataReuseOptOut { .. }),
            Fact::DataReuseOptOut { period: since },
            "access.reuse_already_opted_out",
        ),
        AccessCommand::WithdrawReuseOptOut => stop(
            facts,
            now,
            |f| matches!(f, Fact::DataReuseOptOut { .. }),
            "access.reuse_not_opted_out",
        ),
        AccessCommand::EndTreatment { .. } => Err(conflict("access.treating_cannot_be_refused")),
        AccessCommand::GiveChildConsent { parent } => {
            child_consent_applies(principal, parent, facts, now)?;
            start(
                facts,
                now,
                |f| matches!(f, Fact::ChildConsent { parent: p, .. } if p == parent),
                Fact::ChildConsent {
                    parent: parent.clone(),
                    period: since,
                },
                "access.child_consent_already_given",
            )
        }
        AccessCommand::WithdrawChildConsent { parent } => {
            if *principal != patient_principal(facts) {
                return Err(conflict("access.only_the_child_consents"));
            }
            stop(
                facts,
                now,
                |f| matches!(f, Fact::ChildConsent { parent: p, .. } if p == parent),
                "access.child_consent_not_given",
            )
        }
        AccessCommand::RevokeDesignation { person } => {
            if *principal == (Principal::Person { id: person.clone() }) {
                return Err(conflict("access.cannot_revoke_self"));
            }
            stop(
                facts,
                now,
                |f| {
                    matches!(f,
                        Fact::TrustedPerson { person: p, .. }
                        | Fact::Representative { person: p, .. }
                        | Fact::Authorisation { person: p, .. } if p == person)
                },
                "access.no_designation",
            )
        }
    }
}

/// A designation staff can approve from a signed form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DesignationKind {
    /// Belgium: a trusted person (vertrouwenspersoon), patient rights law art. 7 §2.
    TrustedPerson,
    /// Belgium: a representative (vertegenwoordiger), art. 14.
    Representative,
    /// The Netherlands: a curator appointed by the court.
    Curator,
    /// The Netherlands: a mentor appointed by the court.
    Mentor,
    /// The Netherlands: a written authorisation by the patient (machtiging).
    WrittenAuthorisation,
}

impl DesignationKind {
    /// The kind as stored and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            DesignationKind::TrustedPerson => "trusted_person",
            DesignationKind::Representative => "representative",
            DesignationKind::Curator => "curator",
            DesignationKind::Mentor => "mentor",
            DesignationKind::WrittenAuthorisation => "written_authorisation",
        }
    }

    /// The kind of a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        [
            DesignationKind::TrustedPerson,
            DesignationKind::Representative,
            DesignationKind::Curator,
            DesignationKind::Mentor,
            DesignationKind::WrittenAuthorisation,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// The fact an approved designation form creates, by the law of the patient's hospital: Belgian
/// patients name trusted persons and representatives, Dutch patients give authorisations (or a
/// court appoints a curator or mentor). Anything else is refused with its reason.
///
/// ```
/// use inzage_domain::access::*;
/// use inzage_domain::manage::{designation, DesignationKind};
/// use time::macros::{date, datetime};
/// let facts = Facts {
///     patient: Patient { id: PersonId("p1".into()), birth_date: Some(date!(1948 - 11 - 08)), died_at: None },
///     hospital: HospitalPolicy::belgian(),
///     facts: vec![],
/// };
/// let now = datetime!(2026-11-27 12:00 UTC);
/// let friend = PersonId("friend".into());
/// assert!(matches!(designation(&facts, DesignationKind::TrustedPerson, &friend, now), Ok(Fact::TrustedPerson { .. })));
/// assert_eq!(designation(&facts, DesignationKind::Mentor, &friend, now).unwrap_err().key, "designation.wrong_country");
/// ```
pub fn designation(
    facts: &Facts,
    kind: DesignationKind,
    person: &PersonId,
    now: OffsetDateTime,
) -> Result<Fact, Message> {
    if *person == facts.patient.id {
        return Err(Message::new("designation.own_record"));
    }
    if facts.patient.died_at.is_some_and(|d| d <= now) {
        return Err(Message::new("designation.patient_died"));
    }
    let period = Period::since(now);
    let person = person.clone();
    use crate::access::AuthorisationKind as A;
    match (facts.hospital.jurisdiction, kind) {
        (Jurisdiction::Belgium, DesignationKind::TrustedPerson) => {
            Ok(Fact::TrustedPerson { person, period })
        }
        (Jurisdiction::Belgium, DesignationKind::Representative) => {
            Ok(Fact::Representative { person, period })
        }
        (Jurisdiction::Netherlands, DesignationKind::Curator) => Ok(Fact::Authorisation {
            person,
            authorisation: A::Curator,
            period,
        }),
        (Jurisdiction::Netherlands, DesignationKind::Mentor) => Ok(Fact::Authorisation {
            person,
            authorisation: A::Mentor,
            period,
        }),
        (Jurisdiction::Netherlands, DesignationKind::WrittenAuthorisation) => {
            Ok(Fact::Authorisation {
                person,
                authorisation: A::Written,
                period,
            })
        }
        _ => Err(Message::new("designation.wrong_country")),
    }
}

/// The age from which a person is an adult: representation by application is for adults, a
/// minor is represented by their parents (who ask for a link instead).
pub const ADULT_AGE: u8 = 18;

impl DesignationKind {
    /// Whether someone other than the patient may apply for it, for an adult who cannot decide:
    /// a representative (Belgium, patient rights law art. 14 §2: a partner, adult child, parent
    /// or sibling acts when the patient named nobody), or a curator or mentor the court appointed
    /// (the Netherlands). A trusted person and a written authorisation are the patient's own act.
    pub fn by_applicant(self) -> bool {
        matches!(
            self,
            DesignationKind::Representative | DesignationKind::Curator | DesignationKind::Mentor
        )
    }
}

/// The facts an approved application creates: `applicant` asks to represent an adult patient
/// who cannot decide, with the signed form (or the court's decision), and staff approve it.
///
/// - Belgium: the applicant becomes the patient's representative. A representative acts only
///   while the patient cannot exercise their rights, so staff must establish that
///   (`incapacity_established`, from a doctor's assessment); the approval then records the
///   incapacity too, unless one holds already.
/// - The Netherlands: the curator or mentor the court appointed; the court's decision is the
///   ground, so staff record no incapacity (asking to is refused).
///
/// A representative the patient named earlier by their own form applies the same way when the
/// patient can no longer decide: the approval then records only the incapacity.
///
/// Refused: the patient's own record, a deceased patient, a minor or a patient without a birth
/// date (parents represent minors; they ask for a link), a kind the patient must give
/// themselves, a kind the law of the patient's hospital does not know, and what already holds.
///
/// ```
/// use inzage_domain::access::*;
/// use inzage_domain::manage::{representation, DesignationKind};
/// use time::macros::{date, datetime};
/// let facts = Facts {
///     patient: Patient { id: PersonId("p1".into()), birth_date: Some(date!(1948 - 11 - 08)), died_at: None },
///     hospital: HospitalPolicy::belgian(),
///     facts: vec![],
/// };
/// let now = datetime!(2026-11-27 12:00 UTC);
/// let daughter = PersonId("daughter".into());
/// let facts_made = representation(&facts, DesignationKind::Representative, &daughter, true, now).unwrap();
/// assert!(matches!(facts_made.as_slice(), [Fact::Representative { .. }, Fact::Incapacity { .. }]));
/// let refused = representation(&facts, DesignationKind::Representative, &daughter, false, now);
/// assert_eq!(refused.unwrap_err().key, "representation.incapacity_needed");
/// ```
pub fn representation(
    facts: &Facts,
    kind: DesignationKind,
    applicant: &PersonId,
    incapacity_established: bool,
    now: OffsetDateTime,
) -> Result<Vec<Fact>, Message> {
    if !kind.by_applicant() {
        return Err(Message::new("representation.patient_only"));
    }
    if *applicant == facts.patient.id {
        return Err(Message::new("designation.own_record"));
    }
    if facts.patient.died_at.is_some_and(|d| d <= now) {
        return Err(Message::new("designation.patient_died"));
    }
    let hospital = &facts.hospital;
    let Some(birth) = facts.patient.birth_date else {
        return Err(Message::new("representation.no_birth_date"));
    };
    if !has_reached_age(birth, ADULT_AGE, now, hospital.time_zone) {
        return Err(Message::new("representation.minor").arg("age", ADULT_AGE.to_string()));
    }
    let incapable = facts.incapable(now);
    let named = facts.facts.iter().any(|f| {
        matches!(f, Fact::Representative { person, period }
            if kind == DesignationKind::Representative && person == applicant && period.contains(now))
    });
    // A named representative needs only the incapacity; with it, they already act.
    let already = (named && incapable)
        || facts.facts.iter().any(|f| match f {
            Fact::Authorisation {
                person,
                authorisation,
                period,
            } => {
                person == applicant
                    && period.contains(now)
                    && matches!(
                        (kind, authorisation),
                        (
                            DesignationKind::Curator,
                            crate::access::AuthorisationKind::Curator
                        ) | (
                            DesignationKind::Mentor,
                            crate::access::AuthorisationKind::Mentor
                        )
                    )
            }
            _ => false,
        });
    if already {
        return Err(Message::new("representation.already"));
    }
    match (hospital.jurisdiction, kind) {
        (Jurisdiction::Belgium, DesignationKind::Representative) => {
            if !incapable && !incapacity_established {
                return Err(Message::new("representation.incapacity_needed"));
            }
            // A representative the patient named earlier needs only the incapacity recorded.
            let mut out = Vec::new();
            if !named {
                out.push(designation(facts, kind, applicant, now)?);
            }
            if !incapable {
                out.push(Fact::Incapacity {
                    period: Period::since(now),
                });
            }
            Ok(out)
        }
        (Jurisdiction::Netherlands, DesignationKind::Curator | DesignationKind::Mentor)
            if incapacity_established =>
        {
            Err(Message::new("representation.incapacity_be_only"))
        }
        _ => Ok(vec![designation(facts, kind, applicant, now)?]),
    }
}

/// The changes when staff record that the patient can decide again (a doctor's assessment):
/// every incapacity holding at `now` ends then, so a Belgian representative no longer acts for
/// the patient from that instant (the designation itself stays, for a later incapacity).
///
/// ```
/// use inzage_domain::access::*;
/// use inzage_domain::manage::capacity_regained;
/// use time::macros::{date, datetime};
/// let now = datetime!(2026-11-27 12:00 UTC);
/// let mut facts = Facts {
///     patient: Patient { id: PersonId("p1".into()), birth_date: Some(date!(1948 - 11 - 08)), died_at: None },
///     hospital: HospitalPolicy::belgian(),
///     facts: vec![],
/// };
/// assert_eq!(capacity_regained(&facts, now).unwrap_err().key, "incapacity.none");
/// facts.facts.push(Fact::Incapacity { period: Period::since(datetime!(2026-01-01 0:00 UTC)) });
/// assert!(matches!(capacity_regained(&facts, now).unwrap().as_slice(), [Change::End { .. }]));
/// ```
pub fn capacity_regained(facts: &Facts, now: OffsetDateTime) -> Result<Vec<Change>, Message> {
    stop(
        facts,
        now,
        |f| matches!(f, Fact::Incapacity { .. }),
        "incapacity.none",
    )
    .map_err(|r| match r {
        Refusal::Conflict { message } => message,
        Refusal::NotAllowed { .. } => Message::new("incapacity.none"),
    })
}

/// A child's consent is the child's own act, under Dutch law, between 12 and 16, for a parent
/// with parental authority.
fn child_consent_applies(
    principal: &Principal,
    parent: &PersonId,
    facts: &Facts,
    now: OffsetDateTime,
) -> Result<(), Refusal> {
    if *principal != patient_principal(facts) {
        return Err(conflict("access.only_the_child_consents"));
    }
    let hospital = &facts.hospital;
    let age_between = facts.patient.birth_date.is_some_and(|b| {
        has_reached_age(b, 12, now, hospital.time_zone)
            && !has_reached_age(b, 16, now, hospital.time_zone)
    });
    if hospital.jurisdiction != Jurisdiction::Netherlands || !age_between {
        return Err(conflict("access.child_consent_not_applicable"));
    }
    let authority = holding(
        facts,
        now,
        |f| matches!(f, Fact::ParentalAuthority { parent: p, .. } if p == parent),
    )
    .next()
    .is_some();
    if !authority {
        return Err(conflict("access.not_a_parent_with_authority"));
    }
    Ok(())
}

fn patient_principal(facts: &Facts) -> Principal {
    Principal::Person {
        id: facts.patient.id.clone(),
    }
}

/// The fact an approved parent's request for a link to a child's record creates, by the law
/// of the child's hospital: Belgium a parent–child link while the child is under the
/// parent-link age (15); the Netherlands parental authority while the child is under 16 (the
/// rules then give access under 12, and from 12 only with the child's consent).
///
/// ```
/// use inzage_domain::access::*;
/// use inzage_domain::manage::parent_link;
/// use time::macros::{date, datetime};
/// let child = |birth| Facts {
///     patient: Patient { id: PersonId("kid".into()), birth_date: Some(birth), died_at: None },
///     hospital: HospitalPolicy::belgian(),
///     facts: vec![],
/// };
/// let now = datetime!(2026-11-27 12:00 UTC);
/// let mum = PersonId("mum".into());
/// assert!(matches!(parent_link(&child(date!(2012 - 11 - 11)), &mum, now), Ok(Fact::ParentLink { .. })));
/// assert_eq!(parent_link(&child(date!(2011 - 03 - 01)), &mum, now).unwrap_err().key, "link.child_too_old");
/// ```
pub fn parent_link(facts: &Facts, parent: &PersonId, now: OffsetDateTime) -> Result<Fact, Message> {
    let hospital = &facts.hospital;
    let Some(birth) = facts.patient.birth_date else {
        // Without a birth date no age limit can be checked: no link (the stricter reading).
        return Err(Message::new("link.no_birth_date"));
    };
    if facts.patient.died_at.is_some_and(|d| d <= now) {
        return Err(Message::new("link.child_died"));
    }
    if *parent == facts.patient.id {
        return Err(Message::new("link.own_record"));
    }
    let period = Period::since(now);
    match hospital.jurisdiction {
        Jurisdiction::Belgium => {
            let limit = hospital.parent_link_until_age;
            if has_reached_age(birth, limit, now, hospital.time_zone) {
                return Err(Message::new("link.child_too_old").arg("age", limit.to_string()));
            }
            Ok(Fact::ParentLink {
                parent: parent.clone(),
                period,
            })
        }
        Jurisdiction::Netherlands => {
            if has_reached_age(birth, 16, now, hospital.time_zone) {
                return Err(Message::new("link.child_too_old").arg("age", "16"));
            }
            Ok(Fact::ParentalAuthority {
                parent: parent.clone(),
                period,
            })
        }
    }
}

/// The fact staff record when they refuse a parent's link request because the parent has no
/// parental authority (the Netherlands: such a parent has no access through the portal, WGBO
/// art. 7:465, not even with the child's consent; the child's Toegangen page names them with
/// that reason). Belgium has no such fact: a Belgian request is approved as a link or refused.
///
/// ```
/// use inzage_domain::access::*;
/// use inzage_domain::manage::parent_without_authority;
/// let child = |hospital| Facts {
///     patient: Patient { id: PersonId("kid".into()), birth_date: None, died_at: None },
///     hospital,
///     facts: vec![],
/// };
/// let dad = PersonId("dad".into());
/// assert!(matches!(parent_without_authority(&child(HospitalPolicy::dutch()), &dad), Ok(Fact::ParentWithoutAuthority { .. })));
/// assert_eq!(parent_without_authority(&child(HospitalPolicy::belgian()), &dad).unwrap_err().key, "link.authority_nl_only");
/// ```
pub fn parent_without_authority(facts: &Facts, parent: &PersonId) -> Result<Fact, Message> {
    if *parent == facts.patient.id {
        return Err(Message::new("link.own_record"));
    }
    match facts.hospital.jurisdiction {
        Jurisdiction::Belgium => Err(Message::new("link.authority_nl_only")),
        Jurisdiction::Netherlands => Ok(Fact::ParentWithoutAuthority {
            parent: parent.clone(),
        }),
    }
}

/// What changes on the patient's next birthday that changes anyone's access.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgeChange {
    /// The birthday.
    pub on: time::Date,
    /// The age reached that day.
    pub age: u8,
    /// The instant it takes effect: local midnight in the hospital's time zone.
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// Who gains or loses what (every action on the record).
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Object>))]
    pub differences: Vec<Difference>,
}

impl AgeChange {
    /// Whether it comes within [`crate::notify::AGE_CHANGE_AHEAD`] of `now`: the time in which
    /// the people concerned are told by e-mail, and the portal shows it highlighted.
    /// ```
    /// use inzage_domain::manage::AgeChange;
    /// use time::macros::{date, datetime};
    /// let change = AgeChange { on: date!(2027 - 01 - 10), age: 15, at: datetime!(2027-01-09 23:00 UTC), differences: vec![] };
    /// assert!(change.is_soon(datetime!(2026-12-20 12:00 UTC)));
    /// assert!(!change.is_soon(datetime!(2026-11-20 12:00 UTC)), "more than 31 days ahead");
    /// assert!(!change.is_soon(datetime!(2027-01-09 23:00 UTC)), "it has happened");
    /// ```
    pub fn is_soon(&self, now: OffsetDateTime) -> bool {
        now < self.at && now >= self.at - crate::notify::AGE_CHANGE_AHEAD
    }
}

/// The next birthday, after `now`, on which someone's access to the record changes (a parent's
/// link ending at 15 in Belgium; the child's own access at 12 and a parent's needing consent,
/// and at 16 the child deciding alone, in the Netherlands), with what changes. Parents and
/// children see it ahead of time. Only the ages the rules know are tried; `None` when none of
/// them changes anything.
///
/// ```
/// use inzage_domain::access::*;
/// use inzage_domain::manage::next_age_change;
/// use time::macros::{date, datetime};
/// let facts = Facts {
///     patient: Patient { id: PersonId("kid".into()), birth_date: Some(date!(2012 - 11 - 11)), died_at: None },
///     hospital: HospitalPolicy::belgian(),
///     facts: vec![Fact::ParentLink { parent: PersonId("mum".into()), period: Period::since(datetime!(2013-01-01 0:00 UTC)) }],
/// };
/// let change = next_age_change(&facts, datetime!(2026-11-27 12:00 UTC)).unwrap();
/// assert_eq!((change.on, change.age), (date!(2027 - 11 - 11), 15));
/// assert_eq!(change.at, datetime!(2027-11-10 23:00 UTC), "midnight in Brussels");
/// ```
pub fn next_age_change(facts: &Facts, now: OffsetDateTime) -> Option<AgeChange> {
    let birth = facts.patient.birth_date?;
    let hospital = &facts.hospital;
    let mut ages = vec![12u8, 16, 18, hospital.parent_link_until_age];
    ages.sort_unstable();
    ages.dedup();
    ages.into_iter().find_map(|age| {
        let on = birthday(birth, age);
        let at = hospital.time_zone.start_of_day(on);
        if at <= now {
            return None;
        }
        let differences = effects(facts, &[Change::TimePasses { at }], now);
        (!differences.is_empty()).then_some(AgeChange {
            on,
            age,
            at,
            differences,
        })
    })
}

/// How a person is related to the record, for grouping the overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// The general practitioner.
    GeneralPractitioner,
    /// A practitioner treating the patient in the hospital network.
    Treating,
    /// A referring practitioner with (or once with) the patient's consent.
    Referrer,
    /// A practitioner with emergency access.
    Emergency,
    /// A trusted person (Belgium).
    TrustedPerson,
    /// A representative (Belgium) or an authorised person (the Netherlands).
    Representative,
    /// A parent.
    Parent,
    /// A practitioner the patient excluded, related to the record in no other way now.
    Excluded,
}

/// One person on the overview: how they relate to the record, whether they can read it now and
/// why, and the commands that would succeed for them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Who.
    pub principal: Principal,
    /// How they relate to the record.
    pub group: Group,
    /// The decision on reading the record now, with its reasons.
    pub read: Decision,
    /// Whether an exclusion of this practitioner holds now.
    pub excluded: bool,
    /// The commands about this person that [`plan`] accepts now for the patient.
    pub commands: Vec<AccessCommand>,
}

/// The record-wide settings the patient controls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// Whether the GP's automatic access is refused.
    pub gp_refused: bool,
    /// Whether the exchange consent holds.
    pub exchange_consent: bool,
    /// Since when the patient opted out of data reuse, if they did.
    #[serde(with = "time::serde::rfc3339::option")]
    pub reuse_opted_out_since: Option<OffsetDateTime>,
}

/// The record-wide settings at `now`.
pub fn settings(facts: &Facts, now: OffsetDateTime) -> Settings {
    Settings {
        gp_refused: holding(facts, now, |f| matches!(f, Fact::GpAccessRefused { .. }))
            .next()
            .is_some(),
        exchange_consent: holding(facts, now, |f| matches!(f, Fact::ExchangeConsent { .. }))
            .next()
            .is_some(),
        reuse_opted_out_since: holding(facts, now, |f| matches!(f, Fact::DataReuseOptOut { .. }))
            .filter_map(Fact::period)
            .map(|p| p.from)
            .min(),
    }
}

/// The group a principal belongs to through the facts holding at `now`, the closest first;
/// `None` when no holding fact names them.
fn group_of(principal: &Principal, facts: &Facts, now: OffsetDateTime) -> Option<Group> {
    let mut best: Option<Group> = None;
    for fact in &facts.facts {
        let holds = fact.period().is_none_or(|p| p.contains(now));
        if !holds {
            continue;
        }
        let group = match (principal, fact) {
            (Principal::Practitioner { id }, Fact::GeneralPractitioner { practitioner, .. })
                if id == practitioner =>
            {
                Group::GeneralPractitioner
            }
            (
                Principal::Practitioner { id },
                Fact::TherapeuticRelationship { practitioner, .. },
            ) if id == practitioner => Group::Treating,
            (Principal::Practitioner { id }, Fact::ReferrerConsent { practitioner, .. })
                if id == practitioner =>
            {
                Group::Referrer
            }
            (Principal::Practitioner { id }, Fact::EmergencyAccess { practitioner, .. })
                if id == practitioner =>
            {
                Group::Emergency
            }
            (Principal::Practitioner { id }, Fact::Exclusion { practitioner, .. })
                if id == practitioner =>
            {
                Group::Excluded
            }
            (Principal::Person { id }, Fact::TrustedPerson { person, .. }) if id == person => {
                Group::TrustedPerson
            }
            (
                Principal::Person { id },
                Fact::Representative { person, .. } | Fact::Authorisation { person, .. },
            ) if id == person => Group::Representative,
            (
                Principal::Person { id },
                Fact::ParentLink { parent, .. }
                | Fact::ParentalAuthority { parent, .. }
                | Fact::ParentWithoutAuthority { parent }
                | Fact::ChildConsent { parent, .. },
            ) if id == parent => Group::Parent,
            _ => continue,
        };
        best = Some(best.map_or(group, |b| b.min(group)));
    }
    best
}

/// Everyone who can read the record at `now`, or whom a fact holding now names (a GP whose
/// access was refused, an excluded practitioner), with the reasons and the commands available
/// to `manager` (normally the patient). Sorted by group, then by principal.
///
/// ```
/// use inzage_domain::access::*;
/// use inzage_domain::manage::{overview, AccessCommand, Group};
/// use time::macros::{date, datetime};
/// let now = datetime!(2026-11-27 12:00 UTC);
/// let me = PersonId("p1".into());
/// let gp = PractitionerId("dr-gp".into());
/// let facts = Facts {
///     patient: Patient { id: me.clone(), birth_date: Some(date!(1970 - 01 - 01)), died_at: None },
///     hospital: HospitalPolicy::belgian(),
///     facts: vec![Fact::GeneralPractitioner { practitioner: gp.clone(), period: Period::since(datetime!(2020-01-01 0:00 UTC)) }],
/// };
/// let entries = overview(&Principal::Person { id: me }, &facts, now);
/// assert_eq!(entries[0].group, Group::GeneralPractitioner);
/// assert!(entries[0].read.is_permitted());
/// assert!(entries[0].commands.contains(&AccessCommand::RefuseGp));
/// ```
pub fn overview(manager: &Principal, facts: &Facts, now: OffsetDateTime) -> Vec<Entry> {
    let mut entries: Vec<Entry> = crate::access::principals(facts)
        .into_iter()
        .filter(|p| *p != patient_principal(facts))
        .filter_map(|principal| {
            let read = decide(
                &Request {
                    principal: principal.clone(),
                    action: Action::Read,
                    resource: Resource::Record,
                },
                facts,
                now,
            );
            let group = group_of(&principal, facts, now)?;
            let excluded = match &principal {
                Principal::Practitioner { id } => holding(
                    facts,
                    now,
                    |f| matches!(f, Fact::Exclusion { practitioner, .. } if practitioner == id),
                )
                .next()
                .is_some(),
                Principal::Person { .. } => false,
            };
            let commands = candidates(&principal, group)
                .into_iter()
                .filter(|c| plan(manager, c, facts, now).is_ok())
                .collect();
            Some(Entry {
                principal,
                group,
                read,
                excluded,
                commands,
            })
        })
        .collect();
    entries.sort_by(|a, b| (a.group, &a.principal).cmp(&(b.group, &b.principal)));
    entries
}

/// The commands worth offering for a person of a group (each still checked by [`plan`]).
fn candidates(principal: &Principal, group: Group) -> Vec<AccessCommand> {
    let id = match principal {
        Principal::Person { id } if group == Group::Parent => {
            return vec![
                AccessCommand::GiveChildConsent { parent: id.clone() },
                AccessCommand::WithdrawChildConsent { parent: id.clone() },
            ];
        }
        Principal::Person { id }
            if matches!(group, Group::TrustedPerson | Group::Representative) =>
        {
            return vec![AccessCommand::RevokeDesignation { person: id.clone() }];
        }
        Principal::Person { .. } => return Vec::new(),
        Principal::Practitioner { id } => id,
    };
    let practitioner = id.clone();
    let mut out = Vec::new();
    if group == Group::GeneralPractitioner {
        out.extend([AccessCommand::RefuseGp, AccessCommand::RestoreGp]);
    }
    out.extend([
        AccessCommand::RevokeReferrer {
            practitioner: practitioner.clone(),
        },
        AccessCommand::Exclude {
            practitioner: practitioner.clone(),
        },
        AccessCommand::LiftExclusion { practitioner },
    ]);
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;
    use crate::access::{HospitalPolicy, Patient, PersonId, RuleId};
    use time::macros::{date, datetime};

    const NOW: OffsetDateTime = datetime!(2026-11-27 12:00 UTC);
    const LONG_AGO: OffsetDateTime = datetime!(2020-01-01 0:00 UTC);

    fn doctor(id: &str) -> PractitionerId {
        PractitionerId(id.into())
    }

    fn record(facts: Vec<Fact>) -> Facts {
        Facts {
            patient: Patient {
                id: PersonId("p1".into()),
                birth_date: Some(date!(1970 - 01 - 01)),
                died_at: None,
            },
            hospital: HospitalPolicy::belgian(),
            facts,
        }
    }

    fn patient() -> Principal {
        Principal::Person {
            id: PersonId("p1".into()),
        }
    }

    fn run(facts: &Facts, command: AccessCommand) -> Result<Facts, Refusal> {
        let changes = plan(&patient(), &command, facts, NOW)?;
        let mut out = facts.clone();
        for c in &changes {
            out = crate::access::apply(&out, c, NOW).0;
        }
        Ok(out)
    }

    fn reads(facts: &Facts, who: &str) -> Decision {
        decide(
            &Request {
                principal: Principal::Practitioner { id: doctor(who) },
                action: Action::Read,
                resource: Resource::Record,
            },
            facts,
            NOW,
        )
    }

    fn conflict_key(r: Result<Facts, Refusal>) -> String {
        match r {
            Err(Refusal::Conflict { message }) => message.key.into_owned(),
            other => panic!("expected a conflict, got {other:?}"),
        }
    }

    #[test]
    fn refusing_and_restoring_the_gp() {
        let facts = record(vec![Fact::GeneralPractitioner {
            practitioner: doctor("gp"),
            period: Period::since(LONG_AGO),
        }]);
        let refused = run(&facts, AccessCommand::RefuseGp).unwrap();
        assert_eq!(reads(&refused, "gp").rules, vec![RuleId::GpAccessRefused]);
        assert_eq!(
            conflict_key(run(&refused, AccessCommand::RefuseGp)),
            "access.gp_already_refused"
        );
        let restored = run(&refused, AccessCommand::RestoreGp).unwrap();
        assert!(reads(&restored, "gp").is_permitted());
        assert_eq!(
            conflict_key(run(&facts, AccessCommand::RestoreGp)),
            "access.gp_not_refused"
        );
    }

    #[test]
    fn approving_refusing_and_revoking_a_referrer() {
        let facts = record(vec![]);
        let ref_a = || doctor("ref");
        assert!(!reads(&facts, "ref").is_permitted());
        assert_eq!(
            plan(
                &patient(),
                &AccessCommand::RefuseReferrer {
                    practitioner: ref_a()
                },
                &facts,
                NOW
            ),
            Ok(vec![])
        );
        let approved = run(
            &facts,
            AccessCommand::ApproveReferrer {
                practitioner: ref_a(),
            },
        )
        .unwrap();
        assert_eq!(reads(&approved, "ref").rules, vec![RuleId::ReferrerConsent]);
        assert_eq!(
            conflict_key(run(
                &approved,
                AccessCommand::RefuseReferrer {
                    practitioner: ref_a()
                }
            )),
            "access.referrer_already_approved"
        );
        let revoked = run(
            &approved,
            AccessCommand::RevokeReferrer {
                practitioner: ref_a(),
            },
        )
        .unwrap();
        assert_eq!(
            reads(&revoked, "ref").rules,
            vec![RuleId::ReferrerConsentRevoked]
        );
        assert_eq!(
            conflict_key(run(
                &revoked,
                AccessCommand::RevokeReferrer {
                    practitioner: ref_a()
                }
            )),
            "access.referrer_not_approved"
        );
    }

    #[test]
    fn an_exclusion_overrides_treatment_and_can_be_lifted() {
        let facts = record(vec![Fact::TherapeuticRelationship {
            practitioner: doctor("dr-a"),
            period: Period::since(LONG_AGO),
        }]);
        let excluded = run(
            &facts,
            AccessCommand::Exclude {
                practitioner: doctor("dr-a"),
            },
        )
        .unwrap();
        assert_eq!(reads(&excluded, "dr-a").rules, vec![RuleId::Exclusion]);
        assert_eq!(
            conflict_key(run(
                &excluded,
                AccessCommand::Exclude {
                    practitioner: doctor("dr-a")
                }
            )),
            "access.already_excluded"
        );
        let lifted = run(
            &excluded,
            AccessCommand::LiftExclusion {
                practitioner: doctor("dr-a"),
            },
        )
        .unwrap();
        assert!(reads(&lifted, "dr-a").is_permitted());
    }

    #[test]
    fn a_treating_relationship_cannot_be_ended_by_the_patient() {
        let facts = record(vec![Fact::TherapeuticRelationship {
            practitioner: doctor("dr-a"),
            period: Period::since(LONG_AGO),
        }]);
        assert_eq!(
            conflict_key(run(
                &facts,
                AccessCommand::EndTreatment {
                    practitioner: doctor("dr-a")
                }
            )),
            "access.treating_cannot_be_refused"
        );
    }

    #[test]
    fn exchange_consent_and_reuse_opt_out_toggle() {
        let facts = record(vec![]);
        let given = run(&facts, AccessCommand::GiveExchangeConsent).unwrap();
        assert!(settings(&given, NOW).exchange_consent);
        assert_eq!(
            conflict_key(run(&given, AccessCommand::GiveExchangeConsent)),
            "access.exchange_already_given"
        );
        let withdrawn = run(&given, AccessCommand::WithdrawExchangeConsent).unwrap();
        assert!(!settings(&withdrawn, NOW).exchange_consent);
        assert_eq!(
            conflict_key(run(&withdrawn, AccessCommand::WithdrawExchangeConsent)),
            "access.exchange_not_given"
        );
        let out = run(&facts, AccessCommand::OptOutOfReuse).unwrap();
        assert_eq!(settings(&out, NOW).reuse_opted_out_since, Some(NOW));
        assert_eq!(
            conflict_key(run(&out, AccessCommand::OptOutOfReuse)),
            "access.reuse_already_opted_out"
        );
        let back = run(&out, AccessCommand::WithdrawReuseOptOut).unwrap();
        assert_eq!(settings(&back, NOW).reuse_opted_out_since, None);
    }

    #[test]
    fn only_someone_who_manages_access_may_command() {
        let facts = record(vec![Fact::TherapeuticRelationship {
            practitioner: doctor("dr-a"),
            period: Period::since(LONG_AGO),
        }]);
        let treating = Principal::Practitioner { id: doctor("dr-a") };
        let stranger = Principal::Person {
            id: PersonId("stranger".into()),
        };
        for who in [treating, stranger] {
            for command in [
                AccessCommand::RefuseGp,
                AccessCommand::Exclude {
                    practitioner: doctor("dr-b"),
                },
                AccessCommand::OptOutOfReuse,
            ] {
                assert!(
                    matches!(
                        plan(&who, &command, &facts, NOW),
                        Err(Refusal::NotAllowed { .. })
                    ),
                    "{who:?} {command:?}"
                );
            }
        }
    }

    #[test]
    fn a_linked_parent_manages_access_but_cannot_opt_out_of_reuse() {
        let mut facts = record(vec![Fact::ParentLink {
            parent: PersonId("mum".into()),
            period: Period::since(LONG_AGO),
        }]);
        facts.patient.birth_date = Some(date!(2020 - 01 - 01));
        let mum = Principal::Person {
            id: PersonId("mum".into()),
        };
        assert!(plan(&mum, &AccessCommand::RefuseGp, &facts, NOW).is_ok());
        let Err(Refusal::NotAllowed { decision }) =
            plan(&mum, &AccessCommand::OptOutOfReuse, &facts, NOW)
        else {
            panic!("a parent opted out of reuse");
        };
        assert_eq!(decision.rules, vec![RuleId::DataReuseOnlyPatient]);
    }

    #[test]
    fn the_overview_groups_people_and_offers_only_what_succeeds() {
        let facts = record(vec![
            Fact::GeneralPractitioner {
                practitioner: doctor("gp"),
                period: Period::since(LONG_AGO),
            },
            Fact::TherapeuticRelationship {
                practitioner: doctor("dr-a"),
                period: Period::since(LONG_AGO),
            },
            Fact::TherapeuticRelationship {
                practitioner: doctor("dr-old"),
                period: Period::between(LONG_AGO, datetime!(2021-01-01 0:00 UTC)),
            },
            Fact::ReferrerConsent {
                practitioner: doctor("ref"),
                period: Period::since(LONG_AGO),
            },
            Fact::Exclusion {
                practitioner: doctor("dr-x"),
                period: Period::since(LONG_AGO),
            },
        ]);
        let entries = overview(&patient(), &facts, NOW);
        let groups: Vec<(String, Group, bool)> = entries
            .iter()
            .map(|e| match &e.principal {
                Principal::Practitioner { id } => (id.0.clone(), e.group, e.read.is_permitted()),
                Principal::Person { id } => (id.0.clone(), e.group, e.read.is_permitted()),
            })
            .collect();
        assert_eq!(
            groups,
            vec![
                ("gp".into(), Group::GeneralPractitioner, true),
                ("dr-a".into(), Group::Treating, true),
                ("ref".into(), Group::Referrer, true),
                ("dr-x".into(), Group::Excluded, false),
            ],
            "an ended treatment is not listed"
        );
        assert_eq!(
            entries[0].commands,
            vec![
                AccessCommand::RefuseGp,
                AccessCommand::Exclude {
                    practitioner: doctor("gp")
                }
            ]
        );
        assert_eq!(
            entries[1].commands,
            vec![AccessCommand::Exclude {
                practitioner: doctor("dr-a")
            }]
        );
        assert!(entries[2]
            .commands
            .contains(&AccessCommand::RevokeReferrer {
                practitioner: doctor("ref")
            }));
        assert!(entries[3].excluded);
        assert_eq!(
            entries[3].commands,
            vec![AccessCommand::LiftExclusion {
                practitioner: doctor("dr-x")
            }]
        );
    }

    fn dutch_child(birth: time::Date, facts: Vec<Fact>) -> Facts {
        Facts {
            patient: Patient {
                id: PersonId("kid".into()),
                birth_date: Some(birth),
                died_at: None,
            },
            hospital: HospitalPolicy::dutch(),
            facts,
        }
    }

    #[test]
    fn a_dutch_child_of_12_to_15_gives_and_withdraws_consent_to_a_parent() {
        let mum = PersonId("mum".into());
        let kid = Principal::Person {
            id: PersonId("kid".into()),
        };
        let mum_reads = |facts: &Facts| {
            decide(
                &Request {
                    principal: Principal::Person { id: mum.clone() },
                    action: Action::Read,
                    resource: Resource::Record,
                },
                facts,
                NOW,
            )
        };
        let facts = dutch_child(
            date!(2012 - 11 - 11),
            vec![Fact::ParentalAuthority {
                parent: mum.clone(),
                period: Period::since(LONG_AGO),
            }],
        );
        assert_eq!(mum_reads(&facts).rules, vec![RuleId::NlChildConsentMissing]);
        let give = AccessCommand::GiveChildConsent {
            parent: mum.clone(),
        };
        let mut after = facts.clone();
        for c in plan(&kid, &give, &facts, NOW).unwrap() {
            after = crate::access::apply(&after, &c, NOW).0;
        }
        assert_eq!(
            mum_reads(&after).rules,
            vec![RuleId::NlParentWithChildConsent]
        );
        // The overview offers the child exactly the command that fits.
        let entries = overview(&kid, &after, NOW);
        assert_eq!(entries[0].group, Group::Parent);
        assert_eq!(
            entries[0].commands,
            vec![AccessCommand::WithdrawChildConsent {
                parent: mum.clone()
            }]
        );
        // Only the child consents; not in Belgium; not before 12 or from 16; only for a parent
        // with authority.
        let conflict_of = |who: &Principal, c: &AccessCommand, f: &Facts| match plan(who, c, f, NOW)
        {
            Err(Refusal::Conflict { message }) => message.key.into_owned(),
            other => panic!("{other:?}"),
        };
        let mum_p = Principal::Person { id: mum.clone() };
        let young = dutch_child(date!(2016 - 01 - 01), facts.facts.clone());
        assert_eq!(
            conflict_of(&mum_p, &give, &young),
            "access.only_the_child_consents",
            "a parent of a child under 12 manages access, but cannot consent for the child"
        );
        assert!(
            matches!(
                plan(&kid, &give, &young, NOW),
                Err(Refusal::NotAllowed { .. })
            ),
            "a child under 12 has no portal access of their own"
        );
        let old = dutch_child(date!(2010 - 01 - 01), facts.facts.clone());
        assert_eq!(
            conflict_of(&kid, &give, &old),
            "access.child_consent_not_applicable"
        );
        let belgian = Facts {
            hospital: HospitalPolicy::belgian(),
            ..facts.clone()
        };
        assert!(plan(&kid, &give, &belgian, NOW).is_err());
        let stranger = AccessCommand::GiveChildConsent {
            parent: PersonId("stranger".into()),
        };
        assert_eq!(
            conflict_of(&kid, &stranger, &facts),
            "access.not_a_parent_with_authority"
        );
    }

    #[test]
    fn the_next_age_change_is_previewed_with_its_effects() {
        let mum = PersonId("mum".into());
        let nl = dutch_child(
            date!(2015 - 02 - 28),
            vec![Fact::ParentalAuthority {
                parent: mum.clone(),
                period: Period::since(LONG_AGO),
            }],
        );
        // Turning 12 on 28 February 2027: the parent needs consent, the child gets access.
        let change = next_age_change(&nl, NOW).unwrap();
        assert_eq!((change.on, change.age), (date!(2027 - 02 - 28), 12));
        assert_eq!(change.at, datetime!(2027-02-27 23:00 UTC));
        let mum_read = change
            .differences
            .iter()
            .find(|d| {
                d.principal == Principal::Person { id: mum.clone() } && d.action == Action::Read
            })
            .unwrap();
        assert!(mum_read.before.is_permitted() && !mum_read.after.is_permitted());
        // An adult without proxies: nothing to preview.
        assert_eq!(next_age_change(&record(vec![]), NOW), None);
    }

    #[test]
    fn a_trusted_person_is_revoked_by_the_patient_never_by_themselves() {
        let friend = PersonId("friend".into());
        let facts = record(vec![Fact::TrustedPerson {
            person: friend.clone(),
            period: Period::since(LONG_AGO),
        }]);
        let revoke = AccessCommand::RevokeDesignation {
            person: friend.clone(),
        };
        let entries = overview(&patient(), &facts, NOW);
        assert_eq!(entries[0].group, Group::TrustedPerson);
        assert_eq!(entries[0].commands, vec![revoke.clone()]);
        let after = run(&facts, revoke.clone()).unwrap();
        let reads = decide(
            &Request {
                principal: Principal::Person { id: friend.clone() },
                action: Action::Read,
                resource: Resource::Record,
            },
            &after,
            NOW,
        );
        assert_eq!(reads.rules, vec![RuleId::DesignationRevoked]);
        assert_eq!(
            conflict_key(run(&after, revoke.clone())),
            "access.no_designation"
        );
        // A trusted person may not manage access at all; a representative acting for an
        // incapable patient may, but not end their own designation this way.
        let rep = PersonId("rep".into());
        let incapable = record(vec![
            Fact::Representative {
                person: rep.clone(),
                period: Period::since(LONG_AGO),
            },
            Fact::Incapacity {
                period: Period::since(LONG_AGO),
            },
        ]);
        let own = AccessCommand::RevokeDesignation {
            person: rep.clone(),
        };
        match plan(&Principal::Person { id: rep }, &own, &incapable, NOW) {
            Err(Refusal::Conflict { message }) => {
                assert_eq!(message.key, "access.cannot_revoke_self")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn designations_follow_the_law_of_the_hospital() {
        let friend = PersonId("friend".into());
        let be = record(vec![]);
        let nl = Facts {
            hospital: HospitalPolicy::dutch(),
            ..record(vec![])
        };
        for (facts, kind, ok) in [
            (&be, DesignationKind::TrustedPerson, true),
            (&be, DesignationKind::Representative, true),
            (&be, DesignationKind::Mentor, false),
            (&nl, DesignationKind::Curator, true),
            (&nl, DesignationKind::Mentor, true),
            (&nl, DesignationKind::WrittenAuthorisation, true),
            (&nl, DesignationKind::TrustedPerson, false),
        ] {
            assert_eq!(
                designation(facts, kind, &friend, NOW).is_ok(),
                ok,
                "{kind:?}"
            );
        }
        assert_eq!(
            designation(
                &be,
                DesignationKind::TrustedPerson,
                &PersonId("p1".into()),
                NOW
            )
            .unwrap_err()
            .key,
            "designation.own_record"
        );
    }

    #[test]
    fn an_applicant_represents_an_adult_who_cannot_decide() {
        let daughter = PersonId("daughter".into());
        let be = record(vec![]);
        let nl = Facts {
            hospital: HospitalPolicy::dutch(),
            ..record(vec![])
        };
        let key = |r: Result<Vec<Fact>, Message>| r.unwrap_err().key.into_owned();
        // Belgium: a representative, with the incapacity staff established.
        let made =
            representation(&be, DesignationKind::Representative, &daughter, true, NOW).unwrap();
        assert_eq!(made.len(), 2);
        let after = Facts {
            facts: made,
            ..be.clone()
        };
        let reading = decide(
            &Request {
                principal: Principal::Person {
                    id: daughter.clone(),
                },
                action: Action::Read,
                resource: Resource::Record,
            },
            &after,
            NOW,
        );
        assert!(reading.is_permitted());
        assert!(reading.rules.contains(&RuleId::BeRepresentative));
        // Without it, no representative: they would not be needed.
        assert_eq!(
            key(representation(
                &be,
                DesignationKind::Representative,
                &daughter,
                false,
                NOW
            )),
            "representation.incapacity_needed"
        );
        // An incapacity already recorded is not recorded twice.
        let incapable = record(vec![Fact::Incapacity {
            period: Period::since(LONG_AGO),
        }]);
        let made = representation(
            &incapable,
            DesignationKind::Representative,
            &daughter,
            false,
            NOW,
        )
        .unwrap();
        assert!(matches!(made.as_slice(), [Fact::Representative { .. }]));
        // Twice the same representative: refused.
        let mut named = incapable.clone();
        named.facts.extend(made);
        assert_eq!(
            key(representation(
                &named,
                DesignationKind::Representative,
                &daughter,
                true,
                NOW
            )),
            "representation.already"
        );
        // The Netherlands: the court appointed a curator or mentor; no incapacity to record.
        for kind in [DesignationKind::Curator, DesignationKind::Mentor] {
            let made = representation(&nl, kind, &daughter, false, NOW).unwrap();
            assert!(matches!(made.as_slice(), [Fact::Authorisation { .. }]));
            assert_eq!(
                key(representation(&nl, kind, &daughter, true, NOW)),
                "representation.incapacity_be_only"
            );
            assert_eq!(
                key(representation(&be, kind, &daughter, false, NOW)),
                "designation.wrong_country"
            );
        }
        assert_eq!(
            key(representation(
                &nl,
                DesignationKind::Representative,
                &daughter,
                true,
                NOW
            )),
            "designation.wrong_country"
        );
        // What the patient gives themselves.
        for kind in [
            DesignationKind::TrustedPerson,
            DesignationKind::WrittenAuthorisation,
        ] {
            assert!(!kind.by_applicant());
            assert_eq!(
                key(representation(&be, kind, &daughter, true, NOW)),
                "representation.patient_only"
            );
        }
    }

    #[test]
    fn a_named_representative_acts_once_the_incapacity_is_recorded_and_stops_when_it_ends() {
        let rep = PersonId("rep".into());
        let named = record(vec![Fact::Representative {
            person: rep.clone(),
            period: Period::since(LONG_AGO),
        }]);
        let reads = |facts: &Facts, at| {
            decide(
                &Request {
                    principal: Principal::Person { id: rep.clone() },
                    action: Action::Read,
                    resource: Resource::Record,
                },
                facts,
                at,
            )
            .is_permitted()
        };
        assert!(!reads(&named, NOW));
        let made =
            representation(&named, DesignationKind::Representative, &rep, true, NOW).unwrap();
        assert!(matches!(made.as_slice(), [Fact::Incapacity { .. }]));
        let mut after = named.clone();
        after.facts.extend(made);
        assert!(reads(&after, NOW));
        let later = NOW + time::Duration::days(30);
        let changes = capacity_regained(&after, later).unwrap();
        for c in &changes {
            after = crate::access::apply(&after, c, later).0;
        }
        assert!(!reads(&after, later));
        assert!(reads(&after, later - time::Duration::seconds(1)));
        assert_eq!(
            capacity_regained(&after, later).unwrap_err().key,
            "incapacity.none"
        );
    }

    #[test]
    fn no_representation_of_a_minor_the_dead_or_oneself() {
        let daughter = PersonId("daughter".into());
        let rep = DesignationKind::Representative;
        let key = |r: Result<Vec<Fact>, Message>| r.unwrap_err().key.into_owned();
        let born = |birth_date| Facts {
            patient: Patient {
                id: PersonId("p1".into()),
                birth_date,
                died_at: None,
            },
            ..record(vec![])
        };
        // 18 on 28 November 2026, in Brussels: the day before, a minor; that day, an adult.
        let minor = born(Some(date!(2008 - 11 - 28)));
        assert_eq!(
            key(representation(&minor, rep, &daughter, true, NOW)),
            "representation.minor"
        );
        let adult_at = datetime!(2026-11-27 23:00 UTC);
        assert!(representation(&minor, rep, &daughter, true, adult_at).is_ok());
        assert_eq!(
            key(representation(&born(None), rep, &daughter, true, NOW)),
            "representation.no_birth_date"
        );
        let dead = Facts {
            patient: Patient {
                died_at: Some(LONG_AGO),
                ..record(vec![]).patient
            },
            ..record(vec![])
        };
        assert_eq!(
            key(representation(&dead, rep, &daughter, true, NOW)),
            "designation.patient_died"
        );
        assert_eq!(
            key(representation(
                &record(vec![]),
                rep,
                &PersonId("p1".into()),
                true,
                NOW
            )),
            "designation.own_record"
        );
    }

    #[test]
    fn every_kind_is_the_json_tag() {
        let p = || doctor("d");
        for c in [
            AccessCommand::RefuseGp,
            AccessCommand::RestoreGp,
            AccessCommand::ApproveReferrer { practitioner: p() },
            AccessCommand::RefuseReferrer { practitioner: p() },
            AccessCommand::RevokeReferrer { practitioner: p() },
            AccessCommand::Exclude { practitioner: p() },
            AccessCommand::LiftExclusion { practitioner: p() },
            AccessCommand::GiveExchangeConsent,
            AccessCommand::WithdrawExchangeConsent,
            AccessCommand::OptOutOfReuse,
            AccessCommand::WithdrawReuseOptOut,
            AccessCommand::EndTreatment { practitioner: p() },
            AccessCommand::GiveChildConsent {
                parent: PersonId("m".into()),
            },
            AccessCommand::WithdrawChildConsent {
                parent: PersonId("m".into()),
            },
            AccessCommand::RevokeDesignation {
                person: PersonId("m".into()),
            },
        ] {
            let json = serde_json::to_value(&c).unwrap();
            assert_eq!(json["kind"], c.kind());
        }
    }

    #[test]
    fn commands_round_trip_as_json() {
        let c = AccessCommand::Exclude {
            practitioner: doctor("dr-a"),
        };
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(json, r#"{"kind":"exclude","practitioner":"dr-a"}"#);
        assert_eq!(serde_json::from_str::<AccessCommand>(&json).unwrap(), c);
        for bad in [
            r#"{"kind":"exclude","practitioner":"dr-a","until":"never"}"#,
            r#"{"kind":"exclude"}"#,
            r#"{"kind":"delete_record"}"#,
        ] {
            assert!(serde_json::from_str::<AccessCommand>(bad).is_err(), "{bad}");
        }
    }
}
