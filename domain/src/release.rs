//! When new results and reports appear in the portal: the care team's hold and the patient's own
//! choice on top of it.
//!
//! A hospital may hold new items of a category for some days so that the doctor can discuss
//! them first (the network file's `release = { results_after_days, reports_after_days }`). The
//! patient may choose to wait longer, never shorter: to see new results only a week later, or
//! only once the consultation where they are discussed has started ("show new results only
//! after my consultation"). The choice applies to items dated from the day it was made; older
//! items stay as they were.
//!
//! [`hold`] turns these into the [`Hold`] an item carries in its
//! [`crate::access::ReportFacts`]; [`crate::decide`] then hides a held item from every person
//! (the patient and whoever acts for them) until the hold ends, with the reason of whichever
//! hold lasts longest. Care providers are not held back. The browser and the server compute the
//! same hold from the same facts.

use serde::{Deserialize, Serialize};
use time::{Date, Duration, OffsetDateTime};

/// A kind of item a hold applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReleaseCategory {
    /// Lab values and measurements (the Results section).
    Results,
    /// Reports: letters, imaging, lab and pathology reports, consultation notes.
    Reports,
}

impl ReleaseCategory {
    /// Both categories, in the order the portal shows them.
    pub const ALL: [ReleaseCategory; 2] = [ReleaseCategory::Results, ReleaseCategory::Reports];

    /// The stable name, as stored and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ReleaseCategory::Results => "results",
            ReleaseCategory::Reports => "reports",
        }
    }

    /// The category named `s`, if any.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// How long the patient wants new items of a category to wait, on top of the care team's hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReleasePreference {
    /// As soon as the hospital releases them.
    #[default]
    Immediately,
    /// A week after they are dated, so the doctor can call first.
    AfterAWeek,
    /// Once the first consultation at the same hospital from their date on has started; while
    /// none is planned, they wait.
    AfterConsultation,
}

impl ReleasePreference {
    /// Every choice, in the order the portal offers them.
    pub const ALL: [ReleasePreference; 3] = [
        ReleasePreference::Immediately,
        ReleasePreference::AfterAWeek,
        ReleasePreference::AfterConsultation,
    ];

    /// The stable name, as stored and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ReleasePreference::Immediately => "immediately",
            ReleasePreference::AfterAWeek => "after_a_week",
            ReleasePreference::AfterConsultation => "after_consultation",
        }
    }

    /// The choice named `s`, if any.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// The patient's choice for one category, and the day (in the hospital's time zone) it was
/// made: it applies to items dated from that day on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatientChoice {
    /// The choice.
    pub preference: ReleasePreference,
    /// The day it was made.
    pub since: Date,
}

/// Who holds an item back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HoldBy {
    /// The hospital's care team, for a fixed number of days.
    CareTeam,
    /// The patient's own choice.
    Patient,
}

/// An item held back from the portal until `until` (exclusive); `None`: until a consultation
/// that is not planned yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hold {
    /// Whose hold it is.
    pub by: HoldBy,
    /// When the item appears.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub until: Option<OffsetDateTime>,
}

impl Hold {
    /// Whether the item is still held at `now`.
    pub fn holds_at(&self, now: OffsetDateTime) -> bool {
        self.until.is_none_or(|until| now < until)
    }

    /// Whether this hold ends later than `other` (one without an end is the latest).
    fn outlasts(&self, other: &Hold) -> bool {
        match (self.until, other.until) {
            (None, _) => other.until.is_some(),
            (Some(_), None) => false,
            (Some(a), Some(b)) => a > b,
        }
    }
}

/// The most days a hospital may hold new items back: a month. Patients have a right to their
/// record; a hold is for the doctor to talk first, not to keep it from them.
pub const MAX_CARE_TEAM_DAYS: u16 = 31;

/// How many days a hospital's care teams hold new items back (the network file's
/// `release = { results_after_days, reports_after_days }`); none by default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CareTeamHolds {
    /// Days for new results.
    #[serde(default)]
    pub results_after_days: u16,
    /// Days for new reports.
    #[serde(default)]
    pub reports_after_days: u16,
}

impl CareTeamHolds {
    /// The days for `category`.
    pub fn days(&self, category: ReleaseCategory) -> u16 {
        match category {
            ReleaseCategory::Results => self.results_after_days,
            ReleaseCategory::Reports => self.reports_after_days,
        }
    }
}

/// Everything [`hold`] looks at for one item.
#[derive(Debug, Clone, Copy)]
pub struct ItemRelease<'a> {
    /// The day the item is dated, in its hospital's time zone.
    pub day: Date,
    /// The instant it is dated (a result's time, or the start of a report's day).
    pub ready: OffsetDateTime,
    /// How many days the hospital holds new items of its category (0: none).
    pub care_team_days: u16,
    /// The patient's choice for its category, if they made one.
    pub choice: Option<PatientChoice>,
    /// When the patient's consultations at the item's hospital start (booked, past or not),
    /// in any order.
    pub consultations: &'a [OffsetDateTime],
}

/// The hold on one item, if any: the longer of the care team's and the patient's.
/// ```
/// use inzage_domain::release::{hold, HoldBy, ItemRelease, PatientChoice, ReleasePreference};
/// use time::macros::{date, datetime};
/// let consult = datetime!(2026-12-03 09:00 UTC);
/// let h = hold(ItemRelease {
///     day: date!(2026 - 11 - 27),
///     ready: datetime!(2026-11-27 08:00 UTC),
///     care_team_days: 2,
///     choice: Some(PatientChoice { preference: ReleasePreference::AfterConsultation, since: date!(2026 - 11 - 01) }),
///     consultations: &[consult],
/// });
/// assert_eq!(h.map(|h| (h.by, h.until)), Some((HoldBy::Patient, Some(consult))));
/// ```
pub fn hold(item: ItemRelease<'_>) -> Option<Hold> {
    let care_team = (item.care_team_days > 0).then(|| Hold {
        by: HoldBy::CareTeam,
        until: Some(item.ready + Duration::days(i64::from(item.care_team_days))),
    });
    let patient = item
        .choice
        .filter(|c| item.day >= c.since)
        .and_then(|c| match c.preference {
            ReleasePreference::Immediately => None,
            ReleasePreference::AfterAWeek => Some(Some(item.ready + Duration::days(7))),
            ReleasePreference::AfterConsultation => Some(
                item.consultations
                    .iter()
                    .copied()
                    .filter(|start| *start >= item.ready)
                    .min(),
            ),
        })
        .map(|until| Hold {
            by: HoldBy::Patient,
            until,
        });
    match (care_team, patient) {
        (Some(c), Some(p)) => Some(if p.outlasts(&c) { p } else { c }),
        (c, p) => c.or(p),
    }
}

/// One hospital's hold on a category, as the settings page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HospitalHold {
    /// The hospital's name.
    pub hospital: String,
    /// How many days it holds new items.
    pub days: u16,
}

/// One category's release: the patient's choice and the care teams' holds beneath it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CategoryRelease {
    /// Which category.
    pub category: ReleaseCategory,
    /// The patient's choice (immediately when they made none).
    pub preference: ReleasePreference,
    /// The day the choice was made, if one was.
    #[serde(default)]
    pub since: Option<Date>,
    /// The network's hospitals that hold new items of this category back, and for how long.
    pub care_team: Vec<HospitalHold>,
}

/// A record's release settings, both categories.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReleaseSettings {
    /// Results first, then reports.
    pub categories: Vec<CategoryRelease>,
    /// Whether the person asking may change the choices (the patient or whoever acts in their
    /// place; not a trusted person).
    pub can_change: bool,
}

/// A change of the patient's choice for one category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SetRelease {
    /// Which category.
    pub category: ReleaseCategory,
    /// The new choice.
    pub preference: ReleasePreference,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use time::macros::{date, datetime};

    const READY: OffsetDateTime = datetime!(2026-11-27 08:00 UTC);

    fn item(
        days: u16,
        choice: Option<ReleasePreference>,
        consultations: &[OffsetDateTime],
    ) -> Option<Hold> {
        hold(ItemRelease {
            day: date!(2026 - 11 - 27),
            ready: READY,
            care_team_days: days,
            choice: choice.map(|preference| PatientChoice {
                preference,
                since: date!(2026 - 11 - 20),
            }),
            consultations,
        })
    }

    #[test]
    fn nothing_holds_an_item_unless_someone_chose_to() {
        assert_eq!(item(0, None, &[]), None);
        assert_eq!(item(0, Some(ReleasePreference::Immediately), &[]), None);
    }

    #[test]
    fn the_care_team_holds_for_its_days() {
        let h = item(7, None, &[]).unwrap();
        assert_eq!(
            (h.by, h.until),
            (HoldBy::CareTeam, Some(READY + Duration::days(7)))
        );
        assert!(h.holds_at(READY + Duration::days(7) - Duration::seconds(1)));
        assert!(!h.holds_at(READY + Duration::days(7)));
    }

    #[test]
    fn a_week_later_is_counted_from_the_item() {
        let h = item(0, Some(ReleasePreference::AfterAWeek), &[]).unwrap();
        assert_eq!(
            (h.by, h.until),
            (HoldBy::Patient, Some(READY + Duration::days(7)))
        );
    }

    #[test]
    fn after_the_consultation_waits_for_the_first_one_from_the_items_date() {
        let before = datetime!(2026-11-20 09:00 UTC);
        let first = datetime!(2026-12-03 09:00 UTC);
        let later = datetime!(2026-12-10 09:00 UTC);
        let h = item(
            0,
            Some(ReleasePreference::AfterConsultation),
            &[later, before, first],
        )
        .unwrap();
        assert_eq!((h.by, h.until), (HoldBy::Patient, Some(first)));
        // None planned: it waits until one is.
        let h = item(0, Some(ReleasePreference::AfterConsultation), &[before]).unwrap();
        assert_eq!((h.by, h.until), (HoldBy::Patient, None));
        assert!(h.holds_at(datetime!(2100-01-01 00:00 UTC)));
    }

    #[test]
    fn the_longer_hold_wins_and_the_patient_never_shortens_the_care_teams() {
        let soon = READY + Duration::days(2);
        let h = item(7, Some(ReleasePreference::AfterConsultation), &[soon]).unwrap();
        assert_eq!(
            (h.by, h.until),
            (HoldBy::CareTeam, Some(READY + Duration::days(7)))
        );
        let h = item(3, Some(ReleasePreference::AfterAWeek), &[]).unwrap();
        assert_eq!(h.by, HoldBy::Patient);
        let h = item(31, Some(ReleasePreference::AfterConsultation), &[]).unwrap();
        assert_eq!((h.by, h.until), (HoldBy::Patient, None));
        // Equal ends: the care team's reason is given.
        let h = item(7, Some(ReleasePreference::AfterAWeek), &[]).unwrap();
        assert_eq!(h.by, HoldBy::CareTeam);
    }

    #[test]
    fn a_choice_applies_to_items_dated_from_its_day_on() {
        let h = hold(ItemRelease {
            day: date!(2026 - 11 - 19),
            ready: datetime!(2026-11-19 08:00 UTC),
            care_team_days: 0,
            choice: Some(PatientChoice {
                preference: ReleasePreference::AfterAWeek,
                since: date!(2026 - 11 - 20),
            }),
            consultations: &[],
        });
        assert_eq!(h, None);
    }

    #[test]
    fn names_round_trip() {
        for c in ReleaseCategory::ALL {
            assert_eq!(ReleaseCategory::parse(c.as_str()), Some(c));
            assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
        }
        for p in ReleasePreference::ALL {
            assert_eq!(ReleasePreference::parse(p.as_str()), Some(p));
            assert_eq!(serde_json::to_value(p).unwrap(), p.as_str());
        }
        assert_eq!(ReleasePreference::parse("never"), None);
    }
}
