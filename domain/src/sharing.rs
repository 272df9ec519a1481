//! Share links: a time-limited, revocable link to a chosen set of reports, for someone without
//! an account (a second opinion abroad). Whoever may manage the record's access
//! ([`crate::Action::ManageAccess`]: the patient, or whoever acts in their place) makes one; it
//! opens without logging in until it expires or is revoked, whichever comes first. What it shows
//! is decided anew at every opening, as the patient would see it then: a report the care team
//! shielded or the hospital withdrew after the link was made is not shown.
//!
//! The browser checks the form with [`NewShare::check`] before sending; the server checks it
//! again, and decides [`state`] at every opening with its own clock.

use serde::{Deserialize, Serialize};
use time::{Date, Duration, OffsetDateTime};

use crate::message::Message;
use crate::wire::{FieldErrors, ReportDetail};

/// The longest a link can stay open: 30 days.
pub const MAX_DAYS: u8 = 30;
/// The most reports one link can hold.
pub const MAX_REPORTS: usize = 50;
/// The longest "for whom" can be, in characters.
pub const MAX_LABEL: usize = 100;

/// The form for a new link.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewShare {
    /// For whom, in the patient's words ("Dr. Weber, Charité Berlin"): shown to the patient in
    /// the list and in the audit trail, and to whoever opens the link.
    pub label: String,
    /// How many days the link stays open (1–30).
    pub days: u8,
    /// The ids of the reports it shows.
    pub reports: Vec<String>,
}

crate::redacted_debug!(NewShare { days });

impl NewShare {
    /// Checks each field: a label of 1–100 characters without control or text-direction
    /// characters, 1–30 days, one to 50 reports, none
    /// twice. Whether the reports exist and may be shared is the server's to check.
    /// ```
    /// use inzage_domain::sharing::NewShare;
    /// let form = NewShare { label: " ".into(), days: 31, reports: vec![] };
    /// let errors = form.check().unwrap_err();
    /// assert_eq!(errors.first("label").unwrap().key, "share.label.empty");
    /// assert_eq!(errors.first("days").unwrap().key, "share.days.range");
    /// assert_eq!(errors.first("reports").unwrap().key, "share.reports.none");
    /// ```
    pub fn check(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        let label = self.label.trim();
        if label.is_empty() {
            errors.add("label", Message::new("share.label.empty"));
        } else if label.chars().count() > MAX_LABEL {
            errors.add(
                "label",
                Message::new("share.label.too_long").arg("max", MAX_LABEL.to_string()),
            );
        } else if label.chars().any(|c| c.is_control() || is_bidi_control(c)) {
            errors.add("label", Message::new("share.label.control"));
        }
        if !(1..=MAX_DAYS).contains(&self.days) {
            errors.add(
                "days",
                Message::new("share.days.range").arg("max", MAX_DAYS.to_string()),
            );
        }
        if self.reports.is_empty() {
            errors.add("reports", Message::new("share.reports.none"));
        } else if self.reports.len() > MAX_REPORTS {
            errors.add(
                "reports",
                Message::new("share.reports.too_many").arg("max", MAX_REPORTS.to_string()),
            );
        } else if self
            .reports
            .iter()
            .enumerate()
            .any(|(i, r)| self.reports[..i].contains(r))
        {
            errors.add("reports", Message::new("share.reports.twice"));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// When a link made at `now` expires.
    pub fn expires(&self, now: OffsetDateTime) -> OffsetDateTime {
        now + Duration::days(i64::from(self.days))
    }
}

/// The invisible characters that reorder text (right-to-left overrides and isolates): refused
/// in a label that other people read, where they could disguise it.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Where a link stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ShareState {
    /// It opens.
    Open,
    /// Its time is up.
    Expired,
    /// The patient (or whoever acts for them) revoked it.
    Revoked,
}

/// Where a link that expires at `expires` (exclusive) and was perhaps revoked at `revoked`
/// stands at `now`; a revocation wins over an expiry that came later.
/// ```
/// use inzage_domain::sharing::{state, ShareState};
/// use time::macros::datetime;
/// let expires = datetime!(2026-12-04 10:00 UTC);
/// assert_eq!(state(expires, None, datetime!(2026-12-04 09:59:59 UTC)), ShareState::Open);
/// assert_eq!(state(expires, None, expires), ShareState::Expired);
/// ```
pub fn state(
    expires: OffsetDateTime,
    revoked: Option<OffsetDateTime>,
    now: OffsetDateTime,
) -> ShareState {
    match revoked {
        Some(r) if r <= now && r < expires => ShareState::Revoked,
        _ if now >= expires => ShareState::Expired,
        _ => ShareState::Open,
    }
}

/// A link as its maker sees it in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShareSummary {
    /// Its id (not the secret in the link).
    pub id: String,
    /// For whom.
    pub label: String,
    /// When it was made.
    #[serde(with = "time::serde::rfc3339")]
    pub created: OffsetDateTime,
    /// When it expires.
    #[serde(with = "time::serde::rfc3339")]
    pub expires: OffsetDateTime,
    /// When it was revoked, if it was.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub revoked: Option<OffsetDateTime>,
    /// Where it stands now.
    pub state: ShareState,
    /// The titles of the reports it holds, as they were when it was made.
    pub reports: Vec<String>,
    /// How many times it was opened.
    pub opened: u32,
    /// Who made it.
    pub made_by: String,
}

/// A record's links, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShareList {
    /// The links.
    pub shares: Vec<ShareSummary>,
}

/// A new link: its summary, and the secret that opens it, given this once and never stored.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShareCreated {
    /// The link as listed.
    pub share: ShareSummary,
    /// The secret; the link is the portal's `/gedeeld#` followed by it.
    pub token: String,
}

crate::redacted_debug!(ShareCreated { share });

/// Opening a link: its secret, sent in the body (the browser keeps it after the `#`, so it
/// never reaches a server log or a `Referer` header).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OpenShare {
    /// The secret.
    pub token: String,
}

crate::redacted_debug!(OpenShare {});

/// One document of a shared report, asked for with the link's secret (in the body, as when
/// opening the link).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SharedDocument {
    /// The link's secret.
    pub token: String,
    /// The report's id.
    pub report: String,
    /// The document's place in the report (1, 2, 3…).
    pub index: u32,
}

crate::redacted_debug!(SharedDocument { report, index });

/// What a link shows to whoever opens it.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SharedRecord {
    /// The patient's name.
    pub patient: String,
    /// The patient's date of birth, if known, to tell patients of the same name apart.
    pub birth_date: Option<Date>,
    /// For whom the patient made it.
    pub label: String,
    /// Until when it opens.
    #[serde(with = "time::serde::rfc3339")]
    pub expires: OffsetDateTime,
    /// The reports it holds that the patient may still see, oldest first, each with the
    /// documents it carries (fetched one by one with [`SharedDocument`]).
    pub reports: Vec<ReportDetail>,
}

crate::redacted_debug!(SharedRecord { expires });

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use time::macros::datetime;

    fn form(label: &str, days: u8, reports: &[&str]) -> NewShare {
        NewShare {
            label: label.into(),
            days,
            reports: reports.iter().map(|r| (*r).to_owned()).collect(),
        }
    }

    fn keys(form: &NewShare) -> Vec<(String, String)> {
        match form.check() {
            Ok(()) => vec![],
            Err(e) => {
                e.0.iter()
                    .flat_map(|(f, ms)| ms.iter().map(move |m| (f.clone(), m.key.to_string())))
                    .collect()
            }
        }
    }

    #[test]
    fn a_good_form_passes() {
        assert_eq!(keys(&form("Dr. Weber, Charité", 14, &["r1", "r2"])), vec![]);
        assert_eq!(keys(&form("x", 1, &["r1"])), vec![]);
        assert_eq!(keys(&form("x", 30, &["r1"])), vec![]);
    }

    #[test]
    fn each_field_says_what_is_wrong() {
        let pair = |f: &str, k: &str| (f.to_owned(), k.to_owned());
        assert_eq!(
            keys(&form("  ", 7, &["r"])),
            vec![pair("label", "share.label.empty")]
        );
        let long = "a".repeat(MAX_LABEL + 1);
        assert_eq!(
            keys(&form(&long, 7, &["r"])),
            vec![pair("label", "share.label.too_long")]
        );
        assert_eq!(keys(&form(&"é".repeat(MAX_LABEL), 7, &["r"])), vec![]);
        assert_eq!(
            keys(&form("Dr.\u{202e}X", 7, &["r"])),
            vec![pair("label", "share.label.control")],
            "a right-to-left override could disguise the label"
        );
        assert_eq!(
            keys(&form("a\u{0}b", 7, &["r"])),
            vec![pair("label", "share.label.control")]
        );
        assert_eq!(
            keys(&form("x", 0, &["r"])),
            vec![pair("days", "share.days.range")]
        );
        assert_eq!(
            keys(&form("x", 31, &["r"])),
            vec![pair("days", "share.days.range")]
        );
        assert_eq!(
            keys(&form("x", 7, &[])),
            vec![pair("reports", "share.reports.none")]
        );
        assert_eq!(
            keys(&form("x", 7, &["r", "s", "r"])),
            vec![pair("reports", "share.reports.twice")]
        );
        let many: Vec<String> = (0..=MAX_REPORTS).map(|i| format!("r{i}")).collect();
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(
            keys(&form("x", 7, &refs)),
            vec![pair("reports", "share.reports.too_many")]
        );
    }

    #[test]
    fn a_link_opens_until_it_expires_or_is_revoked() {
        let made = datetime!(2026-11-27 10:00 UTC);
        let expires = form("x", 7, &["r"]).expires(made);
        assert_eq!(expires, datetime!(2026-12-04 10:00 UTC));
        assert_eq!(state(expires, None, made), ShareState::Open);
        assert_eq!(
            state(expires, None, expires - Duration::seconds(1)),
            ShareState::Open
        );
        assert_eq!(state(expires, None, expires), ShareState::Expired);
        let revoked = made + Duration::days(1);
        assert_eq!(
            state(expires, Some(revoked), revoked - Duration::seconds(1)),
            ShareState::Open
        );
        assert_eq!(state(expires, Some(revoked), revoked), ShareState::Revoked);
        assert_eq!(
            state(expires, Some(revoked), expires + Duration::days(9)),
            ShareState::Revoked
        );
        // Revoked after it had expired already: it expired.
        assert_eq!(
            state(
                expires,
                Some(expires + Duration::days(1)),
                expires + Duration::days(2)
            ),
            ShareState::Expired
        );
    }
}
