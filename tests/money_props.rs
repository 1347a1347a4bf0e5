//! Money never panics (issue 16, item 1), proven over the class: random
//! decimals — a Decimal's extremes, scale 28, each bound ± one step, zero,
//! negatives, random mantissas at every scale — in every number field of
//! the example dossier, through the RON text (as a hand-edited file) and
//! through the wizard's parsing (as typed), then the full check, fee
//! revenue, the new edition's carry-over, the XLSX export, the preview and
//! the PDF: nothing panics, every value beyond its documented bound is a
//! blocking finding that quotes its text, and the text survives a save
//! and a reopen.
//!
//! The oracle ([`within`]) is written from the bounds the README
//! documents, not from `model::limits`.

mod common;

use std::path::Path;

use cluster_dossier::model::dossier::{CustomKpi, Dossier};
use cluster_dossier::model::limits::{self, NumberKind};
use cluster_dossier::model::money::{format_number, parse_amount};
use cluster_dossier::model::{CallProfile, Finding, compute, edition};
use cluster_dossier::{export, print, service, store};
use proptest::prelude::*;
use rust_decimal::Decimal;

use common::{example, profile};

/// Cases per property: `base`, times `MONEY_CASES_FACTOR` for a longer
/// exploration by hand (`MONEY_CASES_FACTOR=10 cargo test --test money_props`).
fn cases(base: u32) -> u32 {
    let factor = std::env::var("MONEY_CASES_FACTOR")
        .ok()
        .and_then(|f| f.parse::<u32>().ok())
        .unwrap_or(1);
    base.saturating_mul(factor.max(1))
}

/// The documented bounds (README « Bornes des nombres »).
fn within(kind: NumberKind, v: Decimal) -> bool {
    let tera = Decimal::from(1_000_000_000_000_i64);
    let (lo, hi, decimals) = match kind {
        NumberKind::Amount => (Decimal::ZERO, tera, 2),
        NumberKind::Percent => (Decimal::ZERO, Decimal::ONE_HUNDRED, 4),
        NumberKind::Figure => (-tera, tera, 4),
        NumberKind::Count => (Decimal::ZERO, Decimal::from(1_000_000), 0),
    };
    v >= lo && v <= hi && v.normalize().scale() <= decimals
}

/// A number field of the dossier, mutably.
enum Slot<'a> {
    Decimal(&'a mut Option<Decimal>),
    Count(&'a mut Option<u32>),
}

/// Every number field of `d`, with its path spelt out here (not by
/// `FieldPath`) and its kind, in a fixed order.
fn walk(d: &mut Dossier, mut f: impl FnMut(String, NumberKind, Slot<'_>)) {
    use NumberKind::*;
    for (i, fee) in d.governance.fee_categories.iter_mut().enumerate() {
        f(
            format!("governance.fee_categories[{i}].annual_amount"),
            Amount,
            Slot::Decimal(&mut fee.annual_amount),
        );
    }
    let s = &mut d.strategy;
    for (name, kind, years) in [
        ("funds_raised", Amount, &mut s.funds_raised),
        ("export_share", Percent, &mut s.export_share),
        ("forecast_fee_revenue", Amount, &mut s.forecast_fee_revenue),
    ] {
        for (y, v) in years.iter_mut().enumerate() {
            f(format!("strategy.{name}[{y}]"), kind, Slot::Decimal(v));
        }
    }
    for (name, years) in [
        ("rd_projects", &mut s.rd_projects),
        ("forecast_members", &mut s.forecast_members),
    ] {
        for (y, v) in years.iter_mut().enumerate() {
            f(format!("strategy.{name}[{y}]"), Count, Slot::Count(v));
        }
    }
    for (i, a) in d.plan.actions.iter_mut().enumerate() {
        for (y, v) in a.cost.iter_mut().enumerate() {
            f(
                format!("plan.actions[{i}].cost[{y}]"),
                Amount,
                Slot::Decimal(v),
            );
        }
    }
    for line in &mut d.budget {
        for (y, v) in line.amounts.iter_mut().enumerate() {
            f(
                format!("budget.{}[{y}]", line.row),
                Amount,
                Slot::Decimal(v),
            );
        }
    }
    for line in &mut d.indicators.standard {
        for (y, v) in line.values.iter_mut().enumerate() {
            f(
                format!("indicators.{}[{y}]", line.id),
                Figure,
                Slot::Decimal(v),
            );
        }
    }
    for (i, k) in d.indicators.custom.iter_mut().enumerate() {
        for (y, v) in k.values.iter_mut().enumerate() {
            f(
                format!("indicators.custom[{i}].values[{y}]"),
                Figure,
                Slot::Decimal(v),
            );
        }
    }
}

/// A value as a field holds it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Value {
    Decimal(Option<Decimal>),
    Count(Option<u32>),
}

impl Value {
    fn number(self) -> Option<Decimal> {
        match self {
            Value::Decimal(d) => d,
            Value::Count(n) => n.map(Decimal::from),
        }
    }
    fn text(self) -> Option<String> {
        match self {
            Value::Decimal(d) => d.map(|d| d.to_string()),
            Value::Count(n) => n.map(|n| n.to_string()),
        }
    }
}

/// Every field's path, kind and value.
fn values(d: &Dossier) -> Vec<(String, NumberKind, Value)> {
    let mut copy = d.clone();
    let mut out = Vec::new();
    walk(&mut copy, |path, kind, slot| {
        out.push((
            path,
            kind,
            match slot {
                Slot::Decimal(v) => Value::Decimal(*v),
                Slot::Count(v) => Value::Count(*v),
            },
        ));
    });
    out
}

/// The example with one custom indicator more, so every kind of field is
/// there at least once.
fn base() -> Dossier {
    let mut d = example();
    d.indicators.custom.push(CustomKpi {
        label: "Brevets déposés".into(),
        unit: "brevets".into(),
        ..CustomKpi::default()
    });
    d
}

fn amount_bound() -> Decimal {
    Decimal::from(1_000_000_000_000_i64)
}

/// Decimals that hit every edge, and random ones at every scale.
fn decimal() -> impl Strategy<Value = Decimal> {
    let cent = Decimal::new(1, 2);
    let tera = amount_bound();
    let edges = vec![
        Decimal::MAX,
        Decimal::MIN,
        Decimal::ZERO,
        Decimal::ONE,
        Decimal::NEGATIVE_ONE,
        Decimal::from_i128_with_scale(1, 28),
        Decimal::from_i128_with_scale(-1, 28),
        // Decimal::MAX's digits at scale 28: 7.92…
        Decimal::from_parts(u32::MAX, u32::MAX, u32::MAX, false, 28),
        tera,
        tera + cent,
        tera - cent,
        tera + Decimal::ONE,
        tera - Decimal::ONE,
        -tera,
        -tera - Decimal::ONE,
        Decimal::ONE_HUNDRED,
        Decimal::ONE_HUNDRED + Decimal::new(1, 4),
        Decimal::from(1_000_000),
        Decimal::from(1_000_001),
        Decimal::new(1, 3),
        Decimal::new(1, 4),
        Decimal::new(1, 5),
        Decimal::new(12_345, 2),
    ];
    prop_oneof![
        3 => prop::sample::select(edges),
        2 => (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
        2 => (any::<(u32, u32, u32)>(), any::<bool>(), 0u32..=28)
            .prop_map(|((lo, mid, hi), neg, s)| Decimal::from_parts(lo, mid, hi, neg, s)),
        // Realistic amounts, mostly within the bounds.
        2 => (0i64..200_000_000_000_000, 0u32..=4).prop_map(|(m, s)| Decimal::new(m, s)),
    ]
}

fn count() -> impl Strategy<Value = u32> {
    prop_oneof![
        prop::sample::select(vec![0, 1, 1_000_000, 1_000_001, u32::MAX]),
        any::<u32>(),
        0u32..2_000,
    ]
}

/// One value per field (cycled), a quarter of them blank.
#[derive(Clone, Debug)]
struct Fill {
    decimals: Vec<Option<Decimal>>,
    counts: Vec<Option<u32>>,
}

fn fill() -> impl Strategy<Value = Fill> {
    (
        prop::collection::vec(prop::option::weighted(0.75, decimal()), 1..48),
        prop::collection::vec(prop::option::weighted(0.75, count()), 1..12),
    )
        .prop_map(|(decimals, counts)| Fill { decimals, counts })
}

/// `d` with every number field set from `fill`.
fn filled(fill: &Fill) -> Dossier {
    let mut d = base();
    let (mut i, mut j) = (0usize, 0usize);
    walk(&mut d, |_, _, slot| match slot {
        Slot::Decimal(v) => {
            *v = fill.decimals[i % fill.decimals.len()];
            i += 1;
        }
        Slot::Count(v) => {
            *v = fill.counts[j % fill.counts.len()];
            j += 1;
        }
    });
    d
}

/// The finding that reports `path`, blocking and quoting `text`.
fn reported(findings: &[Finding], path: &str, text: &str) -> bool {
    findings
        .iter()
        .any(|f| f.is_blocking() && f.field == path && f.message.contains(&format!("« {text} »")))
}

/// Every computation and output on `d`: none may panic, the outputs
/// are made.
fn compute_and_export(d: &Dossier, p: &CallProfile) -> Vec<Finding> {
    let (_, findings) = service::check::full(d, p, Path::new("assets"));
    let totals = compute::budget_totals(d, p);
    let _ = compute::self_financing_percent(&totals);
    let _ = compute::action_costs(d);
    let _ = compute::member_counts(d).industrial_share_percent();
    let fees = compute::fee_revenue(d);
    assert!(fees.per_category.len() == d.governance.fee_categories.len());
    let _ = cluster_dossier::model::rules::eligibility::measure(d, p);
    let next = edition::carry_over(d, p);
    let _ = service::check::rules_now(&next.dossier, p);
    export::tables_xlsx(d, p).expect("the workbook is made");
    findings
}

/// Saves `d`, reopens it: the same dossier, invalid texts included.
fn save_and_reopen(d: &Dossier) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("dossier.ron");
    store::save(&path, d).expect("saved");
    let back = store::load(&path).expect("reopens");
    assert_eq!(&back, d);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(192)))]

    /// A file holding any decimals: each value beyond its bound is set
    /// aside on load with its text, reported, kept through save and
    /// reopen; each value within is kept as it is.
    #[test]
    fn loaded_values_beyond_their_bound_are_set_aside(fill in fill()) {
        let p = profile();
        let written = filled(&fill);
        let text = store::to_ron(&written, Path::new("f.ron")).expect("serialises");
        let loaded = store::parse(&text, Path::new("f.ron")).expect("every Decimal reads back");
        let before = values(&written);
        let after = values(&loaded);
        prop_assert_eq!(before.len(), after.len());
        let findings = compute_and_export(&loaded, &p);
        let mut refused = 0;
        for ((path, kind, was), (_, _, now)) in before.iter().zip(&after) {
            let Some(number) = was.number() else {
                prop_assert_eq!(now, was);
                prop_assert!(!loaded.invalid_entries.contains_key(path));
                continue;
            };
            if within(*kind, number) {
                prop_assert_eq!(now, was, "{} kept", path);
                prop_assert!(!loaded.invalid_entries.contains_key(path));
            } else {
                refused += 1;
                let kept = was.text().unwrap_or_default();
                prop_assert!(now.number().is_none(), "{} blanked", path);
                prop_assert_eq!(loaded.invalid_entries.get(path), Some(&kept), "{}", path);
                prop_assert!(reported(&findings, path, &kept), "{} reported: {:?}", path, findings);
            }
        }
        prop_assert_eq!(loaded.invalid_entries.len(), refused);
        save_and_reopen(&loaded);
    }

    /// What the wizard does with a typed text: parsed by the field's kind,
    /// the value kept when accepted, the text kept as typed when refused.
    #[test]
    fn typed_values_beyond_their_bound_are_refused_and_kept(
        fill in fill(),
        styles in prop::collection::vec(0u8..5, 1..16),
    ) {
        let p = profile();
        let target = filled(&fill);
        let mut d = base();
        let mut typed: Vec<(String, NumberKind, String, Option<Decimal>)> = Vec::new();
        let mut k = 0usize;
        let mut invalid = std::collections::BTreeMap::new();
        let targets = values(&target);
        walk(&mut d, |path, kind, slot| {
            // `target` and `d` share their structure: the same fields in
            // the same order.
            let value = targets.get(k).and_then(|(_, _, v)| v.number());
            let style = styles[k % styles.len()];
            k += 1;
            let (text, exact) = typed_text(value, style);
            // The wizard's number field (src/ui/widgets.rs): the kind's
            // parser, the value only when it parses, the text otherwise.
            let parsed = match kind {
                NumberKind::Count => limits::parse_count(&text).map(Decimal::from),
                NumberKind::Amount => parse_amount(&text),
                other => other.parse(&text),
            };
            match (parsed, slot) {
                (Ok(v), Slot::Decimal(s)) => *s = Some(v),
                (Ok(v), Slot::Count(s)) => *s = u32::try_from(v.mantissa()).ok(),
                (Err(_), Slot::Decimal(s)) => {
                    *s = None;
                    if !text.trim().is_empty() {
                        invalid.insert(path.clone(), text.clone());
                    }
                }
                (Err(_), Slot::Count(s)) => {
                    *s = None;
                    if !text.trim().is_empty() {
                        invalid.insert(path.clone(), text.clone());
                    }
                }
            }
            typed.push((path, kind, text, exact));
        });
        d.invalid_entries = invalid;
        let now = values(&d);
        for ((path, kind, text, exact), (_, _, held)) in typed.iter().zip(&now) {
            match exact {
                Some(v) if within(*kind, *v) => {
                    prop_assert_eq!(held.number(), Some(*v), "{} « {} » accepted", path, text);
                }
                _ if text.trim().is_empty() => prop_assert!(held.number().is_none()),
                _ => {
                    prop_assert!(held.number().is_none(), "{} « {} » refused", path, text);
                    prop_assert_eq!(d.invalid_entries.get(path), Some(text));
                }
            }
        }
        let findings = compute_and_export(&d, &p);
        for (path, text) in &d.invalid_entries {
            prop_assert!(reported(&findings, path, text), "{} « {} » reported", path, text);
        }
        save_and_reopen(&d);
    }
}

/// A text for `value` in one of the ways she types numbers, and the exact
/// value it stands for (`None` when no Decimal holds it).
fn typed_text(value: Option<Decimal>, style: u8) -> (String, Option<Decimal>) {
    let Some(v) = value else {
        return (String::new(), None);
    };
    let scale = v.normalize().scale();
    match style {
        // As the file writes it.
        0 => (v.to_string(), Some(v)),
        // French: grouped digits, decimal comma, « DH ».
        1 => (
            format!("{} DH", format_number(v, scale).replace('−', "-")),
            Some(v),
        ),
        // Nines, from a few to more than a Decimal holds.
        2 => {
            let n = usize::try_from(v.mantissa().unsigned_abs() % 40).unwrap_or(0) + 1;
            let nines = "9".repeat(n);
            (nines.clone(), nines.parse::<Decimal>().ok())
        }
        // Grouped with narrow no-break spaces, as the wizard shows amounts.
        3 => (format_number(v, scale).replace('−', "-"), Some(v)),
        // One more decimal, up to more than a Decimal holds: never rounded
        // to a neighbour.
        _ => {
            let mut text = v.to_string();
            if !text.contains('.') {
                text.push('.');
            }
            text.push('1');
            let fraction = text.split_once('.').map_or(0, |(_, f)| f.len());
            let exact = if fraction > 28 {
                None
            } else {
                text.parse().ok()
            };
            (text, exact)
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(16)))]

    /// The preview and the PDF of any dossier, set aside on load or built
    /// in memory past every bound (its sums may overflow): no panic, and
    /// the in-memory values beyond their bound are reported too.
    #[test]
    fn any_value_prints(fill in fill(), through_file in any::<bool>()) {
        let p = profile();
        let mut d = filled(&fill);
        if through_file {
            let text = store::to_ron(&d, Path::new("f.ron")).expect("serialises");
            d = store::parse(&text, Path::new("f.ron")).expect("reads back");
        }
        let findings = compute_and_export(&d, &p);
        for (path, kind, value) in values(&d) {
            if let (Some(n), Some(text)) = (value.number(), value.text())
                && !within(kind, n)
            {
                prop_assert!(!through_file, "{} left in a loaded dossier", path);
                prop_assert!(reported(&findings, &path, &text), "{} « {} » reported", path, text);
            }
        }
        let (attachments, _) = service::check::full(&d, &p, Path::new("assets"));
        let rendered = print::render_with(
            &d,
            &p,
            &findings,
            &print::RenderOptions::default(),
            &attachments,
        )
        .expect("the PDF is made");
        prop_assert!(rendered.pdfs.iter().all(|pdf| pdf.starts_with(b"%PDF")));
        let preview = print::preview::preview_pages(&d, &p, &findings).expect("the preview is laid out");
        prop_assert!(preview.pages.iter().any(|page| page.texts().next().is_some()));
    }
}
