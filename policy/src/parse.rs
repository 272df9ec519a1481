//! Reading a scenario file, and saying exactly where it is wrong.
//!
//! Errors carry the JSON path of the offending value (`scenarios[0].now`) and its line and
//! column. [`serde_path_to_error`] tracks the path, but the domain's facts, principals,
//! resources and changes are internally tagged enums (`"kind": "exclusion"`): serde buffers such
//! a value before it knows the variant, so an error inside one is only known at the enum's own
//! path (`scenarios[0].facts.facts[2]`), and at its closing brace. [`parse`] therefore narrows
//! such an error down: it leaves out one member of the buffered object at a time and
//! deserializes the rest again; the member whose absence makes the error go away (or become
//! "missing field" for that very member) is the offending one, and the search goes on inside
//! it. The line and column where the offending value starts are then found in the source text.

use std::collections::BTreeMap;
use std::fmt;

use inzage_domain::access::{apply, Change, Fact, Principal, Resource};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::format::{ScenarioFile, WhatIf};

/// One step of a JSON path: a member of an object or an element of an array.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// An object member, by key.
    Key(String),
    /// An array element, by index from 0.
    Index(usize),
}

/// A JSON path in the notation `scenarios[0].facts.facts[2].period.from`; `.` is the root.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonPath(pub Vec<Segment>);

impl JsonPath {
    fn child(&self, segment: Segment) -> Self {
        let mut segments = self.0.clone();
        segments.push(segment);
        Self(segments)
    }

    fn key(&self, key: &str) -> Self {
        self.child(Segment::Key(key.to_owned()))
    }

    fn index(&self, index: usize) -> Self {
        self.child(Segment::Index(index))
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str(".");
        }
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Key(key) if i == 0 => f.write_str(key)?,
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// Why a scenario file cannot be run: where, and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The JSON path of the offending value.
    pub path: JsonPath,
    /// What is wrong with it.
    pub message: String,
    /// The line and column (from 1) of the offending value, when known.
    pub position: Option<(usize, usize)>,
}

impl InputError {
    /// The error as one line for a file, like `FILE:12:28: scenarios[0].now: message`.
    pub fn render(&self, file: &str) -> String {
        match self.position {
            Some((line, column)) => format!("{file}:{line}:{column}: {self}"),
            None => format!("{file}: {self}"),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for InputError {}

/// Reads and checks a scenario file's text.
///
/// ```
/// let error = inzage_policy::parse(r#"{"scenarios": [{"name": "x", "now": "yesterday"}]}"#)
///     .err()
///     .map(|e| e.to_string());
/// assert!(error.is_some_and(|e| e.starts_with("scenarios[0].now: ")));
/// ```
pub fn parse(source: &str) -> Result<ScenarioFile, InputError> {
    let mut de = serde_json::Deserializer::from_str(source);
    let file: ScenarioFile = match serde_path_to_error::deserialize(&mut de) {
        Ok(file) => file,
        Err(error) => {
            let path = convert(error.path());
            return Err(from_serde(source, path, error.inner()));
        }
    };
    if let Err(error) = de.end() {
        return Err(from_serde(source, JsonPath::default(), &error));
    }
    validate(&file).map_err(|(path, message)| InputError {
        position: locate(source, &path),
        path,
        message,
    })?;
    Ok(file)
}

fn convert(path: &serde_path_to_error::Path) -> JsonPath {
    let mut segments = Vec::new();
    for segment in path {
        match segment {
            serde_path_to_error::Segment::Seq { index } => segments.push(Segment::Index(*index)),
            serde_path_to_error::Segment::Map { key } => segments.push(Segment::Key(key.clone())),
            serde_path_to_error::Segment::Enum { variant } => {
                segments.push(Segment::Key(variant.clone()))
            }
            serde_path_to_error::Segment::Unknown => break,
        }
    }
    JsonPath(segments)
}

/// serde_json's message without the " at line L column C" it appends.
fn bare_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    text.strip_suffix(&suffix).unwrap_or(&text).to_owned()
}

/// An error from serde_json: a syntax error where serde_json found it; a wrong value, narrowed
/// to its member, at the start of that value.
fn from_serde(source: &str, path: JsonPath, error: &serde_json::Error) -> InputError {
    let found = (error.line() > 0).then(|| (error.line(), error.column().max(1)));
    let message = bare_message(error);
    if error.classify() != serde_json::error::Category::Data {
        return InputError {
            path,
            message,
            position: found,
        };
    }
    let (path, message) = narrow(source, &path, &message).unwrap_or((path, message));
    InputError {
        position: locate(source, &path).or(found),
        path,
        message,
    }
}

/// The domain's internally tagged types, which hide the path of an error inside them.
#[derive(Clone, Copy)]
enum Tagged {
    Fact,
    Principal,
    Resource,
    Change,
}

impl Tagged {
    /// Which tagged type sits at a path of the scenario format, if any.
    fn at(path: &JsonPath) -> Option<Self> {
        match path.0.as_slice() {
            [.., Segment::Key(list), Segment::Index(_)] if list == "facts" => Some(Self::Fact),
            [.., Segment::Key(key)] => match key.as_str() {
                "principal" => Some(Self::Principal),
                "resource" => Some(Self::Resource),
                "change" => Some(Self::Change),
                _ => None,
            },
            _ => None,
        }
    }

    /// Deserializes a value as this type, returning serde's message on failure.
    fn check(self, value: &Value) -> Result<(), String> {
        fn check_as<T: DeserializeOwned>(value: &Value) -> Result<(), String> {
            T::deserialize(value.clone())
                .map(|_| ())
                .map_err(|e| bare_message(&e))
        }
        match self {
            Self::Fact => check_as::<Fact>(value),
            Self::Principal => check_as::<Principal>(value),
            Self::Resource => check_as::<Resource>(value),
            Self::Change => check_as::<Change>(value),
        }
    }
}

/// Narrows an error reported at a tagged value down to the member inside it that causes it.
fn narrow(source: &str, path: &JsonPath, message: &str) -> Option<(JsonPath, String)> {
    // A missing member is rightly reported at the object that lacks it.
    if message.starts_with("missing field") {
        return None;
    }
    let tagged = Tagged::at(path)?;
    let document: Value = serde_json::from_str(source).ok()?;
    let root = value_at(&document, path)?.clone();
    let message = tagged.check(&root).err()?;
    let mut inner: Vec<String> = Vec::new();
    while let Value::Object(members) = value_at_keys(&root, &inner)? {
        let culprit = members.keys().filter(|k| k.as_str() != "kind").find(|key| {
            let mut trial = root.clone();
            if let Some(Value::Object(object)) = value_at_keys_mut(&mut trial, &inner) {
                object.remove(key.as_str());
            }
            match tagged.check(&trial) {
                Ok(()) => true,
                Err(e) => e == format!("missing field `{key}`"),
            }
        });
        match culprit {
            Some(key) => inner.push(key.clone()),
            None => {
                // No member's absence helps (an unknown field in place of a required one, or a
                // bad tag): serde's message names the member.
                let unknown = message
                    .strip_prefix("unknown field `")
                    .and_then(|rest| rest.split('`').next())
                    .filter(|key| members.contains_key(*key));
                if let Some(key) = unknown {
                    inner.push(key.to_owned());
                } else if message.starts_with("unknown variant") && members.contains_key("kind") {
                    inner.push("kind".to_owned());
                }
                break;
            }
        }
    }
    if inner.is_empty() {
        return None;
    }
    let mut narrowed = path.clone();
    narrowed.0.extend(inner.into_iter().map(Segment::Key));
    Some((narrowed, message))
}

fn value_at<'v>(value: &'v Value, path: &JsonPath) -> Option<&'v Value> {
    path.0.iter().try_fold(value, |v, segment| match segment {
        Segment::Key(key) => v.get(key),
        Segment::Index(index) => v.get(index),
    })
}

fn value_at_keys<'v>(value: &'v Value, keys: &[String]) -> Option<&'v Value> {
    keys.iter().try_fold(value, |v, key| v.get(key))
}

fn value_at_keys_mut<'v>(value: &'v mut Value, keys: &[String]) -> Option<&'v mut Value> {
    keys.iter().try_fold(value, |v, key| v.get_mut(key))
}

/// The line and column (from 1, columns in characters) where the value at `path` starts.
pub fn locate(source: &str, path: &JsonPath) -> Option<(usize, usize)> {
    let mut cursor = Cursor {
        text: source.as_bytes(),
        at: 0,
    };
    cursor.space();
    for segment in &path.0 {
        cursor.enter(segment)?;
    }
    let before = source.get(..cursor.at)?;
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..)?.chars().count() + 1;
    Some((line, column))
}

/// A cursor over JSON text that is already known to be well-formed.
struct Cursor<'t> {
    text: &'t [u8],
    at: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn space(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        self.space();
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// Reads a string at the cursor and returns its decoded text.
    fn string(&mut self) -> Option<String> {
        self.space();
        let start = self.at;
        if self.peek()? != b'"' {
            return None;
        }
        self.at += 1;
        loop {
            match self.peek()? {
                b'\\' => self.at += 2,
                b'"' => {
                    self.at += 1;
                    break;
                }
                _ => self.at += 1,
            }
        }
        let raw = std::str::from_utf8(self.text.get(start..self.at)?).ok()?;
        serde_json::from_str(raw).ok()
    }

    /// Skips the value at the cursor.
    fn skip(&mut self) -> Option<()> {
        self.space();
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            b'{' => {
                self.at += 1;
                if self.eat(b'}').is_some() {
                    return Some(());
                }
                loop {
                    self.string()?;
                    self.eat(b':')?;
                    self.skip()?;
                    if self.eat(b',').is_none() {
                        return self.eat(b'}');
                    }
                }
            }
            b'[' => {
                self.at += 1;
                if self.eat(b']').is_some() {
                    return Some(());
                }
                loop {
                    self.skip()?;
                    if self.eat(b',').is_none() {
                        return self.eat(b']');
                    }
                }
            }
            _ => {
                while self
                    .peek()
                    .is_some_and(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
                {
                    self.at += 1;
                }
                Some(())
            }
        }
    }

    /// Moves from the start of an object or array to the start of one of its values.
    fn enter(&mut self, segment: &Segment) -> Option<()> {
        match segment {
            Segment::Key(wanted) => {
                self.eat(b'{')?;
                loop {
                    let key = self.string()?;
                    self.eat(b':')?;
                    self.space();
                    if key == *wanted {
                        return Some(());
                    }
                    self.skip()?;
                    self.eat(b',')?;
                }
            }
            Segment::Index(wanted) => {
                self.eat(b'[')?;
                for _ in 0..*wanted {
                    self.skip()?;
                    self.eat(b',')?;
                }
                self.space();
                (self.peek()? != b']').then_some(())
            }
        }
    }
}

/// The checks serde cannot make: at least one scenario, unique names, something to ask,
/// expectations that can hold, and time that only moves forward.
fn validate(file: &ScenarioFile) -> Result<(), (JsonPath, String)> {
    let root = JsonPath::default();
    if file.scenarios.is_empty() {
        return Err((
            root.key("scenarios"),
            "a file holds at least one scenario".to_owned(),
        ));
    }
    let mut names: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, scenario) in file.scenarios.iter().enumerate() {
        let here = root.key("scenarios").index(i);
        if scenario.name.trim().is_empty() {
            return Err((here.key("name"), "a scenario needs a name".to_owned()));
        }
        if let Some(first) = names.insert(&scenario.name, i) {
            return Err((
                here.key("name"),
                format!(
                    "the name `{}` is already used by scenarios[{first}]",
                    scenario.name
                ),
            ));
        }
        if scenario.questions.is_empty() && scenario.what_if.is_empty() {
            return Err((
                here,
                "a scenario asks at least one question or what-if".to_owned(),
            ));
        }
        for (j, question) in scenario.questions.iter().enumerate() {
            if question.expect_rules.as_ref().is_some_and(Vec::is_empty) {
                return Err((
                    here.key("questions").index(j).key("expect_rules"),
                    "a decision always lists at least one rule: leave expect_rules out instead"
                        .to_owned(),
                ));
            }
        }
        for (j, WhatIf { change, .. }) in scenario.what_if.iter().enumerate() {
            let at_change = here.key("what_if").index(j).key("change");
            match change {
                Change::TimePasses { at } if *at < scenario.now => {
                    return Err((
                        at_change.key("at"),
                        "time only passes forward: this is before the scenario's now".to_owned(),
                    ));
                }
                Change::End { .. } => {
                    let (after, _) = apply(&scenario.facts, change, scenario.now);
                    if after.facts == scenario.facts.facts {
                        return Err((
                            at_change.key("fact"),
                            "this ends nothing: no fact with a period equals it, or it had \
                             already ended by then"
                                .to_owned(),
                        ));
                    }
                }
                _ => {}
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(text: &str) -> JsonPath {
        let mut segments = Vec::new();
        for part in text.split('.') {
            let mut pieces = part.split('[');
            if let Some(key) = pieces.next().filter(|k| !k.is_empty()) {
                segments.push(Segment::Key(key.to_owned()));
            }
            for piece in pieces {
                if let Ok(index) = piece.trim_end_matches(']').parse() {
                    segments.push(Segment::Index(index));
                }
            }
        }
        JsonPath(segments)
    }

    #[test]
    fn paths_print_like_serde_path_to_error() {
        assert_eq!(JsonPath::default().to_string(), ".");
        let p = path("scenarios[0].facts.facts[2].period.from");
        assert_eq!(p.to_string(), "scenarios[0].facts.facts[2].period.from");
        assert_eq!(p.0.len(), 7);
    }

    #[test]
    fn locate_finds_values_by_path() {
        let text =
            "{\n  \"a\": [1, {\"b\\\"\": \"x\", \"c\": [[], {}]}],\n  \"d\": \"é\", \"e\": null\n}";
        assert_eq!(locate(text, &path("a")), Some((2, 8)));
        assert_eq!(locate(text, &path("a[1]")), Some((2, 12)));
        assert_eq!(
            locate(
                text,
                &JsonPath(vec![
                    Segment::Key("a".into()),
                    Segment::Index(1),
                    Segment::Key("b\"".into()),
                ])
            ),
            Some((2, 20))
        );
        assert_eq!(locate(text, &path("a[1].c[1]")), Some((2, 35)));
        assert_eq!(locate(text, &path("e")), Some((3, 18)));
        assert_eq!(locate(text, &path("a[2]")), None);
        assert_eq!(locate(text, &path("zz")), None);
        assert_eq!(locate(text, &JsonPath::default()), Some((1, 1)));
    }
}
