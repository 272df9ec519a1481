//! Personal details a person types in forms: an e-mail address and a birth date.

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;
use time::{Date, Month};

use crate::message::HasMessageKey;

/// An e-mail address, checked for the shape mail servers accept; the domain is kept in
/// lowercase, the local part as typed (it may be case-sensitive). Kept out of logs.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EmailAddress(String);

impl EmailAddress {
    /// Validates an address.
    ///
    /// ```
    /// use inzage_domain::contact::EmailAddress;
    /// assert_eq!(EmailAddress::parse(" An.Peeters@Example.BE ").unwrap().as_str(), "An.Peeters@example.be");
    /// assert!(EmailAddress::parse("an.peeters@example").is_err());
    /// ```
    pub fn parse(input: &str) -> Result<Self, EmailAddressError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(EmailAddressError::Empty);
        }
        if s.chars().count() > 254 {
            return Err(EmailAddressError::TooLong);
        }
        let (local, domain) = match s.rsplit_once('@') {
            Some(parts) => parts,
            None => return Err(EmailAddressError::MissingAt),
        };
        let local_ok = (1..=64).contains(&local.chars().count())
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local.chars().all(|c| {
                !c.is_whitespace()
                    && !c.is_control()
                    && !matches!(
                        c,
                        '@' | '"' | '(' | ')' | ',' | ':' | ';' | '<' | '>' | '[' | '\\' | ']'
                    )
            });
        if !local_ok {
            return Err(EmailAddressError::InvalidLocalPart);
        }
        let domain = domain.to_lowercase();
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|l| {
                (1..=63).contains(&l.chars().count())
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_alphanumeric() || c == '-')
            })
            && labels
                .last()
                .is_some_and(|tld| !tld.chars().all(|c| c.is_ascii_digit()));
        if !domain_ok {
            return Err(EmailAddressError::InvalidDomain);
        }
        Ok(Self(format!("{local}@{domain}")))
    }

    /// The address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("EmailAddress(<redacted>)")
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for EmailAddress {
    type Error = EmailAddressError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<EmailAddress> for String {
    fn from(value: EmailAddress) -> Self {
        value.0
    }
}

/// Why an e-mail address is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EmailAddressError {
    /// Nothing was typed.
    #[error("the e-mail address is empty")]
    Empty,
    /// More than 254 characters.
    #[error("an e-mail address has at most 254 characters")]
    TooLong,
    /// No `@`.
    #[error("an e-mail address has an `@`")]
    MissingAt,
    /// The part before the `@` is not acceptable.
    #[error("the part before the `@` is not valid")]
    InvalidLocalPart,
    /// The part after the `@` is not a domain name.
    #[error("the part after the `@` is not a domain name")]
    InvalidDomain,
}

impl HasMessageKey for EmailAddressError {
    fn message_key(&self) -> &'static str {
        match self {
            EmailAddressError::Empty => "email.empty",
            EmailAddressError::TooLong => "email.too_long",
            EmailAddressError::MissingAt => "email.missing_at",
            EmailAddressError::InvalidLocalPart => "email.invalid_local_part",
            EmailAddressError::InvalidDomain => "email.invalid_domain",
        }
    }
}

/// A birth date typed in a form: `YYYY-MM-DD`, or day first as `DD-MM-YYYY`, `DD/MM/YYYY` or
/// `DD.MM.YYYY` as Belgians and the Dutch write it. Never in the future, never before 1900.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BirthDate(Date);

/// The earliest birth date accepted.
pub const EARLIEST_BIRTH_DATE: Date = time::macros::date!(1900 - 01 - 01);

impl BirthDate {
    /// Validates a typed birth date against `today` (passed in: the domain reads no clock).
    ///
    /// ```
    /// use inzage_domain::contact::BirthDate;
    /// use time::macros::date;
    /// let today = date!(2026 - 11 - 27);
    /// assert_eq!(BirthDate::parse("08/11/1948", today).unwrap().date(), date!(1948 - 11 - 08));
    /// assert!(BirthDate::parse("2027-01-01", today).is_err());
    /// ```
    pub fn parse(input: &str, today: Date) -> Result<Self, BirthDateError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(BirthDateError::Empty);
        }
        let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
        let numbers: Vec<u32> = parts
            .iter()
            .map(|p| {
                if !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()) {
                    p.parse().map_err(|_| BirthDateError::InvalidFormat)
                } else {
                    Err(BirthDateError::InvalidFormat)
                }
            })
            .collect::<Result<_, _>>()?;
        let (year, month, day) = match (parts.as_slice(), numbers.as_slice()) {
            ([y, _, _], [yy, mm, dd]) if y.len() == 4 && s.contains('-') => (*yy, *mm, *dd),
            ([_, _, y], [dd, mm, yy]) if y.len() == 4 => (*yy, *mm, *dd),
            _ => return Err(BirthDateError::InvalidFormat),
        };
        let date = Month::try_from(u8::try_from(month).unwrap_or(0))
            .ok()
            .and_then(|m| {
                Date::from_calendar_date(i32::try_from(year).ok()?, m, u8::try_from(day).ok()?).ok()
            })
            .ok_or(BirthDateError::InvalidDate)?;
        if date > today {
            return Err(BirthDateError::InTheFuture);
        }
        if date < EARLIEST_BIRTH_DATE {
            return Err(BirthDateError::TooLongAgo);
        }
        Ok(Self(date))
    }

    /// The date.
    pub fn date(self) -> Date {
        self.0
    }
}

/// Why a birth date is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BirthDateError {
    /// Nothing was typed.
    #[error("the birth date is empty")]
    Empty,
    /// Not written as a date.
    #[error("write a birth date as DD-MM-YYYY")]
    InvalidFormat,
    /// A day that does not exist.
    #[error("this day does not exist")]
    InvalidDate,
    /// After today.
    #[error("a birth date cannot be in the future")]
    InTheFuture,
    /// Before 1900.
    #[error("a birth date is from 1900 on")]
    TooLongAgo,
}

impl HasMessageKey for BirthDateError {
    fn message_key(&self) -> &'static str {
        match self {
            BirthDateError::Empty => "birth_date.empty",
            BirthDateError::InvalidFormat => "birth_date.invalid_format",
            BirthDateError::InvalidDate => "birth_date.invalid_date",
            BirthDateError::InTheFuture => "birth_date.in_the_future",
            BirthDateError::TooLongAgo => "birth_date.too_long_ago",
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    #[test]
    fn email_addresses() {
        let table: [(&str, Result<&str, &str>); 14] = [
            ("an.peeters@example.be", Ok("an.peeters@example.be")),
            (" An.Peeters@Example.BE ", Ok("An.Peeters@example.be")),
            ("jan+portaal@ziekenhuis.nl", Ok("jan+portaal@ziekenhuis.nl")),
            ("élise@hôpital.be", Ok("élise@hôpital.be")),
            ("", Err("email.empty")),
            ("an.peeters", Err("email.missing_at")),
            ("@example.be", Err("email.invalid_local_part")),
            (".an@example.be", Err("email.invalid_local_part")),
            ("an..peeters@example.be", Err("email.invalid_local_part")),
            ("an peeters@example.be", Err("email.invalid_local_part")),
            ("an@example", Err("email.invalid_domain")),
            ("an@-example.be", Err("email.invalid_domain")),
            ("an@example..be", Err("email.invalid_domain")),
            ("an@1.2.3.4", Err("email.invalid_domain")),
        ];
        for (input, expected) in table {
            let got = EmailAddress::parse(input);
            assert_eq!(
                got.as_ref()
                    .map(EmailAddress::as_str)
                    .map_err(|e| e.message_key()),
                expected,
                "{input:?}"
            );
        }
        assert_eq!(
            EmailAddress::parse(&format!("{}@example.be", "a".repeat(250)))
                .map_err(|e| e.message_key()),
            Err("email.too_long")
        );
        let e = EmailAddress::parse("an@example.be").unwrap();
        assert!(!format!("{e:?}").contains("example"));
        assert!(serde_json::from_str::<EmailAddress>("\"an@example\"").is_err());
    }

    #[test]
    fn birth_dates() {
        let today = date!(2026 - 11 - 27);
        let table: [(&str, Result<Date, &str>); 12] = [
            ("1948-11-08", Ok(date!(1948 - 11 - 08))),
            ("08-11-1948", Ok(date!(1948 - 11 - 08))),
            ("8/11/1948", Ok(date!(1948 - 11 - 08))),
            ("08.11.1948", Ok(date!(1948 - 11 - 08))),
            ("29-02-2012", Ok(date!(2012 - 02 - 29))),
            ("2026-11-27", Ok(today)),
            ("", Err("birth_date.empty")),
            ("november 1948", Err("birth_date.invalid_format")),
            ("1948/11/08", Err("birth_date.invalid_format")),
            ("29-02-2013", Err("birth_date.invalid_date")),
            ("2026-11-28", Err("birth_date.in_the_future")),
            ("31-12-1899", Err("birth_date.too_long_ago")),
        ];
        for (input, expected) in table {
            let got = BirthDate::parse(input, today)
                .map(BirthDate::date)
                .map_err(|e| e.message_key());
            assert_eq!(got, expected, "{input:?}");
        }
    }

    proptest! {
        #[test]
        fn every_valid_date_round_trips_in_both_notations(days in 0i64..45_000) {
            let today = date!(2026 - 11 - 27);
            let d = EARLIEST_BIRTH_DATE + time::Duration::days(days);
            prop_assume!(d <= today);
            let iso = d.to_string();
            let dutch = format!("{:02}-{:02}-{}", d.day(), u8::from(d.month()), d.year());
            prop_assert_eq!(BirthDate::parse(&iso, today).map(BirthDate::date), Ok(d));
            prop_assert_eq!(BirthDate::parse(&dutch, today).map(BirthDate::date), Ok(d));
        }

        #[test]
        fn email_parsing_never_panics(s in "\\PC{0,300}") {
            let _ = EmailAddress::parse(&s);
        }
    }
}
