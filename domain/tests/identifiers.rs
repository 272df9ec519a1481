//! Checks `Insz` and `Bsn` against the shared test vectors in `shared/data/identifiers/`.
//!
//! Each file has the columns `value,valid,source`; a row marked valid must be accepted as that kind
//! of number, and a row marked invalid must not be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use inzage_domain::ident::{Bsn, Insz, InszKind};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// The folder of the shared test vectors, next to the repository.
/// The files are embedded at compile time, so the same checks run natively and in wasm32 in a
/// browser, where there is no file system.
macro_rules! vectors {
    ($file:literal) => {
        (
            $file,
            include_str!(concat!("../../../shared/data/identifiers/", $file)),
        )
    };
}

/// One row of a test-vector file.
struct Row {
    line: usize,
    value: String,
    valid: bool,
    source: String,
}

/// Splits one CSV line into fields (RFC 4180: fields may be quoted, `""` is a quote inside quotes).
fn fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quote in {line:?}");
    fields.push(field);
    fields
}

/// Reads a test-vector file: a `value,valid,source` header, then one row per line.
fn read(file: (&str, &str)) -> Vec<Row> {
    let (path, text) = file;
    let mut lines = text.lines().enumerate();
    let (_, header) = lines.next().unwrap_or_else(|| panic!("{path} is empty"));
    assert_eq!(
        fields(header.trim_end_matches('\r')),
        ["value", "valid", "source"],
        "header of {path}"
    );
    let rows: Vec<Row> = lines
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            let f = fields(line.trim_end_matches('\r'));
            let [value, valid, source]: [String; 3] = f
                .try_into()
                .unwrap_or_else(|f| panic!("{path}:{}: expected 3 fields, got {f:?}", i + 1));
            let valid = match valid.as_str() {
                "true" => true,
                "false" => false,
                other => panic!("{path}:{}: valid is {other:?}", i + 1),
            };
            Row {
                line: i + 1,
                value,
                valid,
                source,
            }
        })
        .collect();
    assert!(!rows.is_empty(), "{path} has no rows");
    rows
}

/// Checks every row of a file and fails with all the rows that went wrong.
fn check(file: (&str, &str), accepts: impl Fn(&str) -> Result<(), String>) {
    let path = file.0;
    let rows = read(file);
    let failures: Vec<String> = rows
        .iter()
        .filter_map(|row| {
            let outcome = accepts(&row.value);
            (outcome.is_ok() != row.valid).then(|| {
                let got = match outcome {
                    Ok(()) => "accepted".to_owned(),
                    Err(why) => format!("rejected ({why})"),
                };
                format!(
                    "line {}: {:?} is marked valid={} but was {got}; source: {}",
                    row.line, row.value, row.valid, row.source
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} rows of {path} failed:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

/// Accepts exactly the INSZ numbers of the given kind.
fn insz_of_kind(kind: InszKind) -> impl Fn(&str) -> Result<(), String> {
    move |value| match Insz::parse(value) {
        Ok(n) if n.kind() == kind => Ok(()),
        Ok(n) => Err(format!("a valid INSZ, but of kind {:?}", n.kind())),
        Err(e) => Err(e.to_string()),
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn belgian_national_register_numbers() {
    // A row marked invalid here is not a valid national register number; it may still be a valid
    // BIS number (stdnum's own example `00400100184`), which `Insz` accepts with kind `Bis`.
    check(
        vectors!("be_nn_testvectors.csv"),
        insz_of_kind(InszKind::NationalRegister),
    );
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn belgian_bis_numbers() {
    check(
        vectors!("be_bis_testvectors.csv"),
        insz_of_kind(InszKind::Bis),
    );
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn dutch_citizen_service_numbers() {
    check(vectors!("nl_bsn_testvectors.csv"), |value| {
        Bsn::parse(value).map(|_| ()).map_err(|e| e.to_string())
    });
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn valid_rows_keep_their_digits() {
    // The canonical form is the value without its separators.
    for path in [
        vectors!("be_nn_testvectors.csv"),
        vectors!("be_bis_testvectors.csv"),
    ] {
        for row in read(path).iter().filter(|r| r.valid) {
            let digits: String = row.value.chars().filter(char::is_ascii_digit).collect();
            assert_eq!(
                Insz::parse(&row.value).unwrap().as_str(),
                digits,
                "{}",
                row.source
            );
        }
    }
    for row in read(vectors!("nl_bsn_testvectors.csv"))
        .iter()
        .filter(|r| r.valid)
    {
        let digits: String = row.value.chars().filter(char::is_ascii_digit).collect();
        assert_eq!(
            Bsn::parse(&row.value).unwrap().as_str(),
            format!("{digits:0>9}"),
            "{}",
            row.source
        );
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn csv_fields_are_split_by_hand() {
    assert_eq!(fields("a,b,c"), ["a", "b", "c"]);
    assert_eq!(
        fields("\"a,1\",true,\"say \"\"hi\"\"\""),
        ["a,1", "true", "say \"hi\""]
    );
    assert_eq!(fields(",,"), ["", "", ""]);
}
