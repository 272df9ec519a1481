//! Every message key the domain crate and the server can produce has a text in every language.
//!
//! The keys are read from the sources: `Message::new("…")`, the domain's `conflict("…")`,
//! `HasMessageKey::message_key` bodies, and any string literal in a message namespace
//! (`"access.…"`, `"link.…"`, …). A new key without a translation fails here, naming the key and
//! the language. The same holds for the keys the app shows itself (`t("offline.notice")`).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use inzage_i18n::{keys, Language};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The source without its unit-test modules (their keys are made up for the test).
fn without_tests(source: &str) -> &str {
    let cut = ["#[cfg(all(test", "#[cfg(test)]"]
        .iter()
        .filter_map(|m| source.find(m))
        .min()
        .unwrap_or(source.len());
    &source[..cut]
}

fn is_key(s: &str) -> bool {
    s.contains('.')
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && !s.starts_with('.')
        && !s.ends_with('.')
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.')
}

/// The string literals that follow each occurrence of `marker`, up to `limit` bytes on.
fn literals_after(source: &str, marker: &str, limit: usize, out: &mut BTreeSet<String>) {
    let mut rest = source;
    while let Some(i) = rest.find(marker) {
        rest = &rest[i + marker.len()..];
        let window = &rest[..rest.len().min(limit)];
        let mut parts = window.split('"');
        // Odd parts are inside quotes.
        parts.next();
        while let Some(inside) = parts.next() {
            if is_key(inside) {
                out.insert(inside.to_owned());
            }
            parts.next();
        }
    }
}

/// The namespaces of message keys (the part before the first dot).
const NAMESPACES: [&str; 17] = [
    "access",
    "pdf",
    "account",
    "card_letter",
    "mail",
    "password",
    "audit",
    "designation",
    "error",
    "link",
    "national_number",
    "referral",
    "request",
    "reuse",
    "staff",
    "upload",
    "login",
];

fn literals_in_namespaces(source: &str, out: &mut BTreeSet<String>) {
    let mut parts = source.split('"');
    parts.next();
    while let Some(inside) = parts.next() {
        let namespace = inside.split('.').next().unwrap_or_default();
        if is_key(inside) && NAMESPACES.contains(&namespace) {
            out.insert(inside.to_owned());
        }
        parts.next();
    }
}

fn produced_keys() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    rust_files(&root.join("domain/src"), &mut files);
    rust_files(&root.join("server/src"), &mut files);
    let mut keys = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // Comments (doc examples among them) hold no produced keys.
        let code: String = without_tests(&text)
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let source = code.as_str();
        // The literal right after the marker (a short window: the call's own argument).
        literals_after(source, "Message::new(", 120, &mut keys);
        literals_after(source, "conflict(", 80, &mut keys);
        literals_after(source, "fn message_key(&self)", 1200, &mut keys);
        // Keys handed to helpers (`start(…, "access.gp_already_refused")`): any literal in a
        // message namespace.
        literals_in_namespaces(source, &mut keys);
    }
    keys
}

#[test]
fn the_scan_finds_the_keys_it_should() {
    let keys = produced_keys();
    for expected in [
        "insz.invalid_checksum",
        "error.not_found",
        "access.treating_cannot_be_refused",
        "link.child_too_old",
        "reason.report_not_available",
    ] {
        assert!(keys.contains(expected), "{expected} not found by the scan");
    }
}

#[test]
fn every_key_the_domain_and_server_produce_has_a_text_in_every_language() {
    let rule_reasons: BTreeSet<&str> = inzage_domain::access::RuleId::ALL
        .iter()
        .map(|r| r.reason_key())
        .collect();
    let mut missing = Vec::new();
    for lang in Language::ALL {
        let have: BTreeSet<String> = keys(lang).into_iter().collect();
        for key in produced_keys() {
            // Rule reasons are sentences of the domain's `explain` module, in every language.
            if rule_reasons.contains(key.as_str()) {
                continue;
            }
            if !have.contains(&key) {
                missing.push(format!("{key} ({})", lang.code()));
            }
        }
    }
    assert!(missing.is_empty(), "no text for: {}", missing.join(", "));
}

/// The keys the app passes to its text helpers literally: `t("…")` and `t1("…", …)`.
fn app_keys() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut keys = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for marker in ["t(\"", "t1(\""] {
            for (at, _) in text.match_indices(marker) {
                // A call of the helper itself, not of `set(` or `alert(`.
                let before = text[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &text[at + marker.len()..];
                let literal = rest.split('"').next().unwrap_or_default();
                if is_key(literal) {
                    keys.insert(literal.to_owned());
                }
            }
        }
    }
    keys
}

#[test]
fn every_key_the_app_shows_has_a_text_in_every_language() {
    let keys = app_keys();
    assert!(
        keys.contains("nav.reports"),
        "the scan finds the app's keys"
    );
    let mut missing = Vec::new();
    for lang in Language::ALL {
        let have: BTreeSet<String> = inzage_i18n::keys(lang).into_iter().collect();
        missing.extend(
            keys.iter()
                .filter(|k| !have.contains(*k))
                .map(|k| format!("{k} ({})", lang.code())),
        );
    }
    assert!(missing.is_empty(), "no text for: {}", missing.join(", "));
}
