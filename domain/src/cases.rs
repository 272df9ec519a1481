//! The life of a filed request: the case hospital staff handle, from received to done or
//! refused, and the one thing the requester can do while it is open (answer a question).
//!
//! ```text
//! received ──start──▶ in progress ──complete──▶ done
//!     │  ▲                │  ▲
//!     │  └──────┐  ask    │  │ answer / start
//!     └──ask───▶ needs information
//! any open status ──refuse (with a reason)──▶ refused
//! ```
//! Done and refused are final. Staff complete a case that delivers a document (a copy, imaging
//! behind a link) only with the document attached, one that delivers none only without, and
//! one where a doctor weighs whether to give a copy (a deceased relative's, in the Netherlands)
//! either way.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::message::Message;

/// Where a case stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// Filed, not yet picked up.
    Received,
    /// Staff are working on it.
    InProgress,
    /// Staff asked the requester something and wait for the answer.
    NeedsInformation,
    /// Answered (with the document, when the request asks for one).
    Done,
    /// Refused, with a reason.
    Refused,
}

impl CaseStatus {
    /// Every status.
    pub const ALL: [CaseStatus; 5] = [
        CaseStatus::Received,
        CaseStatus::InProgress,
        CaseStatus::NeedsInformation,
        CaseStatus::Done,
        CaseStatus::Refused,
    ];

    /// Whether the case is closed (done or refused): nothing changes it any more.
    pub fn is_closed(self) -> bool {
        matches!(self, CaseStatus::Done | CaseStatus::Refused)
    }

    /// The snake_case name, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Received => "received",
            CaseStatus::InProgress => "in_progress",
            CaseStatus::NeedsInformation => "needs_information",
            CaseStatus::Done => "done",
            CaseStatus::Refused => "refused",
        }
    }

    /// The status named `s`, if any.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Whether the hospital is late: the case is open and `today` is past its due date.
    pub fn is_overdue(self, due: Date, today: Date) -> bool {
        !self.is_closed() && today > due
    }
}

/// Whether a request is answered with a document in the portal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// Always: staff complete it only with the document (a copy, imaging behind a link).
    Required,
    /// When the one who weighs it grants it (a doctor, for a deceased relative's copy).
    Optional,
    /// Never: the answer is not a document (a correction, destruction, a DVD by post).
    None,
}

/// The longest question, answer or reason, in characters.
pub const NOTE_MAX: usize = 2000;

/// What a staff member does with a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "step", rename_all = "snake_case", deny_unknown_fields)]
pub enum StaffStep {
    /// Pick the case up (also after the requester answered).
    Start,
    /// Ask the requester for more information.
    AskInformation {
        /// The question, shown to the requester.
        question: String,
    },
    /// Answer it, with the document attached when the request asks for one.
    Complete,
    /// Refuse it.
    Refuse {
        /// Why, shown to the requester.
        reason: String,
    },
}

/// Why a step cannot be taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepError {
    /// The case's status does not allow it (closed, or already so).
    Conflict(Message),
    /// A field is wrong or missing: its name and the message.
    Field(&'static str, Message),
}

fn note(field: &'static str, text: &str, empty_key: &'static str) -> Result<(), StepError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(StepError::Field(field, Message::new(empty_key)));
    }
    if text.chars().count() > NOTE_MAX {
        return Err(StepError::Field(
            field,
            Message::new("case.text.too_long").arg("max", NOTE_MAX.to_string()),
        ));
    }
    Ok(())
}

/// The status after a staff member's step, or why it cannot be taken. `delivery` is the
/// request's [`crate::requests::RequestKind::delivery`]; `has_delivery` whether staff
/// attached a document.
/// ```
/// use inzage_domain::cases::*;
/// assert_eq!(staff_step(CaseStatus::Received, &StaffStep::Start, Delivery::Required, false), Ok(CaseStatus::InProgress));
/// assert!(staff_step(CaseStatus::InProgress, &StaffStep::Complete, Delivery::Required, false).is_err());
/// assert_eq!(staff_step(CaseStatus::InProgress, &StaffStep::Complete, Delivery::Required, true), Ok(CaseStatus::Done));
/// ```
pub fn staff_step(
    status: CaseStatus,
    step: &StaffStep,
    delivery: Delivery,
    has_delivery: bool,
) -> Result<CaseStatus, StepError> {
    if status.is_closed() {
        return Err(StepError::Conflict(Message::new("case.closed")));
    }
    if has_delivery && !matches!(step, StaffStep::Complete) {
        return Err(StepError::Field(
            "delivery",
            Message::new("case.delivery.not_expected"),
        ));
    }
    match step {
        StaffStep::Start => {
            if status == CaseStatus::InProgress {
                Err(StepError::Conflict(Message::new(
                    "case.already_in_progress",
                )))
            } else {
                Ok(CaseStatus::InProgress)
            }
        }
        StaffStep::AskInformation { question } => {
            if status == CaseStatus::NeedsInformation {
                return Err(StepError::Conflict(Message::new("case.already_waiting")));
            }
            note("question", question, "case.question.empty")?;
            Ok(CaseStatus::NeedsInformation)
        }
        StaffStep::Complete => match (delivery, has_delivery) {
            (Delivery::Required, false) => Err(StepError::Field(
                "delivery",
                Message::new("case.delivery.missing"),
            )),
            (Delivery::None, true) => Err(StepError::Field(
                "delivery",
                Message::new("case.delivery.not_expected"),
            )),
            _ => Ok(CaseStatus::Done),
        },
        StaffStep::Refuse { reason } => {
            note("reason", reason, "staff.reason.empty")?;
            Ok(CaseStatus::Refused)
        }
    }
}

/// The status after the requester answers staff's question: only a case that waits for
/// information takes an answer, and it goes back to staff.
/// ```
/// use inzage_domain::cases::*;
/// assert_eq!(answer(CaseStatus::NeedsInformation, "Yes, the 2019 scans."), Ok(CaseStatus::InProgress));
/// assert!(answer(CaseStatus::Received, "Hello").is_err());
/// ```
pub fn answer(status: CaseStatus, text: &str) -> Result<CaseStatus, StepError> {
    if status != CaseStatus::NeedsInformation {
        return Err(StepError::Conflict(Message::new("case.no_question")));
    }
    note("answer", text, "case.answer.empty")?;
    Ok(CaseStatus::InProgress)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    fn key(e: StepError) -> String {
        match e {
            StepError::Conflict(m) | StepError::Field(_, m) => m.key.into_owned(),
        }
    }

    #[test]
    fn staff_pick_up_ask_and_complete() {
        use CaseStatus::*;
        assert_eq!(
            staff_step(Received, &StaffStep::Start, Delivery::None, false),
            Ok(InProgress)
        );
        assert_eq!(
            key(staff_step(InProgress, &StaffStep::Start, Delivery::None, false).unwrap_err()),
            "case.already_in_progress"
        );
        let ask = StaffStep::AskInformation {
            question: "Which years?".into(),
        };
        assert_eq!(
            staff_step(Received, &ask, Delivery::None, false),
            Ok(NeedsInformation)
        );
        assert_eq!(
            staff_step(InProgress, &ask, Delivery::None, false),
            Ok(NeedsInformation)
        );
        assert_eq!(
            key(staff_step(NeedsInformation, &ask, Delivery::None, false).unwrap_err()),
            "case.already_waiting"
        );
        assert_eq!(
            staff_step(NeedsInformation, &StaffStep::Start, Delivery::None, false),
            Ok(InProgress)
        );
        let blank = StaffStep::AskInformation {
            question: "  ".into(),
        };
        assert_eq!(
            staff_step(Received, &blank, Delivery::None, false),
            Err(StepError::Field(
                "question",
                Message::new("case.question.empty")
            ))
        );
        let long = StaffStep::AskInformation {
            question: "x".repeat(NOTE_MAX + 1),
        };
        assert_eq!(
            key(staff_step(Received, &long, Delivery::None, false).unwrap_err()),
            "case.text.too_long"
        );
    }

    #[test]
    fn a_copy_is_completed_only_with_the_document_and_nothing_else_with_one() {
        use CaseStatus::*;
        assert_eq!(
            staff_step(InProgress, &StaffStep::Complete, Delivery::Required, false),
            Err(StepError::Field(
                "delivery",
                Message::new("case.delivery.missing")
            ))
        );
        assert_eq!(
            staff_step(InProgress, &StaffStep::Complete, Delivery::Required, true),
            Ok(Done)
        );
        assert_eq!(
            staff_step(Received, &StaffStep::Complete, Delivery::None, false),
            Ok(Done)
        );
        for has in [false, true] {
            assert_eq!(
                staff_step(InProgress, &StaffStep::Complete, Delivery::Optional, has),
                Ok(Done)
            );
        }
        assert_eq!(
            key(staff_step(Received, &StaffStep::Complete, Delivery::None, true).unwrap_err()),
            "case.delivery.not_expected"
        );
        assert_eq!(
            key(staff_step(Received, &StaffStep::Start, Delivery::Required, true).unwrap_err()),
            "case.delivery.not_expected"
        );
    }

    #[test]
    fn a_refusal_needs_a_reason_and_closed_cases_are_final() {
        use CaseStatus::*;
        let refuse = |r: &str| StaffStep::Refuse { reason: r.into() };
        assert_eq!(
            key(staff_step(Received, &refuse(""), Delivery::None, false).unwrap_err()),
            "staff.reason.empty"
        );
        assert_eq!(
            staff_step(NeedsInformation, &refuse("Not ours"), Delivery::None, false),
            Ok(Refused)
        );
        for closed in [Done, Refused] {
            for step in [
                StaffStep::Start,
                StaffStep::Complete,
                refuse("again"),
                StaffStep::AskInformation {
                    question: "?".into(),
                },
            ] {
                assert_eq!(
                    key(staff_step(closed, &step, Delivery::None, false).unwrap_err()),
                    "case.closed"
                );
            }
            assert_eq!(key(answer(closed, "hi").unwrap_err()), "case.no_question");
        }
    }

    #[test]
    fn only_a_question_takes_an_answer() {
        use CaseStatus::*;
        assert_eq!(answer(NeedsInformation, "2019"), Ok(InProgress));
        assert_eq!(
            key(answer(NeedsInformation, " ").unwrap_err()),
            "case.answer.empty"
        );
        assert_eq!(
            key(answer(InProgress, "x").unwrap_err()),
            "case.no_question"
        );
        assert_eq!(key(answer(Received, "x").unwrap_err()), "case.no_question");
    }

    #[test]
    fn statuses_round_trip_and_overdue_counts_open_cases_only() {
        for s in CaseStatus::ALL {
            assert_eq!(CaseStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(CaseStatus::parse("lost"), None);
        let due = date!(2026 - 12 - 27);
        assert!(!CaseStatus::Received.is_overdue(due, due));
        assert!(CaseStatus::Received.is_overdue(due, date!(2026 - 12 - 28)));
        assert!(CaseStatus::NeedsInformation.is_overdue(due, date!(2027 - 01 - 01)));
        assert!(!CaseStatus::Done.is_overdue(due, date!(2027 - 01 - 01)));
    }

    fn any_status() -> impl Strategy<Value = CaseStatus> {
        proptest::sample::select(CaseStatus::ALL.to_vec())
    }

    fn any_delivery() -> impl Strategy<Value = Delivery> {
        proptest::sample::select(vec![Delivery::Required, Delivery::Optional, Delivery::None])
    }

    fn any_step() -> impl Strategy<Value = StaffStep> {
        prop_oneof![
            Just(StaffStep::Start),
            Just(StaffStep::Complete),
            ".{0,3}".prop_map(|q| StaffStep::AskInformation { question: q }),
            ".{0,3}".prop_map(|r| StaffStep::Refuse { reason: r }),
        ]
    }

    proptest! {
        /// Whatever staff do, a closed case stays as it is; a case reaches done only by
        /// completing, with a document when the request requires one and never when it
        /// delivers none; a refusal
        /// always has a reason.
        #[test]
        fn the_case_machine_holds(
            status in any_status(),
            steps in proptest::collection::vec((any_step(), any_delivery(), any::<bool>()), 0..12),
        ) {
            let mut s = status;
            for (step, delivers, has) in steps {
                match staff_step(s, &step, delivers, has) {
                    Ok(next) => {
                        prop_assert!(!s.is_closed());
                        if next == CaseStatus::Done {
                            prop_assert_eq!(&step, &StaffStep::Complete);
                            match delivers {
                                Delivery::Required => prop_assert!(has),
                                Delivery::None => prop_assert!(!has),
                                Delivery::Optional => {}
                            }
                        }
                        if let StaffStep::Refuse { reason } = &step {
                            prop_assert!(!reason.trim().is_empty());
                        }
                        s = next;
                    }
                    Err(StepError::Conflict(_)) | Err(StepError::Field(..)) => {}
                }
            }
            if status.is_closed() {
                prop_assert_eq!(s, status);
            }
        }
    }
}
