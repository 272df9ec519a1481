//! JavaScript binding of the domain crate: the same access decisions and the same input
//! validation as the Rust portal, for a portal written in another language.
//!
//! Built with `wasm-bindgen --target nodejs` (see `build.sh`) into the npm package
//! `@inzage/domain`. Every export takes and returns plain JS objects in the domain's JSON shape
//! (`decide`, `whatIf`), or JSON text (`decideJson`, `whatIfJson`), whose bytes come from the
//! same `serde_json` as the Rust side. An input that does not fit its shape throws a JS `Error`
//! naming the argument and the field (`invalid request.principal.kind: unknown variant ...`).
//!
//! The functions without `JsValue` (`decide_json`, `what_if_json`, the `check_*` functions) are
//! plain Rust and are tested natively as well.

use std::fmt;

use inzage_domain::access::{what_if, Change, Facts, Request};
use inzage_domain::ident::InszKind;
use inzage_domain::{decide, Bsn, CodeCardAnswer, HasMessageKey, Insz, LoginName, Message};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_path_to_error::Segment;
use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};
use wasm_bindgen::prelude::*;

/// The TypeScript types of the domain's JSON shapes, appended to the generated `.d.ts` (and
/// public for the tests that keep them in step with the domain).
pub const TYPESCRIPT: &str = include_str!("types.d.ts");

#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT_SECTION: &str = TYPESCRIPT;

/// Plain objects, `null` for a missing value, as `JSON.parse` would give.
const SERIALIZER: serde_wasm_bindgen::Serializer =
    serde_wasm_bindgen::Serializer::json_compatible();

/// An argument the binding could not read: which one, where in it, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError(String);

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

impl InputError {
    /// `invalid request.principal.kind: unknown variant ...`, or `invalid request: ...` when
    /// the whole argument is wrong.
    fn at<E: fmt::Display>(argument: &str, error: serde_path_to_error::Error<E>) -> Self {
        let mut path = String::new();
        for segment in error.path().iter() {
            match segment {
                Segment::Seq { index } => path.push_str(&format!("[{index}]")),
                Segment::Map { key } | Segment::Enum { variant: key } => {
                    path.push('.');
                    path.push_str(key);
                }
                // A key that is not a string: nothing to name.
                Segment::Unknown => {}
            }
        }
        Self(format!("invalid {argument}{path}: {}", error.into_inner()))
    }
}

/// Reads `now`: an RFC 3339 instant such as `2026-11-27T12:00:00Z`.
pub fn parse_now(now: &str) -> Result<OffsetDateTime, InputError> {
    OffsetDateTime::parse(now, &Rfc3339).map_err(|e| {
        InputError(format!(
            "invalid now: {e} (expected an RFC 3339 instant such as 2026-11-27T12:00:00Z, got {now:?})"
        ))
    })
}

/// Reads one argument from a JSON value, naming the field that is wrong.
///
/// JS objects are read through a `serde_json::Value`: serde-wasm-bindgen alone reads only the
/// fields a struct names, so it would let an unknown field pass where the JSON API rejects it.
fn from_value<T: DeserializeOwned>(
    argument: &str,
    value: serde_json::Value,
) -> Result<T, InputError> {
    serde_path_to_error::deserialize(value).map_err(|e| InputError::at(argument, e))
}

/// Reads one argument from JSON text, as the Rust portal's API does (a duplicate field, too, is
/// an error, where a JS object cannot have one).
fn from_json<T: DeserializeOwned>(argument: &str, json: &str) -> Result<T, InputError> {
    let mut de = serde_json::Deserializer::from_str(json);
    let value =
        serde_path_to_error::deserialize(&mut de).map_err(|e| InputError::at(argument, e))?;
    de.end()
        .map_err(|e| InputError(format!("invalid {argument}: {e}")))?;
    Ok(value)
}

fn to_json<T: Serialize>(value: &T) -> Result<String, InputError> {
    serde_json::to_string(value).map_err(|e| InputError(format!("could not write JSON: {e}")))
}

/// [`decide`] on JSON text: the decision as the JSON `serde_json` writes natively.
pub fn decide_json(request: &str, facts: &str, now: &str) -> Result<String, InputError> {
    let request: Request = from_json("request", request)?;
    let facts: Facts = from_json("facts", facts)?;
    let now = parse_now(now)?;
    to_json(&decide(&request, &facts, now))
}

/// [`what_if`] on JSON text: the differences as the JSON `serde_json` writes natively.
pub fn what_if_json(facts: &str, change: &str, now: &str) -> Result<String, InputError> {
    let facts: Facts = from_json("facts", facts)?;
    let change: Change = from_json("change", change)?;
    let now = parse_now(now)?;
    to_json(&what_if(&facts, &change, now))
}

/// The outcome of a validation: `{ ok: true, value, ... }` or `{ ok: false, error: { key } }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Checked<T> {
    /// The input is acceptable; `value` is its canonical form.
    Valid {
        /// Always `true`.
        ok: bool,
        /// The canonical value and what else is known about it.
        #[serde(flatten)]
        value: T,
    },
    /// The input is not acceptable.
    Invalid {
        /// Always `false`.
        ok: bool,
        /// Why, as the domain's translatable message.
        error: Message,
    },
}

impl<T> Checked<T> {
    fn from_result<V, E: HasMessageKey>(result: Result<V, E>, value: impl FnOnce(V) -> T) -> Self {
        match result {
            Ok(v) => Checked::Valid {
                ok: true,
                value: value(v),
            },
            Err(e) => Checked::Invalid {
                ok: false,
                error: Message::from(&e),
            },
        }
    }
}

/// A valid login name: its normalised text, its form and the key accounts are found by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginNameValue {
    /// The normalised text: eleven digits, the record number, or the lowercase username.
    pub value: String,
    /// `national_number`, `record_number` or `username`.
    pub form: String,
    /// The account key, such as `insz:85073003328` or `user:margery`.
    pub key: String,
}

/// A valid INSZ: its eleven digits, how people write it, its register and birth date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InszValue {
    /// The eleven digits.
    pub value: String,
    /// `YY.MM.DD-SSS.CC`.
    pub formatted: String,
    /// `national_register` or `bis`.
    pub kind: String,
    /// The birth date, or `null` when the number leaves the month or the day unknown.
    pub birth_date: Option<Date>,
}

/// A valid BSN: its nine digits and how people write it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BsnValue {
    /// The nine digits.
    pub value: String,
    /// `XXXX.XX.XXX`.
    pub formatted: String,
}

/// A valid code card answer: its eight digits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeCardAnswerValue {
    /// The eight digits, without separators.
    pub value: String,
}

/// Validates a typed username (national number, record number or chosen username).
pub fn check_login_name(input: &str) -> Checked<LoginNameValue> {
    Checked::from_result(LoginName::parse(input), |name| {
        let (form, value) = match &name {
            LoginName::NationalNumber(n) => ("national_number", n.as_str().to_owned()),
            LoginName::RecordNumber(n) => ("record_number", n.as_str().to_owned()),
            LoginName::Username(n) => ("username", n.as_str().to_owned()),
        };
        LoginNameValue {
            value,
            form: form.to_owned(),
            key: name.key(),
        }
    })
}

/// Validates a Belgian national register or BIS number.
pub fn check_insz(input: &str) -> Checked<InszValue> {
    Checked::from_result(Insz::parse(input), |n| InszValue {
        value: n.as_str().to_owned(),
        formatted: n.formatted(),
        kind: match n.kind() {
            InszKind::NationalRegister => "national_register",
            InszKind::Bis => "bis",
        }
        .to_owned(),
        birth_date: n.birth_date(),
    })
}

/// Validates a Dutch citizen service number.
pub fn check_bsn(input: &str) -> Checked<BsnValue> {
    Checked::from_result(Bsn::parse(input), |n| BsnValue {
        value: n.as_str().to_owned(),
        formatted: n.formatted(),
    })
}

/// Validates one code typed from the code card.
pub fn check_code_card_answer(input: &str) -> Checked<CodeCardAnswerValue> {
    Checked::from_result(CodeCardAnswer::parse(input), |c| CodeCardAnswerValue {
        value: c.expose_secret().to_owned(),
    })
}

// ---------------------------------------------------------------------------------------------
// The JavaScript exports
// ---------------------------------------------------------------------------------------------

/// Reads one argument from a JS value, naming the field that is wrong.
fn from_js<T: DeserializeOwned>(argument: &str, value: JsValue) -> Result<T, JsError> {
    let value = serde_wasm_bindgen::from_value(value).map_err(|e| {
        // The error is a JS `Error`, whose text starts with "Error: ".
        let text = e.to_string();
        let text = text.strip_prefix("Error: ").unwrap_or(&text);
        JsError::new(&format!("invalid {argument}: {text}"))
    })?;
    from_value(argument, value).map_err(js_error)
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&SERIALIZER)
        .map_err(|e| JsError::new(&format!("could not build the result: {e}")))
}

fn js_error(e: InputError) -> JsError {
    JsError::new(&e.0)
}

/// A string argument. Strings are taken as `JsValue` and checked here: wasm-bindgen's own
/// string conversion does not check the type, and a number there traps the module.
fn string(argument: &str, value: &JsValue) -> Result<String, JsError> {
    value.as_string().ok_or_else(|| {
        let found = value
            .js_typeof()
            .as_string()
            .unwrap_or_else(|| "?".to_owned());
        JsError::new(&format!(
            "invalid {argument}: expected a string, got {found}"
        ))
    })
}

/// Decides a request about the record described by `facts`, at the RFC 3339 instant `now`.
///
/// Throws an `Error` naming the field when an argument does not fit its type.
#[wasm_bindgen(js_name = decide, unchecked_return_type = "Decision")]
pub fn decide_js(
    #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Facts")] facts: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Instant")] now: JsValue,
) -> Result<JsValue, JsError> {
    let request: Request = from_js("request", request)?;
    let facts: Facts = from_js("facts", facts)?;
    let now = parse_now(&string("now", &now)?).map_err(js_error)?;
    to_js(&decide(&request, &facts, now))
}

/// `decide` on JSON text: returns the decision as JSON, written by the same `serde_json` as the
/// Rust portal, so the bytes can be compared with a decision made natively.
#[wasm_bindgen(js_name = decideJson)]
pub fn decide_json_js(
    #[wasm_bindgen(js_name = requestJson, unchecked_param_type = "string")] request_json: JsValue,
    #[wasm_bindgen(js_name = factsJson, unchecked_param_type = "string")] facts_json: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Instant")] now: JsValue,
) -> Result<String, JsError> {
    decide_json(
        &string("request", &request_json)?,
        &string("facts", &facts_json)?,
        &string("now", &now)?,
    )
    .map_err(js_error)
}

/// What each person named in the facts gains or loses through `change`, for every action on the
/// record: only the decisions whose effect changes are listed.
#[wasm_bindgen(js_name = whatIf, unchecked_return_type = "Difference[]")]
pub fn what_if_js(
    #[wasm_bindgen(unchecked_param_type = "Facts")] facts: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Change")] change: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Instant")] now: JsValue,
) -> Result<JsValue, JsError> {
    let facts: Facts = from_js("facts", facts)?;
    let change: Change = from_js("change", change)?;
    let now = parse_now(&string("now", &now)?).map_err(js_error)?;
    to_js(&what_if(&facts, &change, now))
}

/// `whatIf` on JSON text: returns the differences as JSON.
#[wasm_bindgen(js_name = whatIfJson)]
pub fn what_if_json_js(
    #[wasm_bindgen(js_name = factsJson, unchecked_param_type = "string")] facts_json: JsValue,
    #[wasm_bindgen(js_name = changeJson, unchecked_param_type = "string")] change_json: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Instant")] now: JsValue,
) -> Result<String, JsError> {
    what_if_json(
        &string("facts", &facts_json)?,
        &string("change", &change_json)?,
        &string("now", &now)?,
    )
    .map_err(js_error)
}

/// Validates a typed username: a national number, a record number or a chosen username.
#[wasm_bindgen(js_name = validateLoginName, unchecked_return_type = "Validation<LoginNameValue>")]
pub fn validate_login_name(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<JsValue, JsError> {
    to_js(&check_login_name(&string("input", &input)?))
}

/// Validates a Belgian national register or BIS number (INSZ).
#[wasm_bindgen(js_name = validateInsz, unchecked_return_type = "Validation<InszValue>")]
pub fn validate_insz(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<JsValue, JsError> {
    to_js(&check_insz(&string("input", &input)?))
}

/// Validates a Dutch citizen service number (BSN).
#[wasm_bindgen(js_name = validateBsn, unchecked_return_type = "Validation<BsnValue>")]
pub fn validate_bsn(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<JsValue, JsError> {
    to_js(&check_bsn(&string("input", &input)?))
}

/// Validates one code typed from the code card: eight digits, spaces and dashes allowed.
#[wasm_bindgen(
    js_name = validateCodeCardAnswer,
    unchecked_return_type = "Validation<CodeCardAnswerValue>"
)]
pub fn validate_code_card_answer(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<JsValue, JsError> {
    to_js(&check_code_card_answer(&string("input", &input)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FACTS: &str = r#"{"patient":{"id":"p1"},"hospital":{"jurisdiction":"BE"}}"#;
    const NOW: &str = "2026-11-27T12:00:00Z";

    fn json<T: Serialize>(value: &T) -> String {
        serde_json::to_string(value).unwrap_or_else(|e| e.to_string())
    }

    fn err(r: Result<String, InputError>) -> String {
        match r {
            Ok(v) => format!("unexpectedly ok: {v}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn decides_from_json() {
        let request = r#"{"principal":{"kind":"person","id":"p1"},"action":"read","resource":{"kind":"record"}}"#;
        assert_eq!(
            decide_json(request, FACTS, NOW),
            Ok(r#"{"effect":"permit","rules":["own-record"],"reasons":[{"key":"reason.own_record"}]}"#.to_owned())
        );
    }

    #[test]
    fn errors_name_the_argument_and_the_field() {
        let bad_kind = r#"{"principal":{"kind":"doctor","id":"x"},"action":"read","resource":{"kind":"record"}}"#;
        let e = err(decide_json(bad_kind, FACTS, NOW));
        assert!(
            e.starts_with("invalid request.principal.kind: unknown variant `doctor`"),
            "{e}"
        );
        let missing = r#"{"principal":{"kind":"person","id":"p1"},"resource":{"kind":"record"}}"#;
        let e = err(decide_json(missing, FACTS, NOW));
        assert!(
            e.starts_with("invalid request: missing field `action`"),
            "{e}"
        );
        let request = r#"{"principal":{"kind":"person","id":"p1"},"action":"read","resource":{"kind":"record"}}"#;
        let bad_date =
            r#"{"patient":{"id":"p1","birth_date":"8 Nov 1948"},"hospital":{"jurisdiction":"BE"}}"#;
        let e = err(decide_json(request, bad_date, NOW));
        assert!(e.starts_with("invalid facts.patient.birth_date: "), "{e}");
        let extra = r#"{"patient":{"id":"p1","name":"x"},"hospital":{"jurisdiction":"BE"}}"#;
        let e = err(decide_json(request, extra, NOW));
        assert!(
            e.starts_with("invalid facts.patient.name: unknown field `name`"),
            "{e}"
        );
        let twice = r#"{"principal":{"kind":"person","id":"p1"},"action":"read","action":"manage_access","resource":{"kind":"record"}}"#;
        let e = err(decide_json(twice, FACTS, NOW));
        assert!(
            e.starts_with("invalid request: duplicate field `action`"),
            "{e}"
        );
        let e = err(decide_json(request, FACTS, "yesterday"));
        assert!(e.starts_with("invalid now: "), "{e}");
        let e = err(decide_json(request, &format!("{FACTS} {{}}"), NOW));
        assert!(e.starts_with("invalid facts: trailing characters"), "{e}");
    }

    #[test]
    fn validation_results_have_the_promised_shape() {
        assert_eq!(
            json(&check_insz("85.07.30-033.28")),
            r#"{"ok":true,"value":"85073003328","formatted":"85.07.30-033.28","kind":"national_register","birth_date":"1985-07-30"}"#
        );
        assert_eq!(
            json(&check_insz("85073003329")),
            r#"{"ok":false,"error":{"key":"insz.invalid_checksum"}}"#
        );
        assert_eq!(
            json(&check_bsn("1112.22.333")),
            r#"{"ok":true,"value":"111222333","formatted":"1112.22.333"}"#
        );
        assert_eq!(
            json(&check_login_name(" Margery ")),
            r#"{"ok":true,"value":"margery","form":"username","key":"user:margery"}"#
        );
        assert_eq!(
            json(&check_login_name("")),
            r#"{"ok":false,"error":{"key":"login.username.empty"}}"#
        );
        assert_eq!(
            json(&check_code_card_answer("1234 5678")),
            r#"{"ok":true,"value":"12345678"}"#
        );
    }
}

/// Decides every request of `requests_json` (a JSON array) against the same facts `rounds`
/// times, after parsing everything once, and returns how many decisions permitted. Only in
/// builds with the `bench` feature: `domain-js/bench/run.sh` times it to measure decisions in
/// WebAssembly without the cost of crossing into JavaScript.
#[cfg(feature = "bench")]
#[wasm_bindgen(js_name = benchDecide)]
pub fn bench_decide(
    requests_json: &str,
    facts_json: &str,
    now: &str,
    rounds: u32,
) -> Result<u32, JsError> {
    let requests: Vec<Request> = from_json("requests", requests_json).map_err(js_error)?;
    let facts: Facts = from_json("facts", facts_json).map_err(js_error)?;
    let now = parse_now(now).map_err(js_error)?;
    let mut permitted = 0u32;
    for _ in 0..rounds {
        for r in &requests {
            if decide(r, &facts, now).is_permitted() {
                permitted = permitted.wrapping_add(1);
            }
        }
    }
    Ok(permitted)
}
