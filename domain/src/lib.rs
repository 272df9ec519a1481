//! Inzage's domain: validated types, the wire shapes of the JSON API, and the access rules.
//!
//! This crate is compiled twice: into the browser (wasm32, through the `app` crate) and into the
//! server. Both therefore accept and reject the same input and reach the same access decision.
//! It does no I/O and reads no clock: "now" is always passed in.
#![warn(missing_docs)]

pub mod access;
pub mod account;
pub mod appointments;
pub mod calendar;
pub mod cases;
pub mod contact;
pub mod explain;
pub mod help;
pub mod ident;
pub mod listing;
pub mod login;
pub mod manage;
pub mod message;
pub mod messaging;
pub mod notify;
pub mod passkey;
pub mod record;
mod redact;
pub mod release;
pub mod requests;
pub mod results;
pub mod reuse;
pub mod sharing;
pub mod video;
pub mod wire;

pub use access::{
    decide, what_if, Action, Change, Decision, Effect, Fact, Facts, HospitalPolicy, Patient,
    Period, PersonId, PractitionerId, Principal, ReportFacts, ReportStatus, Request, Resource,
    RuleId, Section,
};
pub use ident::{Bsn, Insz};
pub use login::{CodeCardAnswer, CodeCardPosition, LoginName, Password, RecordNumber, Username};
pub use message::{HasMessageKey, Message};
