//! The scenario file format: what a file may contain, field by field.
//!
//! Every struct rejects unknown fields, and everything the domain already defines (facts,
//! principals, actions, resources, changes, effects, rule ids) is read with the domain's own serde
//! shapes, so a scenario file accepts exactly what the portal's rules understand. The format is
//! described for people in `docs/policy-scenarios.md`.

use inzage_domain::access::{Action, Change, Effect, Facts, Principal, Request, Resource, RuleId};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// A whole scenario file: one or more named scenarios.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioFile {
    /// What the file is about, for its readers; not used by the runner.
    #[serde(default)]
    pub description: Option<String>,
    /// The scenarios, run in order. At least one; their names are unique.
    pub scenarios: Vec<Scenario>,
}

/// One situation: the facts about one record at one instant, and what is asked about it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// A name, unique in the file; it appears in the output and in failure messages.
    pub name: String,
    /// What the scenario shows, for its readers; not used by the runner.
    #[serde(default)]
    pub description: Option<String>,
    /// The instant every question is decided at (RFC 3339, with an offset).
    #[serde(with = "time::serde::rfc3339")]
    pub now: OffsetDateTime,
    /// The domain's facts about the record: the patient, the hospital and the facts.
    pub facts: Facts,
    /// The requests to decide.
    #[serde(default)]
    pub questions: Vec<Question>,
    /// Changes whose consequences to list, each applied to the scenario's facts on its own.
    #[serde(default)]
    pub what_if: Vec<WhatIf>,
}

/// One request to decide: the domain's [`Request`] fields, optionally with what to expect.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// A short label for the output and failure messages.
    #[serde(default)]
    pub name: Option<String>,
    /// Why the answer is what it is (a law article, a hospital setting); not used by the runner.
    #[serde(default)]
    pub description: Option<String>,
    /// Who asks.
    pub principal: Principal,
    /// What they want to do.
    pub action: Action,
    /// On what; the whole record when left out.
    #[serde(default = "whole_record")]
    pub resource: Resource,
    /// The effect the decision must have.
    #[serde(default)]
    pub expect: Option<Effect>,
    /// The rules the decision must list, in any order: exactly these, no more.
    #[serde(default, deserialize_with = "rule_ids")]
    pub expect_rules: Option<Vec<RuleId>>,
}

fn whole_record() -> Resource {
    Resource::Record
}

/// A rule id as [`RuleId::as_str`] spells it (`nl-parent-under-12`), with an error that lists
/// every known id when it is not one.
struct RuleName(RuleId);

impl<'de> Deserialize<'de> for RuleName {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        RuleId::ALL
            .into_iter()
            .find(|rule| rule.as_str() == name)
            .map(RuleName)
            .ok_or_else(|| {
                let known: Vec<&str> = RuleId::ALL.iter().map(|r| r.as_str()).collect();
                serde::de::Error::custom(format!(
                    "unknown rule id `{name}`, expected one of {}",
                    known.join(", ")
                ))
            })
    }
}

fn rule_ids<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Vec<RuleId>>, D::Error> {
    let names = Vec::<RuleName>::deserialize(deserializer)?;
    Ok(Some(names.into_iter().map(|n| n.0).collect()))
}

impl Question {
    /// The domain request this question asks.
    pub fn request(&self) -> Request {
        Request {
            principal: self.principal.clone(),
            action: self.action,
            resource: self.resource.clone(),
        }
    }

    /// Whether the question expects anything.
    pub fn has_expectation(&self) -> bool {
        self.expect.is_some() || self.expect_rules.is_some()
    }
}

/// One change to weigh: the domain's [`Change`], optionally with the differences to expect.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WhatIf {
    /// A short label for the output and failure messages.
    #[serde(default)]
    pub name: Option<String>,
    /// What the change shows, for its readers; not used by the runner.
    #[serde(default)]
    pub description: Option<String>,
    /// The change: add a fact, end a fact, or let time pass.
    pub change: Change,
    /// Exactly the differences the change must make, in any order (an empty list: none).
    #[serde(default)]
    pub expect: Option<Vec<ExpectedDifference>>,
}

/// One difference a what-if is expected to list: a person's effect on the whole record for one
/// action, before and after the change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedDifference {
    /// Who.
    pub principal: Principal,
    /// Which action.
    pub action: Action,
    /// The effect before the change.
    pub before: Effect,
    /// The effect after it.
    pub after: Effect,
}
