//! Translatable messages: every error and every reason the domain produces is a key plus arguments.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// Something that can be shown to a person through a translation key.
///
/// Keys are stable, dotted, lowercase identifiers such as `login.username.empty`; the app and the
/// server translate them, so the domain never holds a sentence in one language.
pub trait HasMessageKey {
    /// The translation key of this message.
    fn message_key(&self) -> &'static str;
}

/// A translatable message: a key and its named arguments, in a stable order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Message {
    /// The translation key: borrowed for the domain's own keys, so a decision allocates less.
    pub key: Cow<'static, str>,
    /// Named arguments to fill into the translated text, sorted by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(Cow<'static, str>, String)>,
}

impl Message {
    /// A message without arguments.
    pub fn new(key: impl Into<Cow<'static, str>>) -> Self {
        Self {
            key: key.into(),
            args: Vec::new(),
        }
    }

    /// Adds a named argument; arguments stay sorted by name so equal messages compare equal.
    #[must_use]
    /// ```
    /// use inzage_domain::Message;
    /// let m = Message::new("reason.report_before_cutoff").arg("cutoff", "2016-08-15");
    /// assert_eq!(m.get("cutoff"), Some("2016-08-15"));
    /// ```
    pub fn arg(mut self, name: impl Into<Cow<'static, str>>, value: impl Into<String>) -> Self {
        let name = name.into();
        let value = value.into();
        match self
            .args
            .binary_search_by(|(n, _)| n.as_ref().cmp(name.as_ref()))
        {
            Ok(i) => self.args[i].1 = value,
            Err(i) => self.args.insert(i, (name, value)),
        }
        self
    }

    /// The value of a named argument, if present.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(n, _)| n.as_ref() == name)
            .map(|(_, v)| v.as_str())
    }
}

impl<E: HasMessageKey> From<&E> for Message {
    fn from(e: &E) -> Self {
        Message::new(e.message_key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_sorted_and_replaced() {
        let m = Message::new("k").arg("b", "2").arg("a", "1").arg("b", "3");
        assert_eq!(
            m.args,
            vec![("a".into(), "1".into()), ("b".into(), "3".into())]
        );
        assert_eq!(m.get("b"), Some("3"));
        assert_eq!(m.get("c"), None);
    }
}
