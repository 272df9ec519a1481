//! The app's texts in the person's language (Dutch, French or English), and dates written the
//! way that language writes them.
//!
//! The texts live in the `inzage-i18n` crate (Fluent). Dutch, the default, is compiled into the
//! app; English and French are fetched (`/locales/en.ftl`, `/locales/fr.ftl`, part of the app
//! shell the service worker keeps) the first time someone reads them, so the app does not carry
//! three languages to show one. The keys are the ones the domain crate
//! and the server produce, so validation errors and reasons read the same whether the browser
//! or the server found them. Every helper here reads the current language from the [`Lang`]
//! signal, so a view that calls it inside a closure (`move || t("…")`) is written again when the
//! person switches language, without reloading the page.

use std::cell::{Cell, RefCell};

use inzage_domain::calendar::{parse_iso_date, TimeZone};
use inzage_domain::explain::{explain_reason, long_date, Language};
use inzage_domain::Message;
use inzage_i18n::Translator;
use leptos::prelude::*;
use time::{Date, OffsetDateTime};

/// The language the app speaks now, shared by every page.
#[derive(Clone, Copy)]
pub struct Lang(pub RwSignal<Language>);

thread_local! {
    // The app runs on the browser's one thread. Dutch is compiled in and parsed the first time
    // it is needed.
    static NL: Option<Translator> = Translator::embedded(Language::Nl);
    // English and French, once fetched.
    static FETCHED: RefCell<Vec<Translator>> = const { RefCell::new(Vec::new()) };
    // The signal of the `Lang` context, also reachable from event handlers and tasks that run
    // outside the component tree.
    static CURRENT: Cell<Option<RwSignal<Language>>> = const { Cell::new(None) };
}

/// Makes `signal` the language every helper here reads.
pub fn install(signal: RwSignal<Language>) {
    CURRENT.with(|c| c.set(Some(signal)));
}

/// The current language, tracked: a closure that calls this runs again when it changes.
pub fn lang() -> Language {
    CURRENT.with(Cell::get).map(|s| s.get()).unwrap_or_default()
}

fn translate(key: &str, args: &[(&str, String)]) -> Option<String> {
    let language = lang();
    if language != Language::Nl {
        let fetched = FETCHED.with_borrow(|fetched| {
            fetched
                .iter()
                .find(|t| t.language() == language)
                .map(|t| t.text(key, args))
        });
        if let Some(text) = fetched {
            return text;
        }
    }
    // Dutch; also for a language whose texts are not here (the app only switches to a language
    // once they are, see `load`).
    NL.with(|nl| nl.as_ref()?.text(key, args))
}

/// Whether `language`'s texts are here: Dutch always, English and French once fetched.
fn has_texts(language: Language) -> bool {
    language == Language::Nl || FETCHED.with_borrow(|f| f.iter().any(|t| t.language() == language))
}

/// Makes `language`'s texts available, fetching its `.ftl` file when they are not here yet:
/// whether they are. No answer at all shows the offline notice; a file that is not Fluent
/// (a page served in its place) is refused, and the app keeps speaking what it spoke.
pub async fn load(language: Language) -> bool {
    if has_texts(language) {
        return true;
    }
    let path = format!("/locales/{}.ftl", language.code());
    // Only a failure tells something of the connection: the service worker answers from its
    // cache when the portal cannot be reached.
    let Ok(res) = gloo_net::http::Request::get(&path).send().await else {
        crate::offline::note_answer(false);
        return false;
    };
    if !res.ok() {
        return false;
    }
    let Ok(source) = res.text().await else {
        return false;
    };
    let Some(texts) = Translator::parse(language, source) else {
        return false;
    };
    // Another load of the same language may have finished meanwhile.
    if !has_texts(language) {
        FETCHED.with_borrow_mut(|fetched| fetched.push(texts));
    }
    true
}

/// The text of a key in the current language, if it has one.
pub fn text_of(key: &str) -> Option<String> {
    translate(key, &[])
}

/// The text of a key without arguments; the key itself when it has no text, so a gap is
/// visible instead of silent.
pub fn t(key: &str) -> String {
    text_of(key).unwrap_or_else(|| key.to_owned())
}

/// The text of a message, its `{ $name }` arguments filled in. Dates (`YYYY-MM-DD`) and
/// instants (RFC 3339) in arguments are written the way the current language writes them.
pub fn tr(message: &Message) -> String {
    translate(&message.key, &message_args(message)).unwrap_or_else(|| message.key.to_string())
}

/// A message's arguments, dates and instants written the current language's way.
fn message_args(message: &Message) -> Vec<(&str, String)> {
    message
        .args
        .iter()
        .map(|(name, value)| (name.as_ref(), format_value(value)))
        .collect()
}

/// A text with one argument.
pub fn t1(key: &str, name: &'static str, value: &str) -> String {
    tr(&Message::new(key.to_owned()).arg(name, value))
}

/// A text about the current record: `key`'s ("uw dossier") on the person's own record, and
/// `key.other`'s, with the record's `name`, on a record they act on ("het dossier van Jorge
/// Brekke"), so a parent reading a child's record is not told it is theirs. Tracks the current
/// record and the language.
pub fn t_record(key: &str) -> String {
    match others_record() {
        Some(name) => {
            translate(&format!("{key}.other"), &[("name", name)]).unwrap_or_else(|| t(key))
        }
        None => t(key),
    }
}

/// A message about the current record, as [`t_record`]: on a record the person acts on, the
/// key's `.other` text with the message's arguments and the record's name as `record`.
pub fn tr_record(message: &Message) -> String {
    match others_record() {
        Some(name) => {
            let mut args = message_args(message);
            args.push(("record", name));
            translate(&format!("{}.other", message.key), &args).unwrap_or_else(|| tr(message))
        }
        None => tr(message),
    }
}

/// The name on the current record when it is not the person's own (tracked).
fn others_record() -> Option<String> {
    use_context::<crate::records::Records>()?
        .get()
        .and_then(Result::ok)
        .filter(|c| !c.own)
        .map(|c| c.name)
}

/// A number as the lab wrote it ("12.9"), with the decimal comma in Dutch and French ("12,9");
/// anything that is not a number stays as it is.
pub fn number_text(value: &str) -> String {
    if value.parse::<f64>().is_err() {
        return value.to_owned();
    }
    match lang() {
        Language::En => value.to_owned(),
        Language::Nl | Language::Fr => value.replace('.', ","),
    }
}

/// A date as "12 maart 2024", "12 mars 2024" or "12 March 2024".
pub fn date(d: Date) -> String {
    long_date(d, lang())
}

/// An instant as "27 november 2026 om 11:15" (English "at", French "à"), in the local time of
/// Brussels.
pub fn date_time(t: OffsetDateTime) -> String {
    // The portal's hospitals are in Belgium and the Netherlands: show their local time.
    let local = t.to_offset(TimeZone::EuropeBrussels.offset_at(t));
    let time = local_time(t);
    translate(
        "date.at_time",
        &[("date", date(local.date())), ("time", time.clone())],
    )
    .unwrap_or_else(|| format!("{} {time}", date(local.date())))
}

/// The local time (Brussels) of an instant, as "09:30".
pub fn local_time(t: OffsetDateTime) -> String {
    let local = t.to_offset(TimeZone::EuropeBrussels.offset_at(t));
    format!("{:02}:{:02}", local.hour(), local.minute())
}

/// The local day (Brussels) of an instant with its day of the week, as "vrijdag 27 november
/// 2026": for choosing among days.
pub fn local_weekday(t: OffsetDateTime) -> String {
    inzage_domain::explain::weekday_date(TimeZone::EuropeBrussels.local_date(t), lang())
}

/// The local day (Brussels) of an instant, as "27 november 2026".
pub fn local_day(t: OffsetDateTime) -> String {
    date(TimeZone::EuropeBrussels.local_date(t))
}

/// The sentence of a decision's reason. A reason names a practitioner by their id; `name_of`
/// gives the name to show instead. Keys that are not a rule's reason (`reason.referral_request`)
/// come from the translations.
pub fn reason_text(reason: &Message, name_of: impl Fn(&str) -> Option<String>) -> String {
    let named = match reason.get("practitioner").and_then(name_of) {
        Some(name) => reason.clone().arg("practitioner", name),
        None => reason.clone(),
    };
    explain_reason(&named, lang()).unwrap_or_else(|| tr(&named))
}

fn format_value(v: &str) -> String {
    if let Some(d) = parse_iso_date(v) {
        return date(d);
    }
    if let Ok(t) = OffsetDateTime::parse(v, &time::format_description::well_known::Rfc3339) {
        return date_time(t);
    }
    v.to_owned()
}

/// Makes the calling closure run again when the language changes. A closure that builds a
/// part of the page from loaded data calls it, so the components inside, whose texts are
/// written once, are built again in the new language.
pub fn track() {
    lang();
}
