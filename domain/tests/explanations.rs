//! Snapshot of every rule's explanation in Dutch, English and French, natively and in wasm32.
//! Regenerate natively with `UPDATE_SNAPSHOTS=1 cargo test -p inzage-domain --test explanations`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use inzage_domain::access::RuleId;
use inzage_domain::explain::{explain_reason, rule_of_key, Language};
use inzage_domain::Message;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const SNAPSHOT: &str = include_str!("snapshots/explanations.txt");

/// The reason of a rule with the arguments the rule gives it.
fn sample(rule: RuleId) -> Message {
    Message::new(rule.reason_key())
        .arg("practitioner", "dr. Peeters")
        .arg("reason", "bewusteloos binnengebracht")
        .arg("until", "2027-11-11")
        .arg("since", "2027-11-11")
        .arg("age", "15")
        .arg("authorisation", "mentor")
        .arg("cutoff", "2016-08-15")
}

fn render() -> String {
    let mut out = String::new();
    for rule in RuleId::ALL {
        for lang in Language::ALL {
            let text = explain_reason(&sample(rule), lang).unwrap();
            out.push_str(&format!("{} [{lang:?}] {text}\n", rule.as_str()));
        }
    }
    out
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn every_rule_is_explained_in_every_language() {
    let text = render();
    #[cfg(not(target_arch = "wasm32"))]
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/snapshots/explanations.txt"
        );
        std::fs::write(path, &text).unwrap();
        return;
    }
    assert_eq!(
        text, SNAPSHOT,
        "explanations changed: review, then regenerate the snapshot"
    );
    assert!(!text.contains('{'), "an argument was left unfilled");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn reason_keys_map_back_to_their_rules() {
    for rule in RuleId::ALL {
        assert_eq!(rule_of_key(rule.reason_key()), Some(rule));
    }
    assert_eq!(rule_of_key("reason.nothing"), None);
    assert_eq!(
        explain_reason(&Message::new("login.failed"), Language::Nl),
        None
    );
}
