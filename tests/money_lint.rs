//! Money never panics, kept so: the model denies clippy's
//! `arithmetic_side_effects` (every `+ - * / %` there is checked or
//! justified), no iterator `sum` hides an unchecked `+` in it, and no
//! amount arithmetic lives outside the model, where the lint does not
//! look. `cargo clippy --all-targets -- -D warnings` (CI) enforces the lint
//! itself; these tests keep it switched on and its exceptions explained.

use std::fs;
use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .expect("the source folder lists")
        .map(|e| e.expect("an entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn all_sources() -> Vec<PathBuf> {
    let mut out = Vec::new();
    sources(Path::new("src"), &mut out);
    assert!(out.len() > 50, "the sources are found: {}", out.len());
    out
}

/// The lines of a file before its unit tests, numbered from 1.
fn code_lines(path: &Path) -> Vec<(usize, String)> {
    let text = fs::read_to_string(path).expect("UTF-8 source");
    text.lines()
        .take_while(|l| l.trim() != "#[cfg(test)]")
        .enumerate()
        .map(|(i, l)| (i + 1, l.to_string()))
        .collect()
}

fn in_model(path: &Path) -> bool {
    path.starts_with("src/model")
}

/// Test modules of the wizard (kittests) live beside it as `tests*.rs`.
fn is_test_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("tests"))
}

#[test]
fn the_model_denies_unchecked_arithmetic() {
    let text = fs::read_to_string("src/model/mod.rs").expect("the model's root");
    assert!(
        text.lines()
            .any(|l| l.trim() == "#![deny(clippy::arithmetic_side_effects)]"),
        "src/model/mod.rs must keep #![deny(clippy::arithmetic_side_effects)]"
    );
    for path in all_sources().iter().filter(|p| in_model(p)) {
        let text = fs::read_to_string(path).expect("UTF-8 source");
        for (i, line) in text.lines().enumerate() {
            let t = line.trim();
            assert!(
                !(t.starts_with("#![")
                    && t.contains("arithmetic_side_effects")
                    && !t.contains("deny")),
                "{}:{}: the lint is not switched off for a whole module",
                path.display(),
                i + 1
            );
            assert!(
                !(t.contains("expect(clippy::arithmetic_side_effects")
                    || t.contains("warn(clippy::arithmetic_side_effects")),
                "{}:{}: the lint stays denied",
                path.display(),
                i + 1
            );
        }
    }
}

#[test]
fn every_exception_in_the_model_says_why_it_cannot_overflow() {
    let mut exceptions = Vec::new();
    for path in all_sources().iter().filter(|p| in_model(p)) {
        let lines = code_lines(path);
        for (k, (n, line)) in lines.iter().enumerate() {
            if line.contains("allow(clippy::arithmetic_side_effects)") {
                let why = lines[k.saturating_sub(4)..k]
                    .iter()
                    .any(|(_, l)| l.trim_start().starts_with("// Cannot overflow"));
                assert!(
                    why,
                    "{}:{n}: an exception to the lint starts with « // Cannot overflow: … »",
                    path.display()
                );
                exceptions.push(format!("{}:{n}", path.display()));
            }
        }
    }
    // The calendar arithmetic on bounded dates, and nothing else.
    assert_eq!(exceptions.len(), 3, "{exceptions:?}");
    assert!(
        exceptions
            .iter()
            .all(|e| e.starts_with("src/model/date.rs"))
    );
}

#[test]
fn no_iterator_sum_hides_an_unchecked_addition_in_the_model() {
    // `Iterator::sum` and `product` add with the operators the lint cannot
    // see inside the standard library: the model sums with checked adds.
    for path in all_sources().iter().filter(|p| in_model(p)) {
        for (n, line) in code_lines(path) {
            assert!(
                !(line.contains(".sum()")
                    || line.contains(".sum::<")
                    || line.contains(".product(")),
                "{}:{n}: {line}",
                path.display()
            );
        }
    }
}

/// Fields that hold amounts and figures, and the model's computed ones.
const AMOUNT_FIELDS: [&str; 15] = [
    "amounts",
    "cost",
    "values",
    "annual_amount",
    "funds_raised",
    "export_share",
    "forecast_fee_revenue",
    "charges",
    "products",
    "result",
    "own_resources",
    "state_subsidy",
    "subsidisable_charges",
    "total",
    "per_category",
];
/// Local names the code gives amounts and ratios.
const AMOUNT_LOCALS: [&str; 8] = [
    "totals", "costs", "revenue", "subtotal", "ratio", "ratios", "fees", "amount",
];

/// Whether an operand names an amount: a decimal, an amount field
/// (`line.amounts[y]`, `totals.charges[y]`) or an amount's usual local name.
fn is_amount(operand: &str) -> bool {
    if operand.contains("Decimal") || operand.contains("dec!") {
        return true;
    }
    let fields = operand.split('.').skip(1).map(|f| {
        f.split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .next()
            .unwrap_or_default()
    });
    let head = operand
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .find(|w| !w.is_empty())
        .unwrap_or_default();
    fields.into_iter().any(|f| AMOUNT_FIELDS.contains(&f)) || AMOUNT_LOCALS.contains(&head)
}

fn operand_char(c: char) -> bool {
    c.is_alphanumeric() || "_.[]()!:&*".contains(c)
}

/// The operands on either side of each arithmetic operator of `code`.
fn operands(code: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let binary = [
        " + ", " - ", " * ", " / ", " % ", " += ", " -= ", " *= ", " /= ", " %= ",
    ];
    let methods = [
        ".checked_add(",
        ".checked_sub(",
        ".checked_mul(",
        ".checked_div(",
        ".saturating_add(",
        ".saturating_sub(",
        ".saturating_mul(",
    ];
    // A sum adds whatever its chain yields: the whole line is its operand.
    if code.contains(".sum()") || code.contains(".sum::<") {
        out.push((code.to_string(), String::new()));
    }
    for op in binary.iter().chain(methods.iter()) {
        for (at, _) in code.match_indices(op) {
            let left: String = code[..at]
                .chars()
                .rev()
                .take_while(|c| operand_char(*c))
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let right: String = code[at + op.len()..]
                .chars()
                .take_while(|c| operand_char(*c))
                .collect();
            out.push((left, right));
        }
    }
    out
}

#[test]
fn no_amount_arithmetic_outside_the_model() {
    let mut found = Vec::new();
    for path in all_sources()
        .iter()
        .filter(|p| !in_model(p) && !is_test_file(p))
    {
        for (n, line) in code_lines(path) {
            let code = line.split("//").next().unwrap_or_default();
            if operands(code)
                .iter()
                .any(|(l, r)| is_amount(l) || is_amount(r))
            {
                found.push(format!("{}:{n}: {}", path.display(), line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "amounts are computed in src/model only (compute, limits), where the lint checks them:\n{}",
        found.join("\n")
    );
}

#[test]
fn only_these_files_outside_the_model_handle_decimals() {
    // Each shows or writes amounts the model computed; none computes one.
    let allowed = [
        "src/export.rs",
        "src/print/document/mod.rs",
        "src/print/document/plan.rs",
        // Formats the five-year figures of a rubric table.
        "src/print/document/rubrics.rs",
        "src/proofcopy/rubrics.rs",
        "src/ui/tabs/rubrics.rs",
        "src/proofcopy/plan.rs",
        // Only names serde's « Decimal » expectation to translate it.
        "src/store/error.rs",
        "src/ui/tabs/plan.rs",
        "src/ui/widgets.rs",
    ];
    for path in all_sources()
        .iter()
        .filter(|p| !in_model(p) && !is_test_file(p))
    {
        let text = fs::read_to_string(path).expect("UTF-8 source");
        let before_tests = text.split("#[cfg(test)]").next().unwrap_or_default();
        if before_tests.contains("Decimal") {
            let name = path.to_string_lossy().replace('\\', "/");
            assert!(
                allowed.contains(&name.as_str()),
                "{name} handles decimals: compute in src/model and show the result"
            );
        }
    }
}
