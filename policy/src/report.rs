//! Running the scenarios through the domain, and the JSON report of what it decided.

use std::fmt;

use inzage_domain::access::{
    decide, what_if, Action, Change, Decision, Difference, Effect, Principal, Request, RuleId,
};
use serde::Serialize;
use time::OffsetDateTime;

use crate::format::{ExpectedDifference, Question, Scenario, ScenarioFile, WhatIf};

/// Everything the runner found, in the order of the file. Its JSON is the runner's output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// One entry per scenario.
    pub scenarios: Vec<ScenarioReport>,
    /// The counts.
    pub summary: Summary,
    /// The expectations that did not hold (on stderr, not in the JSON: each answer has `met`).
    #[serde(skip)]
    pub failures: Vec<Failure>,
}

/// The answers for one scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScenarioReport {
    /// The scenario's name.
    pub name: String,
    /// The instant it was decided at.
    #[serde(with = "time::serde::rfc3339")]
    pub now: OffsetDateTime,
    /// One answer per question.
    pub questions: Vec<Answer>,
    /// One entry per what-if change.
    pub what_if: Vec<WhatIfReport>,
}

/// The decision on one question, and whether it met the expectation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    /// The question's label, if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The request decided.
    pub request: Request,
    /// The domain's decision: effect, rules and reasons.
    pub decision: Decision,
    /// What the question expected, if anything.
    pub expected: Option<Expected>,
    /// Whether the decision met it; `null` when nothing was expected.
    pub met: Option<bool>,
}

/// A question's expectation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Expected {
    /// The effect, if expected.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effect: Option<Effect>,
    /// The rules, sorted, if expected.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rules: Option<Vec<RuleId>>,
}

/// The differences one change makes, and whether they are the expected ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WhatIfReport {
    /// The what-if's label, if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The change weighed.
    pub change: Change,
    /// What each person gains or loses on the whole record (only changed effects).
    pub differences: Vec<Difference>,
    /// The differences expected, if any were given.
    pub expected: Option<Vec<ExpectedDifference>>,
    /// Whether the differences were exactly the expected ones; `null` when none were given.
    pub met: Option<bool>,
}

/// How much was run and how much failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Scenarios run.
    pub scenarios: usize,
    /// Questions decided.
    pub questions: usize,
    /// What-if changes weighed.
    pub what_ifs: usize,
    /// Questions and what-ifs that had an expectation.
    pub expectations: usize,
    /// Expectations that did not hold.
    pub failed: usize,
}

/// An expectation that did not hold: where, and what differed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The JSON path of the question or what-if, like `scenarios[1].questions[0]`.
    pub path: String,
    /// The scenario's name.
    pub scenario: String,
    /// The question's or what-if's label, if any.
    pub name: Option<String>,
    /// What was expected and what came instead.
    pub detail: String,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (scenario {:?}", self.path, self.scenario)?;
        if let Some(name) = &self.name {
            write!(f, ", {name:?}")?;
        }
        write!(f, "): {}", self.detail)
    }
}

/// Decides every question and weighs every what-if of a file.
pub fn run(file: &ScenarioFile) -> Report {
    let mut failures = Vec::new();
    let mut summary = Summary {
        scenarios: file.scenarios.len(),
        questions: 0,
        what_ifs: 0,
        expectations: 0,
        failed: 0,
    };
    let scenarios = file
        .scenarios
        .iter()
        .enumerate()
        .map(|(i, scenario)| {
            let questions: Vec<Answer> = scenario
                .questions
                .iter()
                .enumerate()
                .map(|(j, question)| {
                    let answer = answer(scenario, question);
                    if answer.met == Some(false) {
                        failures.push(Failure {
                            path: format!("scenarios[{i}].questions[{j}]"),
                            scenario: scenario.name.clone(),
                            name: question.name.clone(),
                            detail: format!(
                                "expected {}, got {}",
                                describe_expected(answer.expected.as_ref()),
                                describe_decision(&answer.decision),
                            ),
                        });
                    }
                    answer
                })
                .collect();
            let what_ifs: Vec<WhatIfReport> = scenario
                .what_if
                .iter()
                .enumerate()
                .map(|(j, item)| {
                    let (report, detail) = weigh(scenario, item);
                    if let Some(detail) = detail {
                        failures.push(Failure {
                            path: format!("scenarios[{i}].what_if[{j}]"),
                            scenario: scenario.name.clone(),
                            name: item.name.clone(),
                            detail,
                        });
                    }
                    report
                })
                .collect();
            summary.questions += questions.len();
            summary.what_ifs += what_ifs.len();
            summary.expectations += questions.iter().filter(|a| a.met.is_some()).count()
                + what_ifs.iter().filter(|w| w.met.is_some()).count();
            ScenarioReport {
                name: scenario.name.clone(),
                now: scenario.now,
                questions,
                what_if: what_ifs,
            }
        })
        .collect();
    summary.failed = failures.len();
    Report {
        scenarios,
        summary,
        failures,
    }
}

fn answer(scenario: &Scenario, question: &Question) -> Answer {
    let request = question.request();
    let decision = decide(&request, &scenario.facts, scenario.now);
    let expected = question.has_expectation().then(|| Expected {
        effect: question.expect,
        rules: question.expect_rules.clone().map(|mut rules| {
            rules.sort();
            rules.dedup();
            rules
        }),
    });
    let met = expected.as_ref().map(|e| {
        e.effect.is_none_or(|effect| effect == decision.effect)
            && e.rules
                .as_ref()
                .is_none_or(|rules| *rules == decision.rules)
    });
    Answer {
        name: question.name.clone(),
        request,
        decision,
        expected,
        met,
    }
}

fn weigh(scenario: &Scenario, item: &WhatIf) -> (WhatIfReport, Option<String>) {
    let differences = what_if(&scenario.facts, &item.change, scenario.now);
    let got: Vec<ExpectedDifference> = differences
        .iter()
        .map(|d| ExpectedDifference {
            principal: d.principal.clone(),
            action: d.action,
            before: d.before.effect,
            after: d.after.effect,
        })
        .collect();
    let detail = item.expect.as_ref().and_then(|expected| {
        let missing: Vec<&ExpectedDifference> =
            expected.iter().filter(|e| !got.contains(e)).collect();
        let unexpected: Vec<&ExpectedDifference> =
            got.iter().filter(|g| !expected.contains(g)).collect();
        let mut parts = Vec::new();
        if !missing.is_empty() {
            parts.push(format!("missing {}", describe_differences(&missing)));
        }
        if !unexpected.is_empty() {
            parts.push(format!("unexpected {}", describe_differences(&unexpected)));
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    });
    let report = WhatIfReport {
        name: item.name.clone(),
        change: item.change.clone(),
        differences,
        expected: item.expect.clone(),
        met: item.expect.as_ref().map(|_| detail.is_none()),
    };
    (report, detail)
}

/// The serde name of a unit enum value, such as `permit` or `read_through_exchange`.
fn name_of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => "?".to_owned(),
    }
}

fn describe_rules(rules: &[RuleId]) -> String {
    let names: Vec<&str> = rules.iter().map(|r| r.as_str()).collect();
    format!("[{}]", names.join(", "))
}

fn describe_decision(decision: &Decision) -> String {
    format!(
        "{} {}",
        name_of(&decision.effect),
        describe_rules(&decision.rules)
    )
}

fn describe_expected(expected: Option<&Expected>) -> String {
    let Some(expected) = expected else {
        return "nothing".to_owned();
    };
    match (&expected.effect, &expected.rules) {
        (Some(effect), Some(rules)) => format!("{} {}", name_of(effect), describe_rules(rules)),
        (Some(effect), None) => name_of(effect),
        (None, Some(rules)) => format!("rules {}", describe_rules(rules)),
        (None, None) => "nothing".to_owned(),
    }
}

fn describe_principal(principal: &Principal) -> String {
    match principal {
        Principal::Person { id } => format!("person {}", id.0),
        Principal::Practitioner { id } => format!("practitioner {}", id.0),
    }
}

fn describe_differences(differences: &[&ExpectedDifference]) -> String {
    let items: Vec<String> = differences
        .iter()
        .map(|d| {
            format!(
                "{} {}: {} -> {}",
                describe_principal(&d.principal),
                name_of::<Action>(&d.action),
                name_of(&d.before),
                name_of(&d.after)
            )
        })
        .collect();
    format!("[{}]", items.join(", "))
}
