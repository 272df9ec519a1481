//! The scenario runner end to end: the example files in `docs/scenarios/`, the exit codes, the
//! error paths, the stable output, and the example in `docs/policy-scenarios.md`. Each file is
//! run both through the real binary and through the library.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use inzage_policy::{execute, parse, EXIT_EXPECTATION_FAILED, EXIT_INVALID_INPUT, EXIT_OK};

/// The workspace root: paths in messages and in the docs are relative to it.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Runs the binary from the workspace root on a path relative to it.
fn run_binary(relative: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_inzage-policy"))
        .arg(relative)
        .current_dir(root())
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// Writes a scenario file into a fresh directory under the target directory and returns its path.
fn scratch(name: &str, contents: &str) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("policy-it")
        .join(format!(
            "{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn examples() -> Vec<String> {
    let dir = root().join("docs/scenarios");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .map(|name| format!("docs/scenarios/{name}"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_example_meets_all_its_expectations() {
    let files = examples();
    assert!(files.len() >= 5, "examples: {files:?}");
    for file in files {
        let source = std::fs::read_to_string(root().join(&file)).unwrap();

        // Every question of an example says what it expects.
        let parsed = parse(&source).unwrap_or_else(|e| panic!("{}", e.render(&file)));
        for scenario in &parsed.scenarios {
            for question in &scenario.questions {
                assert!(
                    question.expect.is_some(),
                    "{file}: {:?} / {:?} has no expect",
                    scenario.name,
                    question.name
                );
            }
        }

        let output = run_binary(&file);
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{file}: {stderr}");
        assert_eq!(stderr, "", "{file}");
        let stdout = text(&output.stdout);
        let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(report["summary"]["failed"], 0, "{file}");
        let questions = report["summary"]["questions"].as_u64().unwrap();
        let expectations = report["summary"]["expectations"].as_u64().unwrap();
        assert!(questions > 0 && expectations >= questions, "{file}");

        // The library gives the binary's output byte for byte.
        let library = execute(&file, &source);
        assert_eq!(library.code, EXIT_OK, "{file}: {}", library.stderr);
        assert_eq!(library.stdout, stdout, "{file}");
    }
}

/// The brief's required coverage is present in the examples.
#[test]
fn the_examples_cover_the_required_cases() {
    let all: String = examples()
        .iter()
        .map(|f| std::fs::read_to_string(root().join(f)).unwrap())
        .collect();
    for needle in [
        "\"gp_access_refused\"",
        "\"gp-access-refused\"",
        "\"exclusion\"",
        "\"treating-relationship\"",
        "\"nl-child-consent-missing\"",
        "\"nl-parent-with-child-consent\"",
        "\"nl-child-decides-alone\"",
        "\"be-parent-link-ended\"",
        "\"indirect_only\"",
        "\"doctor_weighs\"",
        "\"what_if\"",
    ] {
        assert!(all.contains(needle), "no example has {needle}");
    }
}

const FAILING: &str = r#"{
  "scenarios": [
    {
      "name": "wrong on purpose",
      "now": "2026-11-27T12:00:00Z",
      "facts": {
        "patient": {"id": "p1"},
        "hospital": {"jurisdiction": "BE"},
        "facts": [{"kind": "general_practitioner", "practitioner": "gp", "period": {"from": "2020-01-01T00:00:00Z"}}]
      },
      "questions": [
        {"name": "right", "principal": {"kind": "person", "id": "p1"}, "action": "read", "expect": "permit"},
        {"name": "wrong effect", "principal": {"kind": "practitioner", "id": "gp"}, "action": "read", "expect": "deny"},
        {"principal": {"kind": "practitioner", "id": "gp"}, "action": "read", "expect": "permit", "expect_rules": ["treating-relationship"]}
      ],
      "what_if": [
        {"change": {"kind": "add", "fact": {"kind": "gp_access_refused", "period": {"from": "2026-11-27T12:00:00Z"}}}, "expect": []}
      ]
    }
  ]
}"#;

#[test]
fn a_failing_expectation_exits_with_1_and_says_which() {
    let path = scratch("failing.json", FAILING);
    let output = Command::new(env!("CARGO_BIN_EXE_inzage-policy"))
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(i32::from(EXIT_EXPECTATION_FAILED))
    );
    let stderr = text(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 4, "{stderr}");
    assert!(lines[0].ends_with(
        "expectation failed: scenarios[0].questions[1] (scenario \"wrong on purpose\", \
         \"wrong effect\"): expected deny, got permit [general-practitioner]"
    ));
    assert!(lines[1].ends_with(
        "expectation failed: scenarios[0].questions[2] (scenario \"wrong on purpose\"): \
         expected permit [treating-relationship], got permit [general-practitioner]"
    ));
    assert!(lines[2].ends_with(
        "expectation failed: scenarios[0].what_if[0] (scenario \"wrong on purpose\"): \
         unexpected [practitioner gp read: permit -> deny]"
    ));
    assert!(lines[3].ends_with("3 of 4 expectations failed"), "{stderr}");

    // The report still comes out, with each answer's verdict.
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let met: Vec<&serde_json::Value> = report["scenarios"][0]["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| &q["met"])
        .collect();
    assert_eq!(met, [true, false, false]);
    assert_eq!(report["scenarios"][0]["what_if"][0]["met"], false);
    assert_eq!(report["summary"]["failed"], 3);

    let library = execute("failing.json", FAILING);
    assert_eq!(library.code, EXIT_EXPECTATION_FAILED);
    assert_eq!(library.stdout, text(&output.stdout));
}

/// A valid file to break in one place at a time.
const VALID: &str = r#"{
  "scenarios": [
    {
      "name": "valid",
      "now": "2026-11-27T12:00:00Z",
      "facts": {
        "patient": {"id": "p1", "birth_date": "1970-05-05"},
        "hospital": {"jurisdiction": "BE"},
        "facts": [
          {"kind": "general_practitioner", "practitioner": "gp", "period": {"from": "2020-01-01T00:00:00Z"}},
          {"kind": "exchange_consent", "period": {"from": "2020-01-01T00:00:00Z"}},
          {"kind": "exclusion", "practitioner": "dr-x", "period": {"from": "2021-03-04T05:06:07+01:00"}}
        ]
      },
      "questions": [
        {"principal": {"kind": "practitioner", "id": "gp"}, "action": "read", "expect": "permit"}
      ],
      "what_if": [
        {"change": {"kind": "add", "fact": {"kind": "gp_access_refused", "period": {"from": "2026-11-27T12:00:00Z"}}}}
      ]
    }
  ]
}"#;

/// Runs VALID with one replacement through the binary and the library; returns stderr.
fn invalid(replace: &str, with: &str) -> String {
    assert!(VALID.contains(replace), "{replace}");
    let source = VALID.replacen(replace, with, 1);
    let path = scratch("invalid.json", &source);
    let output = Command::new(env!("CARGO_BIN_EXE_inzage-policy"))
        .arg(&path)
        .output()
        .unwrap();
    let stderr = text(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(i32::from(EXIT_INVALID_INPUT)),
        "{stderr}"
    );
    assert_eq!(text(&output.stdout), "");
    let library = execute("invalid.json", &source);
    assert_eq!(library.code, EXIT_INVALID_INPUT);
    assert_eq!(library.stdout, "");
    // The same message, only the file name differs.
    let message = stderr
        .strip_prefix(path.to_str().unwrap())
        .expect("the message starts with the file");
    assert_eq!(
        library.stderr.strip_prefix("invalid.json"),
        Some(message),
        "{stderr}"
    );
    message.to_owned()
}

#[test]
fn the_valid_file_is_valid() {
    assert_eq!(execute("valid.json", VALID).code, EXIT_OK);
}

#[test]
fn an_unknown_field_exits_with_2_and_its_path() {
    assert_eq!(
        invalid(
            "\"action\": \"read\"",
            "\"action\": \"read\", \"expected\": \"permit\""
        ),
        ":16:91: scenarios[0].questions[0].expected: unknown field `expected`, expected one of \
         `name`, `description`, `principal`, `action`, `resource`, `expect`, `expect_rules`\n"
    );
    // Inside a fact, where serde buffers the tagged enum, the path still reaches the field.
    assert_eq!(
        invalid("\"practitioner\": \"dr-x\"", "\"practicioner\": \"dr-x\""),
        ":12:49: scenarios[0].facts.facts[2].practicioner: unknown field `practicioner`, \
         expected `practitioner` or `period`\n"
    );
}

#[test]
fn a_bad_timestamp_exits_with_2_and_its_path() {
    assert_eq!(
        invalid(
            "2026-11-27T12:00:00Z\",\n      \"facts\"",
            "2026-11-27 12:00\",\n      \"facts\""
        ),
        ":5:14: scenarios[0].now: a character literal was not valid\n"
    );
    assert_eq!(
        invalid("2021-03-04T05:06:07+01:00", "2021-03-04T05:06:07+1:00"),
        ":12:76: scenarios[0].facts.facts[2].period.from: the 'offset hour' component could \
         not be parsed\n"
    );
    // In a what-if's fact: two tagged enums deep.
    assert_eq!(
        invalid(
            "\"from\": \"2026-11-27T12:00:00Z\"}}}}",
            "\"from\": \"2026-11-27T12:00:00Zulu\"}}}}"
        ),
        ":19:93: scenarios[0].what_if[0].change.fact.period.from: unexpected trailing \
         characters; the end of input was expected\n"
    );
    assert_eq!(
        invalid("\"1970-05-05\"", "\"1970-5-5\""),
        ":7:47: scenarios[0].facts.patient.birth_date: the 'month' component could not be \
         parsed\n"
    );
}

#[test]
fn a_bad_enum_value_exits_with_2_and_its_path() {
    assert!(
        invalid("\"action\": \"read\"", "\"action\": \"reed\"").starts_with(
            ":16:71: scenarios[0].questions[0].action: unknown variant `reed`, expected one of \
         `read`, "
        )
    );
    assert!(
        invalid("\"expect\": \"permit\"", "\"expect\": \"allow\"").starts_with(
            ":16:89: scenarios[0].questions[0].expect: unknown variant `allow`, expected one of \
         `permit`, `deny`, `indirect_only`, `doctor_weighs`"
        )
    );
    assert!(invalid("\"BE\"", "\"FR\"").starts_with(
        ":8:38: scenarios[0].facts.hospital.jurisdiction: unknown variant `FR`, expected `BE` \
         or `NL`"
    ));
    assert!(invalid("\"kind\": \"exchange_consent\"", "\"kind\": \"exchange\"").starts_with(
        ":11:20: scenarios[0].facts.facts[1].kind: unknown variant `exchange`, expected one of "
    ));
    assert!(invalid("\"expect\": \"permit\"", "\"expect_rules\": [\"gp\"]").starts_with(
        ":16:96: scenarios[0].questions[0].expect_rules[0]: unknown rule id `gp`, expected one \
         of default-deny, own-record, "
    ));
}

#[test]
fn other_invalid_input_exits_with_2() {
    // Not JSON at all, and trailing text.
    assert!(invalid("{\n  \"scenarios\"", "{\n  scenarios")
        .starts_with(":2:3: .: key must be a string"));
    assert!(invalid("  ]\n}", "  ]\n}\n}").starts_with(":24:1: .: trailing characters"));
    // Checks beyond the types.
    assert_eq!(
        invalid(
            "\"name\": \"valid\",",
            "\"name\": \"valid\", \"questions\": [],"
        ),
        ":3:5: scenarios[0]: duplicate field `questions`\n"
    );
    assert_eq!(
        invalid(
            "\"kind\": \"add\", \"fact\": {\"kind\": \"gp_access_refused\", \"period\": {\"from\": \"2026-11-27T12:00:00Z\"}}",
            "\"kind\": \"time_passes\", \"at\": \"2026-11-27T11:59:59Z\""
        ),
        ":19:50: scenarios[0].what_if[0].change.at: time only passes forward: this is before \
         the scenario's now\n"
    );
    assert!(invalid(
        "\"kind\": \"add\", \"fact\": {\"kind\": \"gp_access_refused\"",
        "\"at\": \"2026-11-27T12:00:00Z\", \"kind\": \"end\", \"fact\": {\"kind\": \"gp_access_refused\""
    )
    .contains("scenarios[0].what_if[0].change.fact: this ends nothing"));

    // A file that cannot be read.
    let output = run_binary("docs/scenarios/no-such-file.json");
    assert_eq!(output.status.code(), Some(i32::from(EXIT_INVALID_INPUT)));
    assert!(text(&output.stderr).starts_with("docs/scenarios/no-such-file.json: cannot read: "));
    // No file, or two.
    let output = Command::new(env!("CARGO_BIN_EXE_inzage-policy"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(i32::from(EXIT_INVALID_INPUT)));
    assert!(text(&output.stderr).starts_with("usage: inzage-policy FILE"));
}

#[test]
fn semantic_checks_name_the_offending_field() {
    let two = VALID.replacen("\"scenarios\": [", "\"scenarios\": [], \"x\": [", 1);
    assert!(execute("f", &two).stderr.contains("unknown field `x`"));
    let empty = "{\"scenarios\": []}";
    assert_eq!(
        execute("f", empty).stderr,
        "f:1:15: scenarios: a file holds at least one scenario\n"
    );
    let scenario = VALID
        .split_once("\"scenarios\": [")
        .and_then(|(_, rest)| rest.rsplit_once(']'))
        .map(|(s, _)| s.trim().to_owned())
        .unwrap();
    let twice = format!("{{\"scenarios\": [{scenario}, {scenario}]}}");
    assert!(execute("f", &twice)
        .stderr
        .contains("scenarios[1].name: the name `valid` is already used by scenarios[0]"));
    let nothing_asked = r#"{"scenarios": [{"name": "n", "now": "2026-11-27T12:00:00Z",
        "facts": {"patient": {"id": "p"}, "hospital": {"jurisdiction": "NL"}}}]}"#;
    assert_eq!(
        execute("f", nothing_asked).stderr,
        "f:1:16: scenarios[0]: a scenario asks at least one question or what-if\n"
    );
    let no_rules = VALID.replacen("\"expect\": \"permit\"", "\"expect_rules\": []", 1);
    assert!(execute("f", &no_rules)
        .stderr
        .contains("scenarios[0].questions[0].expect_rules: a decision always lists"));
}

/// The output of one small scenario, exactly: its shape is a contract with the scripts that read it.
#[test]
fn the_output_is_stable() {
    let source = r#"{"scenarios": [{
        "name": "emergency",
        "now": "2026-11-27T12:00:00Z",
        "facts": {
            "patient": {"id": "p1"},
            "hospital": {"jurisdiction": "NL", "time_zone": "Europe/Amsterdam"},
            "facts": [{"kind": "emergency_access", "practitioner": "dr-er", "reason": " reanimatie ",
                       "period": {"from": "2026-11-27T11:00:00Z", "until": "2026-11-27T23:00:00Z"}}]
        },
        "questions": [{"principal": {"kind": "practitioner", "id": "dr-er"}, "action": "read",
                       "expect": "permit"}],
        "what_if": [{"name": "the emergency access runs out",
                     "change": {"kind": "time_passes", "at": "2026-11-28T00:00:00+01:00"}}]
    }]}"#;
    let expected = r#"{
  "scenarios": [
    {
      "name": "emergency",
      "now": "2026-11-27T12:00:00Z",
      "questions": [
        {
          "request": {
            "principal": {
              "kind": "practitioner",
              "id": "dr-er"
            },
            "action": "read",
            "resource": {
              "kind": "record"
            }
          },
          "decision": {
            "effect": "permit",
            "rules": [
              "emergency-access"
            ],
            "reasons": [
              {
                "key": "reason.emergency_access",
                "args": [
                  [
                    "practitioner",
                    "dr-er"
                  ],
                  [
                    "reason",
                    "reanimatie"
                  ]
                ]
              }
            ]
          },
          "expected": {
            "effect": "permit"
          },
          "met": true
        }
      ],
      "what_if": [
        {
          "name": "the emergency access runs out",
          "change": {
            "kind": "time_passes",
            "at": "2026-11-28T00:00:00+01:00"
          },
          "differences": [
            {
              "principal": {
                "kind": "practitioner",
                "id": "dr-er"
              },
              "action": "read",
              "before": {
                "effect": "permit",
                "rules": [
                  "emergency-access"
                ],
                "reasons": [
                  {
                    "key": "reason.emergency_access",
                    "args": [
                      [
                        "practitioner",
                        "dr-er"
                      ],
                      [
                        "reason",
                        "reanimatie"
                      ]
                    ]
                  }
                ]
              },
              "after": {
                "effect": "deny",
                "rules": [
                  "default-deny"
                ],
                "reasons": [
                  {
                    "key": "reason.default_deny"
                  }
                ]
              }
            }
          ],
          "expected": null,
          "met": null
        }
      ]
    }
  ],
  "summary": {
    "scenarios": 1,
    "questions": 1,
    "what_ifs": 1,
    "expectations": 1,
    "failed": 0
  }
}
"#;
    let execution = execute("stable.json", source);
    assert_eq!(execution.code, EXIT_OK, "{}", execution.stderr);
    assert_eq!(execution.stdout, expected);
    // Twice the same.
    assert_eq!(execute("stable.json", source), execution);
}

/// The example in `docs/policy-scenarios.md` is what the binary really prints.
#[test]
fn the_documented_example_is_real() {
    let doc = std::fs::read_to_string(root().join("docs/policy-scenarios.md")).unwrap();
    let command = "$ cargo run -q --bin inzage-policy -- docs/scenarios/quick-start.json\n";
    let start = doc.find(command).expect("the doc shows the command") + command.len();
    let rest = &doc[start..];
    let end = rest.find("\n```").expect("the output block ends");
    let shown = &rest[..=end];
    let output = run_binary("docs/scenarios/quick-start.json");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(shown, text(&output.stdout));

    // The quick-start file shown in the doc is the file itself.
    let file = std::fs::read_to_string(root().join("docs/scenarios/quick-start.json")).unwrap();
    assert!(
        doc.contains(&file),
        "docs/policy-scenarios.md shows quick-start.json verbatim"
    );
}
