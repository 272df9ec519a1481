//! Every text of the portal in Dutch, French and English, as Fluent messages.
//!
//! The keys are the ones the domain crate, the server and the app use (`insz.invalid_checksum`,
//! `login.locked`, `reports.title`). Fluent ids cannot contain dots, so each key is written in
//! the `.ftl` files with every `.` replaced by `-` (`insz-invalid_checksum`); no key contains a
//! `-`, so the mapping is one to one. The translations are compiled into the binary: the crate
//! does no I/O and builds for the browser (wasm32) and natively alike.
//!
//! The rules' reasons (`reason.*`) are sentences of the domain's `explain` module; this crate
//! holds the texts of every other key.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
#[cfg(feature = "all-languages")]
use fluent_syntax::ast;
pub use inzage_domain::explain::Language;

/// The Fluent source of a language.
#[cfg(feature = "all-languages")]
pub fn source(lang: Language) -> &'static str {
    match lang {
        Language::Nl => DUTCH,
        Language::En => include_str!("../locales/en.ftl"),
        Language::Fr => include_str!("../locales/fr.ftl"),
    }
}

/// The Dutch texts, the portal's default language, always compiled in.
const DUTCH: &str = include_str!("../locales/nl.ftl");

/// The Fluent source of a language when this build has it compiled in: every language with the
/// `all-languages` feature (the default), else Dutch only. Without the feature, the other
/// languages come from their `.ftl` file at run time, through [`Translator::parse`]: the
/// browser app fetches the one the person reads, so it does not carry the other two.
pub fn embedded_source(lang: Language) -> Option<&'static str> {
    #[cfg(feature = "all-languages")]
    return Some(source(lang));
    #[cfg(not(feature = "all-languages"))]
    return (lang == Language::Nl).then_some(DUTCH);
}

/// The Fluent message id of a key: `login.code.hint` → `login-code-hint`.
pub fn message_id(key: &str) -> String {
    key.replace('.', "-")
}

/// The key of a Fluent message id: `login-code-hint` → `login.code.hint`.
pub fn key_of(id: &str) -> String {
    id.replace('-', ".")
}

/// Every key a language has a text for, in the order of its file.
#[cfg(feature = "all-languages")]
pub fn keys(lang: Language) -> Vec<String> {
    // The runtime parser recovers from errors, as the bundle does; the tests make sure there are none.
    let resource = fluent_syntax::parser::parse_runtime(source(lang))
        .unwrap_or_else(|(partial, _errors)| partial);
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            ast::Entry::Message(m) => Some(key_of(m.id.name)),
            _ => None,
        })
        .collect()
}

/// A compiled-in Fluent file, parsed; the runtime parser recovers from errors, and the tests
/// make sure there are none.
fn recovered(source: &str) -> FluentResource {
    FluentResource::try_new(source.to_owned()).unwrap_or_else(|(partial, _errors)| partial)
}

/// The texts of one language.
pub struct Translator {
    lang: Language,
    bundle: FluentBundle<FluentResource>,
}

impl Translator {
    /// The texts of `lang`, parsed from the embedded Fluent file.
    #[cfg(feature = "all-languages")]
    pub fn new(lang: Language) -> Self {
        Self::from_resource(lang, recovered(source(lang)))
    }

    /// The texts of `lang` when this build has them compiled in (see [`embedded_source`]).
    pub fn embedded(lang: Language) -> Option<Self> {
        embedded_source(lang).map(|source| Self::from_resource(lang, recovered(source)))
    }

    /// The texts of `lang` from a Fluent file read at run time; `None` when it is not one
    /// without errors (a page served in its place, a file cut short), so that a broken file
    /// is never mistaken for a language with every text missing.
    pub fn parse(lang: Language, source: String) -> Option<Self> {
        let resource = FluentResource::try_new(source).ok()?;
        Some(Self::from_resource(lang, resource))
    }

    fn from_resource(lang: Language, resource: FluentResource) -> Self {
        let locale = lang.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![locale]);
        // Without Unicode isolation marks around arguments: the names and dates are in the
        // same script as the text, and screen readers and tests see clean text.
        bundle.set_use_isolating(false);
        // A duplicate id keeps the first text; the tests make sure there are none.
        let _ = bundle.add_resource(resource);
        Self { lang, bundle }
    }

    /// The language of the texts.
    pub fn language(&self) -> Language {
        self.lang
    }

    /// The text of a key with its `{ $name }` arguments filled in; `None` for a key without a
    /// text. A missing argument shows as `{$name}` instead of failing.
    pub fn text(&self, key: &str, args: &[(&str, String)]) -> Option<String> {
        self.format(key, args).map(|(text, _)| text)
    }

    /// The text of a key and the Fluent errors formatting it gave (a missing argument, an
    /// unknown reference), for tests.
    pub fn format(&self, key: &str, args: &[(&str, String)]) -> Option<(String, Vec<String>)> {
        let message = self.bundle.get_message(&message_id(key))?;
        let pattern = message.value()?;
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned();
        Some((text, errors.iter().map(ToString::to_string).collect()))
    }
}

impl Translator {
    /// A domain or server message as a sentence: a rule's reason through the domain's
    /// `explain` module, any other key through this crate's texts; arguments that are dates
    /// (`YYYY-MM-DD`) or instants (RFC 3339) are written out in the language, instants in
    /// Brussels/Amsterdam local time. `None` when the key has no text.
    /// ```
    /// use inzage_domain::Message;
    /// use inzage_i18n::{Language, Translator};
    /// let fr = Translator::new(Language::Fr);
    /// let m = Message::new("reason.report_before_cutoff").arg("cutoff", "2016-08-15");
    /// assert_eq!(fr.message(&m).as_deref(), Some("Le portail affiche les rapports à partir du 15 août 2016."));
    /// ```
    pub fn message(&self, message: &inzage_domain::Message) -> Option<String> {
        if let Some(reason) = inzage_domain::explain::explain_reason(message, self.lang) {
            return Some(reason);
        }
        let args: Vec<(&str, String)> = message
            .args
            .iter()
            .map(|(name, value)| (name.as_ref(), self.value(value)))
            .collect();
        self.text(&message.key, &args)
    }

    /// An argument as shown: dates and instants written out, anything else as it is.
    fn value(&self, v: &str) -> String {
        use inzage_domain::calendar::{parse_iso_date, TimeZone};
        use inzage_domain::explain::long_date;
        if let Some(d) = parse_iso_date(v) {
            return long_date(d, self.lang);
        }
        match time::OffsetDateTime::parse(v, &time::format_description::well_known::Rfc3339) {
            Ok(t) => {
                let local = t.to_offset(TimeZone::EuropeBrussels.offset_at(t));
                let date = long_date(local.date(), self.lang);
                let at = format!("{:02}:{:02}", local.hour(), local.minute());
                self.text(
                    "date.at_time",
                    &[("date", date.clone()), ("time", at.clone())],
                )
                .unwrap_or_else(|| format!("{date} {at}"))
            }
            Err(_) => v.to_owned(),
        }
    }
}

/// The names of the variables (`{ $name }`) a key's text uses in a language, sorted.
#[cfg(feature = "all-languages")]
pub fn variables(lang: Language, key: &str) -> Option<Vec<String>> {
    let resource = fluent_syntax::parser::parse_runtime(source(lang))
        .unwrap_or_else(|(partial, _errors)| partial);
    let id = message_id(key);
    let message = resource.body.iter().find_map(|entry| match entry {
        ast::Entry::Message(m) if m.id.name == id => Some(m),
        _ => None,
    })?;
    let mut names = Vec::new();
    if let Some(pattern) = &message.value {
        collect_variables(pattern, &mut names);
    }
    names.sort();
    names.dedup();
    Some(names)
}

#[cfg(feature = "all-languages")]
fn collect_variables(pattern: &ast::Pattern<&str>, names: &mut Vec<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            collect_in_expression(expression, names);
        }
    }
}

#[cfg(feature = "all-languages")]
fn collect_in_expression(expression: &ast::Expression<&str>, names: &mut Vec<String>) {
    match expression {
        ast::Expression::Inline(inline) => collect_in_inline(inline, names),
        ast::Expression::Select { selector, variants } => {
            collect_in_inline(selector, names);
            for variant in variants {
                collect_variables(&variant.value, names);
            }
        }
    }
}

#[cfg(feature = "all-languages")]
fn collect_in_inline(inline: &ast::InlineExpression<&str>, names: &mut Vec<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => names.push(id.name.to_owned()),
        ast::InlineExpression::Placeable { expression } => collect_in_expression(expression, names),
        _ => {}
    }
}

#[cfg(all(test, feature = "all-languages"))]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Dutch is the reference: every language has exactly its keys.
    fn reference_keys() -> Vec<String> {
        keys(Language::Nl)
    }

    #[test]
    fn every_file_parses_without_errors() {
        for lang in Language::ALL {
            let errors = fluent_syntax::parser::parse(source(lang))
                .err()
                .map(|(_, e)| e);
            assert!(
                errors.is_none(),
                "{}.ftl does not parse: {errors:?}",
                lang.code()
            );
        }
    }

    #[test]
    fn every_key_has_a_text_in_every_language() {
        let mut missing = Vec::new();
        for lang in Language::ALL {
            let t = Translator::new(lang);
            for key in reference_keys() {
                let vars = variables(Language::Nl, &key).unwrap_or_default();
                let args: Vec<(&str, String)> =
                    vars.iter().map(|v| (v.as_str(), "x".to_owned())).collect();
                if t.text(&key, &args)
                    .is_none_or(|text| text.trim().is_empty())
                {
                    missing.push(format!("`{key}` in {}", lang.code()));
                }
            }
        }
        assert!(missing.is_empty(), "missing texts: {}", missing.join(", "));
    }

    #[test]
    fn no_language_has_a_key_the_others_lack() {
        let all: Vec<(Language, BTreeSet<String>)> = Language::ALL
            .into_iter()
            .map(|l| (l, keys(l).into_iter().collect()))
            .collect();
        for (lang, set) in &all {
            for (other, other_set) in &all {
                let extra: Vec<&String> = set.difference(other_set).collect();
                assert!(
                    extra.is_empty(),
                    "{}.ftl has keys {}.ftl lacks: {extra:?}",
                    lang.code(),
                    other.code()
                );
            }
        }
    }

    #[test]
    fn no_key_is_defined_twice() {
        for lang in Language::ALL {
            let mut seen = BTreeSet::new();
            for key in keys(lang) {
                assert!(
                    seen.insert(key.clone()),
                    "`{key}` twice in {}.ftl",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn every_message_formats_with_its_declared_variables() {
        for lang in Language::ALL {
            let t = Translator::new(lang);
            for key in keys(lang) {
                let declared = variables(Language::Nl, &key).unwrap_or_default();
                let used = variables(lang, &key).unwrap_or_default();
                assert_eq!(
                    used,
                    declared,
                    "`{key}` in {}.ftl uses other variables than in Dutch",
                    lang.code()
                );
                let args: Vec<(&str, String)> = declared
                    .iter()
                    .map(|v| (v.as_str(), format!("<{v}>")))
                    .collect();
                let (text, errors) = t.format(&key, &args).unwrap_or_default();
                assert!(errors.is_empty(), "`{key}` in {}: {errors:?}", lang.code());
                for v in &declared {
                    assert!(
                        text.contains(&format!("<{v}>")),
                        "`{key}` in {}: {text}",
                        lang.code()
                    );
                }
                // No isolation marks, no Fluent syntax left over.
                assert!(
                    !text.contains('\u{2068}') && !text.contains('{'),
                    "`{key}`: {text}"
                );
            }
        }
    }

    #[test]
    fn keys_map_to_ids_and_back() {
        for key in reference_keys() {
            assert!(!key.contains('-'), "`{key}`: a key has no `-`");
            assert_eq!(key_of(&message_id(&key)), key);
        }
    }

    #[test]
    fn texts_and_arguments() {
        let check = |lang, key: &str, args: &[(&str, String)], expected: &str| {
            assert_eq!(
                Translator::new(lang).text(key, args).as_deref(),
                Some(expected)
            );
        };
        check(Language::Nl, "login.title", &[], "Aanmelden");
        check(Language::Fr, "login.title", &[], "Se connecter");
        check(Language::En, "login.title", &[], "Log in");
        check(
            Language::Fr,
            "login.code",
            &[("position", "12".into())],
            "Code 12 de votre carte de codes",
        );
        check(
            Language::En,
            "insz.invalid_checksum",
            &[],
            "This national register number is not correct. Please check the digits.",
        );
        assert_eq!(Translator::new(Language::Nl).text("no.such.key", &[]), None);
    }

    /// Words that give away a Dutch text; none may appear in French or English.
    #[test]
    fn french_and_english_have_no_dutch_left() {
        let dutch = [
            " uw ",
            " het ",
            " een ",
            " niet ",
            "verslag",
            "huisarts",
            "toegang",
            "dossier bekijken",
            "aanmelden",
            "gebruikersnaam",
            "wachtwoord",
            "codekaart",
            "rijksregisternummer",
            "zorgverlener",
            "bezwaar",
            "hergebruik",
            " vóór ",
        ];
        for lang in [Language::En, Language::Fr] {
            let t = Translator::new(lang);
            for key in keys(lang) {
                let vars = variables(lang, &key).unwrap_or_default();
                let args: Vec<(&str, String)> =
                    vars.iter().map(|v| (v.as_str(), "X".to_owned())).collect();
                let text = format!(
                    " {} ",
                    t.text(&key, &args).unwrap_or_default().to_lowercase()
                );
                for word in dutch {
                    assert!(
                        !text.contains(word),
                        "`{key}` in {} looks Dutch: {text}",
                        lang.code()
                    );
                }
            }
        }
    }
}
