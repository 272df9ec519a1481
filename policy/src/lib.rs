//! The scenario runner for Inzage's access rules.
//!
//! A scenario file (JSON, described in `docs/policy-scenarios.md`) holds named scenarios: the
//! facts about one record at one instant, questions to decide (each a domain
//! [`Request`](inzage_domain::Request), optionally with the expected effect and rules) and
//! what-if changes. [`execute`] runs a file's text through [`inzage_domain::decide`] and
//! [`inzage_domain::what_if`] and returns what the `inzage-policy` binary prints and its exit
//! code:
//!
//! - `0`: every expectation holds (the JSON report on stdout);
//! - `1`: at least one expectation fails (the report on stdout, each failure on stderr);
//! - `2`: the input cannot be read or is invalid (one line on stderr with the file, line,
//!   column and JSON path of the offending value, nothing on stdout).
//!
//! This crate does the parsing and reporting; the binary only reads the file and prints, and
//! the domain crate stays free of I/O.
//!
//! ```
//! let source = r#"{"scenarios": [{
//!     "name": "own record",
//!     "now": "2026-11-27T12:00:00Z",
//!     "facts": {"patient": {"id": "p1"}, "hospital": {"jurisdiction": "BE"}},
//!     "questions": [{"principal": {"kind": "person", "id": "p1"}, "action": "read",
//!                    "expect": "permit", "expect_rules": ["own-record"]}]
//! }]}"#;
//! let execution = inzage_policy::execute("example.json", source);
//! assert_eq!(execution.code, inzage_policy::EXIT_OK);
//! assert!(execution.stdout.contains(r#""met": true"#));
//! ```

#![warn(missing_docs)]

pub mod format;
pub mod parse;
pub mod report;

pub use format::{ExpectedDifference, Question, Scenario, ScenarioFile, WhatIf};
pub use parse::{locate, parse, InputError, JsonPath, Segment};
pub use report::{run, Answer, Expected, Failure, Report, ScenarioReport, Summary, WhatIfReport};

/// Exit code: every expectation holds.
pub const EXIT_OK: u8 = 0;
/// Exit code: at least one expectation fails.
pub const EXIT_EXPECTATION_FAILED: u8 = 1;
/// Exit code: the input cannot be read or is invalid.
pub const EXIT_INVALID_INPUT: u8 = 2;

/// How to call the binary.
pub const USAGE: &str = "\
usage: inzage-policy FILE

Runs the access-rule scenarios in FILE (JSON, see docs/policy-scenarios.md) through the domain's
decide and what_if, and prints each decision with its rules and reasons as JSON.

exit codes: 0 every expectation holds, 1 an expectation fails (listed on stderr),
            2 the input cannot be read or is invalid
";

/// What a run prints and how it exits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Execution {
    /// The JSON report (empty when the input is invalid).
    pub stdout: String,
    /// Failed expectations or the input error, one per line.
    pub stderr: String,
    /// [`EXIT_OK`], [`EXIT_EXPECTATION_FAILED`] or [`EXIT_INVALID_INPUT`].
    pub code: u8,
}

impl Execution {
    fn invalid(stderr: String) -> Self {
        Self {
            stdout: String::new(),
            stderr,
            code: EXIT_INVALID_INPUT,
        }
    }
}

/// The report as pretty-printed JSON with a final newline: the runner's stable output.
pub fn to_json(report: &Report) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(report).map(|mut json| {
        json.push('\n');
        json
    })
}

/// Parses and runs a scenario file's text; `file` names it in messages.
pub fn execute(file: &str, source: &str) -> Execution {
    let scenarios = match parse(source) {
        Ok(scenarios) => scenarios,
        Err(error) => return Execution::invalid(format!("{}\n", error.render(file))),
    };
    let report = run(&scenarios);
    let stdout = match to_json(&report) {
        Ok(json) => json,
        Err(error) => return Execution::invalid(format!("{file}: cannot print: {error}\n")),
    };
    if report.failures.is_empty() {
        return Execution {
            stdout,
            stderr: String::new(),
            code: EXIT_OK,
        };
    }
    let mut stderr = String::new();
    for failure in &report.failures {
        stderr.push_str(&format!("{file}: expectation failed: {failure}\n"));
    }
    stderr.push_str(&format!(
        "{file}: {} of {} expectations failed\n",
        report.summary.failed, report.summary.expectations
    ));
    Execution {
        stdout,
        stderr,
        code: EXIT_EXPECTATION_FAILED,
    }
}
