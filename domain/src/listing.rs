//! Filters, search and pages for the record's lists (reports, results, the search across the
//! record): what a person asks of a list, checked the same way in the browser and on the server,
//! and which entries it keeps.
//!
//! The access rules decide first; a filter only narrows what the person may read already.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::message::Message;
use crate::wire::FieldErrors;

/// Entries per page of a record's list.
pub const PAGE_SIZE: usize = 50;

/// The longest search text, in characters.
pub const QUERY_MAX: usize = 100;

/// A list's filters as the person typed them, as they travel in a URL's query: every field is
/// optional and text, so that a bad value gets the domain's message, not a parser's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema, utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(default)]
pub struct ListQuery {
    /// Only this hospital's entries (its id, as the list's `hospitals` name them).
    pub hospital: Option<String>,
    /// From this day on, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Up to and including this day, `YYYY-MM-DD`.
    pub to: Option<String>,
    /// Words that must all appear in the entry (its title, kind or hospital), in any case and
    /// with or without accents.
    pub q: Option<String>,
    /// The page, counted from 1.
    pub page: Option<String>,
}

/// A checked [`ListQuery`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    /// Only this hospital's entries.
    pub hospital: Option<String>,
    /// From this day on.
    pub from: Option<Date>,
    /// Up to and including this day.
    pub to: Option<Date>,
    /// The search words, folded (see [`fold`]).
    pub words: Vec<String>,
    /// The page, from 1.
    pub page: usize,
}

impl Default for Filter {
    fn default() -> Self {
        Self {
            hospital: None,
            from: None,
            to: None,
            words: Vec::new(),
            page: 1,
        }
    }
}

/// Where a list stands: which page of how many entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page {
    /// This page, from 1.
    pub number: u32,
    /// Entries per page.
    pub size: u32,
    /// Entries on all pages together (those that pass the filters).
    pub total: u32,
}

impl Default for Page {
    fn default() -> Self {
        Self {
            number: 1,
            size: PAGE_SIZE as u32,
            total: 0,
        }
    }
}

impl Page {
    /// How many pages there are (at least one, which may be empty).
    pub fn count(&self) -> u32 {
        self.total.div_ceil(self.size.max(1)).max(1)
    }
}

/// A hospital a list's entries come from, to filter on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HospitalOption {
    /// The hospital's id, for [`ListQuery::hospital`].
    pub id: String,
    /// Its name.
    pub name: String,
}

/// What a filter looks at in one entry.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    /// The hospital's id.
    pub hospital: &'a str,
    /// The entry's day.
    pub date: Date,
    /// The texts the search words are looked for in.
    pub texts: &'a [&'a str],
}

fn blank(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// A day as `YYYY-MM-DD`.
pub(crate) fn parse_day(text: &str) -> Option<Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(text, format).ok()
}

impl ListQuery {
    /// Checks every field; the errors name the field and are message keys.
    ///
    /// ```
    /// use inzage_domain::listing::ListQuery;
    /// let q = ListQuery { from: Some("2024-05-01".into()), to: Some("2024-04-01".into()), ..Default::default() };
    /// let errors = q.validate().unwrap_err();
    /// assert_eq!(errors.first("to").map(|m| m.key.as_ref()), Some("list.period_reversed"));
    /// ```
    pub fn validate(&self) -> Result<Filter, FieldErrors> {
        let mut errors = FieldErrors::default();
        let mut day = |field: &str, value: &Option<String>| {
            blank(value).and_then(|v| {
                let parsed = parse_day(v);
                if parsed.is_none() {
                    errors.add(field, Message::new("list.bad_date"));
                }
                parsed
            })
        };
        let from = day("from", &self.from);
        let to = day("to", &self.to);
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                errors.add("to", Message::new("list.period_reversed"));
            }
        }
        let q = blank(&self.q).unwrap_or_default();
        if q.chars().count() > QUERY_MAX {
            errors.add(
                "q",
                Message::new("list.query_too_long").arg("max", QUERY_MAX.to_string()),
            );
        }
        let page = match blank(&self.page) {
            None => 1,
            Some(p) => match p.parse::<usize>() {
                Ok(n) if (1..=u32::MAX as usize).contains(&n) => n,
                _ => {
                    errors.add("page", Message::new("list.bad_page"));
                    1
                }
            },
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Filter {
            hospital: blank(&self.hospital).map(str::to_owned),
            from,
            to,
            words: q.split_whitespace().map(fold).collect(),
            page,
        })
    }

    /// The same query for another page (none for the first).
    pub fn with_page(&self, page: u32) -> Self {
        Self {
            page: (page > 1).then(|| page.to_string()),
            ..self.clone()
        }
    }

    /// The query as URL query pairs, leaving out empty fields.
    pub fn pairs(&self) -> Vec<(&'static str, &str)> {
        [
            ("hospital", &self.hospital),
            ("from", &self.from),
            ("to", &self.to),
            ("q", &self.q),
            ("page", &self.page),
        ]
        .into_iter()
        .filter_map(|(name, value)| blank(value).map(|v| (name, v)))
        .collect()
    }
}

impl Filter {
    /// Whether the filter asks for anything (a search or a narrowing).
    pub fn is_narrowing(&self) -> bool {
        self.hospital.is_some()
            || self.from.is_some()
            || self.to.is_some()
            || !self.words.is_empty()
    }

    /// Whether an entry passes the hospital and period filters and holds every search word.
    pub fn admits(&self, entry: &Entry<'_>) -> bool {
        self.hospital.as_deref().is_none_or(|h| h == entry.hospital)
            && self.from.is_none_or(|f| entry.date >= f)
            && self.to.is_none_or(|t| entry.date <= t)
            && self.matches(entry.texts)
    }

    /// Whether `texts` together hold every search word.
    pub fn matches(&self, texts: &[&str]) -> bool {
        if self.words.is_empty() {
            return true;
        }
        let haystack: Vec<String> = texts.iter().map(|t| fold(t)).collect();
        self.words
            .iter()
            .all(|w| haystack.iter().any(|h| h.contains(w.as_str())))
    }

    /// This filter's page of `entries` (all that passed), and where it stands.
    pub fn page<T>(&self, entries: Vec<T>) -> (Vec<T>, Page) {
        let total = entries.len();
        let start = (self.page - 1).saturating_mul(PAGE_SIZE);
        let page = Page {
            number: u32::try_from(self.page).unwrap_or(u32::MAX),
            size: PAGE_SIZE as u32,
            total: u32::try_from(total).unwrap_or(u32::MAX),
        };
        let kept = entries.into_iter().skip(start).take(PAGE_SIZE).collect();
        (kept, page)
    }
}

/// Text as search compares it: lower case, without accents (`Crème brûlée` → `creme brulee`),
/// ligatures spelled out (`Œdeem` → `oedeem`, `ß` → `ss`).
///
/// ```
/// assert_eq!(inzage_domain::listing::fold("Hémoglobine ÏJZER"), "hemoglobine ijzer");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => out.push('a'),
            'ç' | 'ć' | 'č' => out.push('c'),
            'ď' | 'đ' => out.push('d'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => out.push('i'),
            'ł' | 'ľ' | 'ĺ' => out.push('l'),
            'ñ' | 'ń' | 'ň' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => out.push('o'),
            'ŕ' | 'ř' => out.push('r'),
            'ś' | 'š' | 'ş' => out.push('s'),
            'ť' | 'ţ' => out.push('t'),
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'ź' | 'ż' | 'ž' => out.push('z'),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ĳ' => out.push_str("ij"),
            'ß' => out.push_str("ss"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use time::macros::date;

    fn query(pairs: &[(&str, &str)]) -> ListQuery {
        let mut q = ListQuery::default();
        for (k, v) in pairs {
            let v = Some((*v).to_owned());
            match *k {
                "hospital" => q.hospital = v,
                "from" => q.from = v,
                "to" => q.to = v,
                "q" => q.q = v,
                "page" => q.page = v,
                _ => unreachable!(),
            }
        }
        q
    }

    fn first_error(q: &ListQuery, field: &str) -> Option<String> {
        q.validate()
            .err()
            .and_then(|e| e.first(field).map(|m| m.key.to_string()))
    }

    #[test]
    fn an_empty_query_keeps_everything_on_page_one() {
        let f = ListQuery::default().validate().unwrap();
        assert_eq!(f, Filter::default());
        assert!(!f.is_narrowing());
        let blank = query(&[("hospital", " "), ("from", ""), ("q", "  "), ("page", "")]);
        assert_eq!(blank.validate().unwrap(), Filter::default());
    }

    #[test]
    fn a_bad_day_is_refused_by_field() {
        assert_eq!(
            first_error(&query(&[("from", "1-2-2024")]), "from").as_deref(),
            Some("list.bad_date")
        );
        assert_eq!(
            first_error(&query(&[("to", "2024-02-30")]), "to").as_deref(),
            Some("list.bad_date")
        );
    }

    #[test]
    fn a_period_that_ends_before_it_starts_is_refused_but_one_day_is_fine() {
        let reversed = query(&[("from", "2024-05-02"), ("to", "2024-05-01")]);
        assert_eq!(
            first_error(&reversed, "to").as_deref(),
            Some("list.period_reversed")
        );
        let one_day = query(&[("from", "2024-05-01"), ("to", "2024-05-01")]);
        let f = one_day.validate().unwrap();
        assert_eq!(
            (f.from, f.to),
            (Some(date!(2024 - 05 - 01)), Some(date!(2024 - 05 - 01)))
        );
    }

    #[test]
    fn a_search_text_has_a_maximum_length_in_characters() {
        let just = "é".repeat(QUERY_MAX);
        assert!(query(&[("q", &just)]).validate().is_ok());
        let over = "é".repeat(QUERY_MAX + 1);
        let errors = query(&[("q", &over)]).validate().unwrap_err();
        let m = errors.first("q").unwrap();
        assert_eq!(m.key, "list.query_too_long");
        assert_eq!(m.args, vec![("max".into(), QUERY_MAX.to_string())]);
    }

    #[test]
    fn a_page_is_a_whole_number_from_one() {
        for bad in ["0", "-1", "1.5", "two", "99999999999"] {
            assert_eq!(
                first_error(&query(&[("page", bad)]), "page").as_deref(),
                Some("list.bad_page"),
                "{bad}"
            );
        }
        assert_eq!(query(&[("page", "3")]).validate().unwrap().page, 3);
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let q = query(&[("from", "x"), ("to", "y"), ("page", "0")]);
        let errors = q.validate().unwrap_err();
        assert_eq!(errors.0.len(), 3);
    }

    #[test]
    fn the_filter_keeps_one_hospital_and_a_period_with_both_ends() {
        let f = query(&[
            ("hospital", "h1"),
            ("from", "2024-01-01"),
            ("to", "2024-12-31"),
        ])
        .validate()
        .unwrap();
        let entry = |hospital, date| Entry {
            hospital,
            date,
            texts: &[],
        };
        assert!(f.admits(&entry("h1", date!(2024 - 01 - 01))));
        assert!(f.admits(&entry("h1", date!(2024 - 12 - 31))));
        assert!(!f.admits(&entry("h1", date!(2023 - 12 - 31))));
        assert!(!f.admits(&entry("h1", date!(2025 - 01 - 01))));
        assert!(!f.admits(&entry("h2", date!(2024 - 06 - 01))));
    }

    #[test]
    fn search_needs_every_word_in_any_text_ignoring_case_and_accents() {
        let f = query(&[("q", "  HEMOGLOBINE  bloed ")]).validate().unwrap();
        assert_eq!(f.words, vec!["hemoglobine", "bloed"]);
        assert!(f.matches(&["Hémoglobine", "Bloedonderzoek"]));
        assert!(!f.matches(&["Hémoglobine", "Urine"]));
        let one = query(&[("q", "crème")]).validate().unwrap();
        assert!(one.matches(&["CREME"]));
    }

    #[test]
    fn fold_spells_out_ligatures() {
        assert_eq!(fold("Œdeem"), "oedeem");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("ĲSSEL Æther"), "ijssel aether");
    }

    #[test]
    fn pages_hold_fifty_entries_and_count_the_total() {
        let entries: Vec<usize> = (0..120).collect();
        let f = |page| Filter {
            page,
            ..Filter::default()
        };
        let (first, p) = f(1).page(entries.clone());
        assert_eq!(first, (0..50).collect::<Vec<_>>());
        assert_eq!((p.number, p.size, p.total, p.count()), (1, 50, 120, 3));
        let (last, _) = f(3).page(entries.clone());
        assert_eq!(last, (100..120).collect::<Vec<_>>());
        let (beyond, p) = f(4).page(entries);
        assert!(beyond.is_empty());
        assert_eq!(p.total, 120);
        assert_eq!(Page::default().count(), 1);
    }

    #[test]
    fn a_query_travels_as_its_non_empty_pairs() {
        let q = query(&[("q", "hb"), ("from", ""), ("hospital", "h1")]);
        assert_eq!(q.pairs(), vec![("hospital", "h1"), ("q", "hb")]);
        assert_eq!(
            q.with_page(2).pairs(),
            vec![("hospital", "h1"), ("q", "hb"), ("page", "2")]
        );
        assert_eq!(q.with_page(1).page, None);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Pages split the entries without losing or repeating any.
        #[test]
        fn pages_partition_the_entries(n in 0usize..400) {
            let entries: Vec<usize> = (0..n).collect();
            let pages = Page { number: 1, size: PAGE_SIZE as u32, total: n as u32 }.count() as usize;
            let mut seen = Vec::new();
            for page in 1..=pages + 1 {
                let (kept, p) = Filter { page, ..Filter::default() }.page(entries.clone());
                prop_assert!(kept.len() <= PAGE_SIZE);
                prop_assert_eq!(p.total as usize, n);
                seen.extend(kept);
            }
            prop_assert_eq!(seen, entries);
        }

        /// Folding is idempotent and never makes a text match less: a text always holds its
        /// own words.
        #[test]
        fn a_text_matches_its_own_words(text in "[a-zA-Zà-ÿŒœĲĳß ]{0,40}") {
            prop_assert_eq!(fold(&fold(&text)), fold(&text));
            let q = ListQuery { q: Some(text.clone()), ..Default::default() };
            let f = q.validate().unwrap();
            prop_assert!(f.matches(&[&text]));
            prop_assert!(f.matches(&[&text.to_uppercase()]));
        }

        /// A narrower filter never keeps more: adding a hospital, a period's end or a word to
        /// any filter only removes entries.
        #[test]
        fn narrowing_never_adds(
            day in 0i32..3000,
            entry_hospital in "h[12]",
            text in "[a-z ]{0,20}",
            hospital in proptest::option::of("h[12]"),
            from in proptest::option::of(0i32..3000),
            to in proptest::option::of(0i32..3000),
            words in proptest::collection::vec("[a-z]{1,3}", 0..3),
            extra_hospital in "h[12]",
            extra_from in 0i32..3000,
            extra_word in "[a-z]{1,3}",
        ) {
            let d = |n: i32| Date::from_julian_day(2_450_000 + n).unwrap();
            let entry = Entry { hospital: &entry_hospital, date: d(day), texts: &[&text] };
            let wide = Filter { hospital, from: from.map(d), to: to.map(d), words, page: 1 };
            let narrower = [
                Filter { hospital: Some(wide.hospital.clone().unwrap_or(extra_hospital)), ..wide.clone() },
                Filter { from: Some(wide.from.map_or(d(extra_from), |f| f.max(d(extra_from)))), ..wide.clone() },
                Filter { words: [wide.words.clone(), vec![extra_word]].concat(), ..wide.clone() },
            ];
            for narrow in narrower {
                if narrow.admits(&entry) {
                    prop_assert!(wide.admits(&entry), "{narrow:?} admits what {wide:?} does not");
                }
            }
        }
    }
}
