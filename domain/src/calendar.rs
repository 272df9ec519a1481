//! Local dates in the hospital's time zone, and ages that change at local midnight of a birthday.
//!
//! Belgium and the Netherlands share one time zone rule (Central European Time: UTC+1, and UTC+2
//! from 01:00 UTC on the last Sunday of March until 01:00 UTC on the last Sunday of October), so
//! the domain carries that rule itself instead of a time zone database, and stays free of I/O.

use serde::{Deserialize, Serialize};
use time::{Date, Month, OffsetDateTime, UtcOffset};

/// The time zone a hospital works in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum TimeZone {
    /// Europe/Brussels.
    #[default]
    #[serde(rename = "Europe/Brussels")]
    EuropeBrussels,
    /// Europe/Amsterdam.
    #[serde(rename = "Europe/Amsterdam")]
    EuropeAmsterdam,
}

impl TimeZone {
    /// The offset from UTC in force at an instant.
    /// ```
    /// use inzage_domain::calendar::TimeZone;
    /// use time::macros::datetime;
    /// assert_eq!(TimeZone::EuropeAmsterdam.offset_at(datetime!(2026-07-01 12:00 UTC)).whole_hours(), 2);
    /// assert_eq!(TimeZone::EuropeAmsterdam.offset_at(datetime!(2026-01-01 12:00 UTC)).whole_hours(), 1);
    /// ```
    pub fn offset_at(self, t: OffsetDateTime) -> UtcOffset {
        // Both zones follow the EU rule since 1996; earlier instants use the same rule, which is
        // good enough for ages (no birthday falls in a transition hour's ambiguity that matters).
        let t = t.to_offset(UtcOffset::UTC);
        let year = t.year();
        let summer =
            t >= switch_instant(year, Month::March) && t < switch_instant(year, Month::October);
        let hours = if summer { 2 } else { 1 };
        UtcOffset::from_hms(hours, 0, 0).unwrap_or(UtcOffset::UTC)
    }

    /// The local calendar date at an instant.
    /// ```
    /// use inzage_domain::calendar::TimeZone;
    /// use time::macros::{date, datetime};
    /// // 23:30 UTC on a summer evening is already the next day in Brussels.
    /// assert_eq!(TimeZone::EuropeBrussels.local_date(datetime!(2026-07-14 23:30 UTC)), date!(2026 - 07 - 15));
    /// ```
    pub fn local_date(self, t: OffsetDateTime) -> Date {
        t.to_offset(self.offset_at(t)).date()
    }

    /// The instant a local calendar day starts (local midnight).
    /// ```
    /// use inzage_domain::calendar::TimeZone;
    /// use time::macros::{date, datetime};
    /// assert_eq!(TimeZone::EuropeBrussels.start_of_day(date!(2026 - 07 - 15)), datetime!(2026-07-14 22:00 UTC));
    /// assert_eq!(TimeZone::EuropeBrussels.start_of_day(date!(2026 - 01 - 15)), datetime!(2026-01-14 23:00 UTC));
    /// ```
    pub fn start_of_day(self, day: Date) -> OffsetDateTime {
        // The EU switches at 01:00 UTC, never around local midnight: the offset two hours
        // before UTC midnight is the one in force at local midnight.
        let utc_midnight = day.midnight().assume_utc();
        let offset = self.offset_at(utc_midnight - time::Duration::hours(2));
        day.midnight()
            .assume_offset(offset)
            .to_offset(UtcOffset::UTC)
    }
}

/// 01:00 UTC on the last Sunday of a month: when EU summer time starts (March) or ends (October).
fn switch_instant(year: i32, month: Month) -> OffsetDateTime {
    let last = Date::from_calendar_date(year, month, 31).unwrap_or(Date::MIN);
    let back = i64::from(last.weekday().number_days_from_sunday());
    let sunday = last.checked_sub(time::Duration::days(back)).unwrap_or(last);
    sunday.midnight().assume_utc() + time::Duration::hours(1)
}

/// Parses a `YYYY-MM-DD` date, as the domain writes dates into message arguments.
pub fn parse_iso_date(s: &str) -> Option<Date> {
    Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).ok()
}

/// The date on which someone born on `birth` turns `years` old.
///
/// Someone born on 29 February turns a year older on 1 March in common years: until that day the
/// anniversary has not been reached. For access rules this is the later of the two readings, so
/// a threshold is never crossed early.
/// ```
/// use inzage_domain::calendar::birthday;
/// use time::macros::date;
/// assert_eq!(birthday(date!(2012 - 02 - 29), 15), date!(2027 - 03 - 01));
/// ```
pub fn birthday(birth: Date, years: u8) -> Date {
    let year = birth.year() + i32::from(years);
    Date::from_calendar_date(year, birth.month(), birth.day())
        .or_else(|_| Date::from_calendar_date(year, Month::March, 1))
        .unwrap_or(Date::MAX)
}

/// Whether someone born on `birth` is at least `years` old at instant `now` in time zone `tz`.
///
/// The answer flips exactly once, at local midnight of the birthday.
/// ```
/// use inzage_domain::calendar::{has_reached_age, TimeZone};
/// use time::macros::{date, datetime};
/// let tz = TimeZone::EuropeBrussels;
/// // Local midnight of 1 March 2026 in Brussels is 23:00 UTC on 28 February.
/// assert!(!has_reached_age(date!(2011 - 03 - 01), 15, datetime!(2026-02-28 22:59 UTC), tz));
/// assert!(has_reached_age(date!(2011 - 03 - 01), 15, datetime!(2026-02-28 23:00 UTC), tz));
/// ```
pub fn has_reached_age(birth: Date, years: u8, now: OffsetDateTime, tz: TimeZone) -> bool {
    tz.local_date(now) >= birthday(birth, years)
}

/// Completed years at local date `on`.
/// ```
/// use inzage_domain::calendar::age_on;
/// use time::macros::date;
/// assert_eq!(age_on(date!(2008 - 02 - 29), date!(2023 - 02 - 28)), 14);
/// assert_eq!(age_on(date!(2008 - 02 - 29), date!(2023 - 03 - 01)), 15);
/// ```
pub fn age_on(birth: Date, on: Date) -> u32 {
    let mut age = on.year() - birth.year();
    let anniversary_passed = (on.month(), on.day()) >= (birth.month(), birth.day());
    if !anniversary_passed {
        age -= 1;
    }
    // A 29 February birth is not a year older on 28 February of a common year: (2, 28) is
    // before (2, 29), which agrees with [`birthday`].
    u32::try_from(age.max(0)).unwrap_or(0)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::{date, datetime};

    #[test]
    fn switches_fall_on_sundays_in_the_last_week() {
        for year in 1990..2100 {
            for month in [Month::March, Month::October] {
                let d = switch_instant(year, month).date();
                assert_eq!(d.weekday(), time::Weekday::Sunday);
                assert_eq!(d.month(), month);
                assert!(d.day() >= 25, "{d}");
            }
        }
    }

    #[test]
    fn summer_time_switches_on_the_last_sundays() {
        let tz = TimeZone::EuropeBrussels;
        let h1 = UtcOffset::from_hms(1, 0, 0).unwrap_or(UtcOffset::UTC);
        let h2 = UtcOffset::from_hms(2, 0, 0).unwrap_or(UtcOffset::UTC);
        assert_eq!(tz.offset_at(datetime!(2026-03-29 00:59:59 UTC)), h1);
        assert_eq!(tz.offset_at(datetime!(2026-03-29 01:00 UTC)), h2);
        assert_eq!(tz.offset_at(datetime!(2026-10-25 00:59:59 UTC)), h2);
        assert_eq!(tz.offset_at(datetime!(2026-10-25 01:00 UTC)), h1);
    }

    #[test]
    fn the_local_date_changes_at_local_midnight() {
        let tz = TimeZone::EuropeAmsterdam;
        // 22:30 UTC in July is 00:30 the next day in Amsterdam; in January 23:30.
        assert_eq!(
            tz.local_date(datetime!(2026-07-14 22:30 UTC)),
            date!(2026 - 07 - 15)
        );
        assert_eq!(
            tz.local_date(datetime!(2026-01-14 22:30 UTC)),
            date!(2026 - 01 - 14)
        );
        assert_eq!(
            tz.local_date(datetime!(2026-01-14 23:00 UTC)),
            date!(2026 - 01 - 15)
        );
    }

    #[test]
    fn birthdays_including_29_february() {
        assert_eq!(birthday(date!(2012 - 11 - 11), 15), date!(2027 - 11 - 11));
        assert_eq!(birthday(date!(2008 - 02 - 29), 15), date!(2023 - 03 - 01));
        assert_eq!(birthday(date!(2008 - 02 - 29), 16), date!(2024 - 02 - 29));
        assert_eq!(age_on(date!(2008 - 02 - 29), date!(2023 - 02 - 28)), 14);
        assert_eq!(age_on(date!(2008 - 02 - 29), date!(2023 - 03 - 01)), 15);
        assert_eq!(age_on(date!(2012 - 11 - 11), date!(2027 - 11 - 10)), 14);
        assert_eq!(age_on(date!(2012 - 11 - 11), date!(2027 - 11 - 11)), 15);
    }

    #[test]
    fn an_age_is_reached_at_local_midnight_of_the_birthday() {
        let tz = TimeZone::EuropeBrussels;
        let birth = date!(2011 - 03 - 01);
        // 1 March 2026 00:00 in Brussels is 28 February 23:00 UTC.
        assert!(!has_reached_age(
            birth,
            15,
            datetime!(2026-02-28 22:59:59 UTC),
            tz
        ));
        assert!(has_reached_age(
            birth,
            15,
            datetime!(2026-02-28 23:00 UTC),
            tz
        ));
        // In summer, midnight is 22:00 UTC.
        let summer = date!(2011 - 07 - 01);
        assert!(!has_reached_age(
            summer,
            15,
            datetime!(2026-06-30 21:59:59 UTC),
            tz
        ));
        assert!(has_reached_age(
            summer,
            15,
            datetime!(2026-06-30 22:00 UTC),
            tz
        ));
    }

    fn arb_birth() -> impl Strategy<Value = Date> {
        (1990i32..2025, 1u16..=366)
            .prop_filter_map("valid", |(y, d)| Date::from_ordinal_date(y, d).ok())
    }

    proptest! {
        /// Over any two days around a birthday, the threshold flips exactly once: false before
        /// local midnight of the birthday, true from then on (daylight saving changes included).
        #[test]
        fn every_threshold_flips_exactly_once(birth in arb_birth(), years in 1u8..20, step_minutes in 7i64..90) {
            let tz = TimeZone::EuropeBrussels;
            let day = birthday(birth, years);
            let start = day.midnight().assume_utc() - time::Duration::days(1);
            let mut flips = 0;
            let mut previous = has_reached_age(birth, years, start, tz);
            prop_assert!(!previous);
            let mut t = start;
            while t < start + time::Duration::days(3) {
                let now = has_reached_age(birth, years, t, tz);
                if now != previous {
                    flips += 1;
                    prop_assert_eq!(tz.local_date(t), day);
                }
                previous = now;
                t += time::Duration::minutes(step_minutes);
            }
            prop_assert_eq!(flips, 1);
            prop_assert!(previous);
        }

        #[test]
        fn age_on_agrees_with_birthday(birth in arb_birth(), years in 0u8..30) {
            let day = birthday(birth, years);
            prop_assert!(age_on(birth, day) >= u32::from(years));
            if let Some(before) = day.previous_day() {
                prop_assert!(age_on(birth, before) < u32::from(years) || years == 0);
            }
        }
    }
}
