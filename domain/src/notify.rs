//! E-mail notifications the person controls: on or off, for which news (a new report, a new
//! message, a change in a request), and how often (at once, daily, weekly). A notice never holds
//! medical content, only that there is something new and how much of each kind. Deliveries that
//! fail are retried later, ever less often, and given up after a day.

use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

use crate::access::{PersonId, Principal};
use crate::contact::EmailAddress;
use crate::manage::AgeChange;
use crate::message::Message;
use crate::wire::FieldErrors;

/// What a notice can be about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// A new report in the record.
    NewReport,
    /// A new message from the hospital.
    NewMessage,
    /// A request's status changed.
    RequestStatus,
}

impl Topic {
    /// Every topic.
    pub const ALL: [Topic; 3] = [Topic::NewReport, Topic::NewMessage, Topic::RequestStatus];

    /// The snake_case name, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Topic::NewReport => "new_report",
            Topic::NewMessage => "new_message",
            Topic::RequestStatus => "request_status",
        }
    }

    /// The topic named `s`, if any.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// How often notices are sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// As soon as there is news.
    Immediately,
    /// At most one notice a day.
    Daily,
    /// At most one notice a week.
    Weekly,
}

impl Frequency {
    /// The snake_case name, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Immediately => "immediately",
            Frequency::Daily => "daily",
            Frequency::Weekly => "weekly",
        }
    }

    /// The frequency named `s`, if any.
    pub fn parse(s: &str) -> Option<Self> {
        [Frequency::Immediately, Frequency::Daily, Frequency::Weekly]
            .into_iter()
            .find(|f| f.as_str() == s)
    }

    /// The least time between two notices.
    pub fn interval(self) -> Duration {
        match self {
            Frequency::Immediately => Duration::ZERO,
            Frequency::Daily => Duration::days(1),
            Frequency::Weekly => Duration::weeks(1),
        }
    }
}

/// The most addresses, besides the account's own, that notices go to.
pub const EXTRA_ADDRESSES_MAX: usize = 3;

/// An address besides the account's own that notices go to once its owner confirmed it by the
/// link sent to it: nobody is sent notices at an address they only typed.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NoticeAddress {
    /// The address.
    pub address: String,
    /// Whether it is confirmed (notices go to it) or waits for its link.
    pub confirmed: bool,
}

crate::redacted_debug!(NoticeAddress { confirmed });

/// An address to add to those notices go to.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewNoticeAddress {
    /// The address.
    pub email: String,
}

crate::redacted_debug!(NewNoticeAddress {});

impl NewNoticeAddress {
    /// Checks the address against those the person already has: the account's own and the
    /// extra ones (at most [`EXTRA_ADDRESSES_MAX`]); the error is beside the field `email`.
    /// ```
    /// use inzage_domain::notify::*;
    /// let known = vec![NoticeAddress { address: "an@example.be".into(), confirmed: false }];
    /// let again = NewNoticeAddress { email: " An@Example.be".into() };
    /// assert_eq!(again.check(None, &known).unwrap_err().first("email").map(|m| m.key.as_ref()), Some("notify.address.known"));
    /// ```
    pub fn check(
        &self,
        account: Option<&str>,
        extra: &[NoticeAddress],
    ) -> Result<EmailAddress, FieldErrors> {
        let mut errors = FieldErrors::default();
        let address = match EmailAddress::parse(&self.email) {
            Ok(a) => a,
            Err(e) => {
                errors.add("email", Message::from(&e));
                return Err(errors);
            }
        };
        let same = |known: &str| known.eq_ignore_ascii_case(address.as_str());
        if account.is_some_and(same) || extra.iter().any(|a| same(&a.address)) {
            errors.add("email", Message::new("notify.address.known"));
        } else if extra.len() >= EXTRA_ADDRESSES_MAX {
            errors.add(
                "email",
                Message::new("notify.address.too_many").arg("max", EXTRA_ADDRESSES_MAX.to_string()),
            );
        }
        if errors.is_empty() {
            Ok(address)
        } else {
            Err(errors)
        }
    }
}

/// How long before a birthday that changes who may see a record the people concerned are told
/// (parents of 11-year-olds are surprised today when the access changes).
pub const AGE_CHANGE_AHEAD: Duration = Duration::days(31);

/// Who is told of `change`, the next birthday that changes access to `patient`'s record, at
/// `now`: from [`AGE_CHANGE_AHEAD`] before it takes effect until it does, the patient and every
/// person whose access to the record changes that day; before and after, nobody. This is a
/// notice about who may see a record, not news about its content: it goes out whatever topics
/// the person chose.
/// ```
/// use inzage_domain::access::*;
/// use inzage_domain::manage::next_age_change;
/// use inzage_domain::notify::age_change_notice;
/// use time::macros::{date, datetime};
/// let kid = PersonId("kid".into());
/// let facts = Facts {
///     patient: Patient { id: kid.clone(), birth_date: Some(date!(2012 - 12 - 20)), died_at: None },
///     hospital: HospitalPolicy::belgian(),
///     facts: vec![Fact::ParentLink { parent: PersonId("mum".into()), period: Period::since(datetime!(2013-01-01 0:00 UTC)) }],
/// };
/// let now = datetime!(2027-11-27 12:00 UTC);
/// let change = next_age_change(&facts, now).unwrap();
/// assert_eq!(age_change_notice(&change, &kid, now), vec![PersonId("kid".into()), PersonId("mum".into())]);
/// assert!(age_change_notice(&change, &kid, datetime!(2027-10-01 12:00 UTC)).is_empty());
/// ```
pub fn age_change_notice(
    change: &AgeChange,
    patient: &PersonId,
    now: OffsetDateTime,
) -> Vec<PersonId> {
    if !change.is_soon(now) {
        return Vec::new();
    }
    let mut people = vec![patient.clone()];
    for d in &change.differences {
        if let Principal::Person { id } = &d.principal {
            if !people.contains(id) {
                people.push(id.clone());
            }
        }
    }
    people
}

/// A person's notification settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NotificationSettings {
    /// Whether notices are sent at all.
    pub enabled: bool,
    /// About what.
    pub topics: Vec<Topic>,
    /// How often.
    pub frequency: Frequency,
}

impl Default for NotificationSettings {
    /// Off until the person turns them on; then about everything, at once.
    fn default() -> Self {
        Self {
            enabled: false,
            topics: Topic::ALL.to_vec(),
            frequency: Frequency::Immediately,
        }
    }
}

impl NotificationSettings {
    /// Checks the settings: notices turned on need at least one topic, and a topic counts once.
    /// ```
    /// use inzage_domain::notify::*;
    /// let s = NotificationSettings { enabled: true, topics: vec![], frequency: Frequency::Daily };
    /// assert_eq!(s.check().first("topics").map(|m| m.key.as_ref()), Some("notify.topics.empty"));
    /// ```
    pub fn check(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        if self.enabled && self.topics.is_empty() {
            errors.add("topics", Message::new("notify.topics.empty"));
        }
        let mut seen = self.topics.clone();
        seen.sort();
        seen.dedup();
        if seen.len() != self.topics.len() {
            errors.add("topics", Message::new("notify.topics.twice"));
        }
        errors
    }

    /// Whether news about `topic` leads to a notice.
    pub fn wants(&self, topic: Topic) -> bool {
        self.enabled && self.topics.contains(&topic)
    }

    /// Whether a notice may go out at `now`, the last one having gone at `last_sent`.
    /// ```
    /// use inzage_domain::notify::*;
    /// use time::macros::datetime;
    /// let daily = NotificationSettings { enabled: true, topics: vec![Topic::NewMessage], frequency: Frequency::Daily };
    /// assert!(!daily.due(Some(datetime!(2026-11-27 08:00 UTC)), datetime!(2026-11-28 07:59 UTC)));
    /// assert!(daily.due(Some(datetime!(2026-11-27 08:00 UTC)), datetime!(2026-11-28 08:00 UTC)));
    /// ```
    pub fn due(&self, last_sent: Option<OffsetDateTime>, now: OffsetDateTime) -> bool {
        self.enabled && last_sent.is_none_or(|last| now - last >= self.frequency.interval())
    }
}

/// How many deliveries of one mail are tried before it is given up (about a day of retries).
pub const MAX_ATTEMPTS: u32 = 12;

/// How long to wait after the `attempts`th failed delivery: 30 seconds, doubling, at most three
/// hours; `None` when the mail is given up.
/// ```
/// use inzage_domain::notify::retry_after;
/// use time::Duration;
/// assert_eq!(retry_after(1), Some(Duration::seconds(30)));
/// assert_eq!(retry_after(2), Some(Duration::minutes(1)));
/// assert_eq!(retry_after(12), None);
/// ```
pub fn retry_after(attempts: u32) -> Option<Duration> {
    if attempts == 0 || attempts >= MAX_ATTEMPTS {
        return if attempts == 0 {
            Some(Duration::ZERO)
        } else {
            None
        };
    }
    let seconds = 30i64.saturating_mul(1i64 << (attempts - 1).min(20));
    Some(Duration::seconds(seconds.min(3 * 3600)))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn an_age_change_is_told_from_a_month_before_until_it_happens() {
        use crate::access::{Fact, Facts, HospitalPolicy, Patient, Period};
        use crate::manage::next_age_change;
        use time::macros::{date, datetime};
        let kid = PersonId("kid".into());
        let mum = PersonId("mum".into());
        let stranger = PersonId("stranger".into());
        // A Dutch child turning 12: her mother will need her consent from then on.
        let facts = Facts {
            patient: Patient {
                id: kid.clone(),
                birth_date: Some(date!(2015 - 03 - 01)),
                died_at: None,
            },
            hospital: HospitalPolicy::dutch(),
            facts: vec![
                Fact::ParentalAuthority {
                    parent: mum.clone(),
                    period: Period::since(datetime!(2015-03-01 0:00 UTC)),
                },
                Fact::Relative {
                    person: stranger,
                    degree: 0,
                },
            ],
        };
        let change = next_age_change(&facts, datetime!(2027-01-01 0:00 UTC)).unwrap();
        assert_eq!((change.on, change.age), (date!(2027 - 03 - 01), 12));
        let start = change.at - AGE_CHANGE_AHEAD;
        assert!(age_change_notice(&change, &kid, start - Duration::SECOND).is_empty());
        assert_eq!(
            age_change_notice(&change, &kid, start),
            vec![kid.clone(), mum]
        );
        assert!(!age_change_notice(&change, &kid, change.at - Duration::SECOND).is_empty());
        assert!(age_change_notice(&change, &kid, change.at).is_empty());
    }

    #[test]
    fn an_extra_address_is_valid_new_and_one_of_at_most_three() {
        let new = |e: &str| NewNoticeAddress { email: e.into() };
        let known = |a: &str| NoticeAddress {
            address: a.into(),
            confirmed: true,
        };
        let key = |r: Result<EmailAddress, FieldErrors>| {
            r.unwrap_err().first("email").map(|m| m.key.to_string())
        };
        assert_eq!(
            new(" Zoon@Example.BE ")
                .check(Some("mama@example.be"), &[])
                .map(|a| a.as_str().to_owned()),
            Ok("Zoon@example.be".to_owned())
        );
        assert_eq!(
            key(new("geen adres").check(None, &[])).as_deref(),
            Some("email.missing_at")
        );
        assert_eq!(
            key(new("MAMA@example.be").check(Some("mama@example.be"), &[])).as_deref(),
            Some("notify.address.known")
        );
        let three = [known("a@x.be"), known("b@x.be"), known("c@x.be")];
        assert_eq!(
            key(new("d@x.be").check(None, &three)).as_deref(),
            Some("notify.address.too_many")
        );
        assert!(new("d@x.be").check(None, &three[..2]).is_ok());
    }
    use proptest::prelude::*;
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-11-27 10:00 UTC);

    fn on(topics: Vec<Topic>, frequency: Frequency) -> NotificationSettings {
        NotificationSettings {
            enabled: true,
            topics,
            frequency,
        }
    }

    #[test]
    fn settings_need_a_topic_when_on_and_name_each_once() {
        assert!(NotificationSettings::default().check().is_empty());
        assert!(
            !NotificationSettings::default().wants(Topic::NewReport),
            "off by default"
        );
        assert!(on(vec![Topic::NewMessage], Frequency::Weekly)
            .check()
            .is_empty());
        let empty = on(vec![], Frequency::Daily);
        assert_eq!(
            empty.check().first("topics").map(|m| m.key.to_string()),
            Some("notify.topics.empty".into())
        );
        let twice = on(vec![Topic::NewMessage, Topic::NewMessage], Frequency::Daily);
        assert_eq!(
            twice.check().first("topics").map(|m| m.key.to_string()),
            Some("notify.topics.twice".into())
        );
        let off = NotificationSettings {
            enabled: false,
            topics: vec![],
            frequency: Frequency::Daily,
        };
        assert!(off.check().is_empty(), "off needs no topic");
        let messages = on(vec![Topic::NewMessage], Frequency::Immediately);
        assert!(messages.wants(Topic::NewMessage));
        assert!(!messages.wants(Topic::NewReport));
    }

    #[test]
    fn notices_go_out_at_the_chosen_pace() {
        let now = on(Topic::ALL.to_vec(), Frequency::Immediately);
        assert!(now.due(Some(NOW), NOW));
        let weekly = on(Topic::ALL.to_vec(), Frequency::Weekly);
        assert!(weekly.due(None, NOW), "the first notice goes at once");
        assert!(!weekly.due(Some(NOW - Duration::days(6)), NOW));
        assert!(weekly.due(Some(NOW - Duration::days(7)), NOW));
        let off = NotificationSettings::default();
        assert!(!off.due(None, NOW));
    }

    #[test]
    fn names_round_trip() {
        for t in Topic::ALL {
            assert_eq!(Topic::parse(t.as_str()), Some(t));
        }
        for f in [Frequency::Immediately, Frequency::Daily, Frequency::Weekly] {
            assert_eq!(Frequency::parse(f.as_str()), Some(f));
        }
        assert_eq!(Topic::parse("spam"), None);
        assert_eq!(Frequency::parse("hourly"), None);
    }

    proptest! {
        /// Retries wait longer each time, never more than three hours, and stop at the limit.
        #[test]
        fn retries_back_off_and_stop(attempts in 1u32..40) {
            match (retry_after(attempts), retry_after(attempts + 1)) {
                (Some(a), Some(b)) => {
                    prop_assert!(b >= a);
                    prop_assert!(b <= Duration::hours(3));
                    prop_assert!(attempts + 1 < MAX_ATTEMPTS);
                }
                (Some(_), None) => prop_assert_eq!(attempts + 1, MAX_ATTEMPTS),
                (None, next) => {
                    prop_assert!(attempts >= MAX_ATTEMPTS);
                    prop_assert!(next.is_none());
                }
            }
        }
    }
}
