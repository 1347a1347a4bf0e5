//! One source for every figure (issues 19.2 and 20.3): the eligibility
//! panel, the wizard's budget table, Vérification's findings, the PDF and
//! the proofreading copy tell one story about the year-1 self-financing
//! ratio, from one computation (`model::figures`), whatever the budget —
//! mistyped cells included; one finding per cause; the self-financing
//! indicator is the budget's figure unless typed over; one currency
//! notation (« DHS ») in the printed package.

mod common;

use std::path::Path;

use cluster_dossier::model::dossier::{Dossier, YEARS};
use cluster_dossier::model::field::{FieldPath, budget_cell};
use cluster_dossier::model::figures::{Figures, NOT_COMPUTABLE, Ratio, Total};
use cluster_dossier::model::rules::eligibility::{self, Threshold};
use cluster_dossier::model::{CallProfile, Finding, Severity};
use cluster_dossier::proofcopy::{self, Block, Cell};
use cluster_dossier::{print, service};
use common::{example, findings, pdf_pages_text, profile};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// What a budget cell holds.
#[derive(Clone, Debug)]
enum Typed {
    Blank,
    /// Centimes.
    Amount(i64),
    /// Text that is no amount, kept as typed.
    Mistyped,
}

fn typed() -> impl Strategy<Value = Typed> {
    prop_oneof![
        1 => Just(Typed::Blank),
        8 => (0i64..=300_000_000).prop_map(Typed::Amount),
        1 => Just(Typed::Mistyped),
    ]
}

/// The example with its budget replaced: one cell per row and year.
fn budget_dossier(cells: &[Typed], kpi_year1: Option<i64>) -> (Dossier, CallProfile) {
    let p = profile();
    let mut d = example();
    let mut it = cells.iter().cycle();
    for row in &p.budget_rows {
        for year in 0..YEARS {
            let cell = it.next().cloned().unwrap_or(Typed::Blank);
            let amount = match cell {
                Typed::Blank => None,
                Typed::Amount(c) => Some(Decimal::new(c, 2)),
                Typed::Mistyped => {
                    d.invalid_entries
                        .insert(budget_cell(&row.id, year), "12O 000,5x".into());
                    None
                }
            };
            d.budget_line_mut(&row.id).amounts[year] = amount;
        }
    }
    if let Some(line) = d
        .indicators
        .standard
        .iter_mut()
        .find(|l| l.id == "autofinancement")
    {
        line.values[0] = kpi_year1.map(|v| Decimal::new(v, 2));
    }
    (d, p)
}

/// 45 cells (9 rows × 5 years, row by row); one budget in ten has no
/// year-1 charge at all (the ratio is then empty, not « non calculable »).
fn cells_strategy() -> impl Strategy<Value = Vec<Typed>> {
    (
        proptest::collection::vec(typed(), 45),
        proptest::bool::weighted(0.1),
    )
        .prop_map(|(mut cells, no_charges)| {
            if no_charges {
                let p = profile();
                for (i, row) in p.budget_rows.iter().enumerate() {
                    if row.role.is_charge()
                        && let Some(c) = cells.get_mut(i * YEARS)
                    {
                        *c = Typed::Blank;
                    }
                }
            }
            cells
        })
}

/// The proofreading copy's budget table: (row label, cells).
fn copy_budget_rows(d: &Dossier, p: &CallProfile) -> Vec<(String, Vec<String>)> {
    let blocks = proofcopy::outline(d, p);
    let table = blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t)
                if t.rows.iter().any(
                    |r| matches!(r.cells.first(), Some(Cell::Value(v)) if v == "TOTAL DES CHARGES"),
                ) =>
            {
                Some(t)
            }
            _ => None,
        })
        .expect("the copy has the budget table");
    table
        .rows
        .iter()
        .map(|r| {
            let texts: Vec<String> = r
                .cells
                .iter()
                .map(|c| match c {
                    Cell::Typed(t) | Cell::Value(t) | Cell::Invalid(t) | Cell::Span(t) => t.clone(),
                })
                .collect();
            (texts.first().cloned().unwrap_or_default(), texts)
        })
        .collect()
}

fn copy_row(rows: &[(String, Vec<String>)], label: &str) -> Vec<String> {
    rows.iter()
        .find(|(l, _)| l == label)
        .map(|(_, c)| c.clone())
        .unwrap_or_else(|| panic!("row {label}"))
}

/// The eligibility findings on the year-1 ratio.
fn ratio_findings(f: &[Finding]) -> Vec<&Finding> {
    f.iter()
        .filter(|f| f.message.starts_with("Autofinancement de l'année 1"))
        .collect()
}

/// Checks the story every non-PDF place tells; returns the year-1 text.
fn check_story(d: &Dossier, p: &CallProfile) -> Result<String, TestCaseError> {
    let figures = Figures::of(d, p);
    let ratio = figures.ratio(0).clone();
    let text = ratio.text();
    // The eligibility panel.
    let e = eligibility::measure(d, p);
    let panel = e.measured(Threshold::SelfFinancing);
    match ratio {
        Ratio::Empty => prop_assert!(panel.contains("aucune charge"), "{panel}"),
        _ => prop_assert_eq!(&panel, &text),
    }
    // The wizard's budget table: the mistyped cells held apart.
    let mut apart = d.clone();
    let invalid = std::mem::take(&mut apart.invalid_entries);
    let table = Figures::with_invalid(&apart, p, &invalid);
    prop_assert_eq!(table.ratio(0).text(), text.clone());
    prop_assert_eq!(table.charges(0).text(), figures.charges(0).text());
    // Vérification: one finding per cause.
    let found = findings(d, p);
    for cell in d.invalid_entries.keys() {
        let on_cell: Vec<&Finding> = found.iter().filter(|f| f.field == *cell).collect();
        prop_assert_eq!(on_cell.len(), 1, "{}: {:#?}", cell, on_cell);
    }
    let about = ratio_findings(&found);
    match &ratio {
        Ratio::NotComputable { cells } => {
            prop_assert!(!cells.is_empty());
            prop_assert!(about.is_empty(), "{:#?}", about);
            for cell in cells {
                let f = found
                    .iter()
                    .find(|f| f.field == *cell)
                    .expect("the cell's finding");
                prop_assert!(f.is_blocking());
                prop_assert!(
                    f.message.contains(&format!(
                        "l'autofinancement de l'année 1 est {NOT_COMPUTABLE}"
                    )),
                    "{}",
                    f.message
                );
            }
            prop_assert!(!e.self_financing_ok());
        }
        Ratio::Computed(v) if *v < figures.min_self_financing => {
            prop_assert_eq!(about.len(), 1, "{:#?}", about);
            let expected = format!("Autofinancement de l'année 1 : {text} (");
            prop_assert!(
                about[0].message.starts_with(&expected),
                "{}",
                about[0].message
            );
        }
        Ratio::Computed(_) => prop_assert!(about.is_empty(), "{:#?}", about),
        Ratio::Empty => {
            prop_assert_eq!(about.len(), 1);
            prop_assert!(about[0].message.contains(NOT_COMPUTABLE));
        }
    }
    // The proofreading copy's budget table.
    let rows = copy_budget_rows(d, p);
    let copy_ratio = copy_row(&rows, "Capacité d'autofinancement (%)");
    prop_assert_eq!(&copy_ratio[1], &ratio.number_text());
    let charges = copy_row(&rows, "TOTAL DES CHARGES");
    prop_assert_eq!(&charges[1], &figures.charges(0).text());
    if figures.totals.charges_unknown[0] {
        prop_assert_eq!(&charges[1], NOT_COMPUTABLE);
    }
    // No table shows a total computed without a mistyped cell.
    for year in 0..YEARS {
        let mistyped = p.budget_rows.iter().any(|r| {
            r.role.is_charge() && d.invalid_entries.contains_key(&budget_cell(&r.id, year))
        });
        prop_assert_eq!(mistyped, figures.charges(year) == Total::NotComputable);
        if mistyped {
            prop_assert_eq!(&charges[year + 1], NOT_COMPUTABLE);
            prop_assert_eq!(figures.result(year), Total::NotComputable);
        }
    }
    Ok(text)
}

/// The year-1 indicator typed over the budget: at most one finding, whose
/// severity follows the rule (below the threshold, or hiding a budget below
/// it: blocking; only different: a warning), quoting the budget's figure.
fn check_override(d: &Dossier, p: &CallProfile, typed: Option<i64>) -> Result<(), TestCaseError> {
    let figures = Figures::of(d, p);
    let found = findings(d, p);
    let on_kpi = kpi_findings(&found, 0);
    let Some(typed) = typed else {
        prop_assert!(on_kpi.is_empty());
        return Ok(());
    };
    let v = Decimal::new(typed, 2);
    let shown = cluster_dossier::model::money::format_percent(v);
    let budget = figures.ratio(0);
    let differs = budget.value().is_some() && budget.text() != shown;
    let min = figures.min_self_financing;
    let expected = if v < min || (differs && !figures.self_financing_ok()) {
        Some(Severity::Blocking)
    } else if differs {
        Some(Severity::Warning)
    } else {
        None
    };
    prop_assert_eq!(on_kpi.first().map(|f| f.severity), expected);
    prop_assert!(on_kpi.len() <= 1);
    if differs {
        let quoted = format!("le budget donne {}", budget.text());
        prop_assert!(on_kpi[0].message.contains(&quoted), "{}", on_kpi[0].message);
    }
    Ok(())
}

/// Whitespace as one space (the PDF's no-break spaces and line ends), the
/// hyphens the line breaker added dropped.
fn flat(text: &str) -> String {
    let joined = text
        .replace("\u{ad}\n", "")
        .replace("-\n", "")
        .replace('\u{ad}', "")
        .replace('\u{2019}', "'");
    joined
        .split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn pdf_text(d: &Dossier, p: &CallProfile) -> String {
    let found = findings(d, p);
    let (attachments, _) = service::check::full(d, p, Path::new("assets"));
    let options = print::RenderOptions {
        copies: Some(1),
        ..Default::default()
    };
    let rendered =
        print::render_with(d, p, &found, &options, &attachments).expect("the PDF is made");
    flat(&pdf_pages_text(&rendered.pdfs[0]).join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Panel, wizard table, Vérification and the proofreading copy agree on
    /// the year-1 ratio, for any budget with mistyped cells.
    #[test]
    fn one_story_for_any_budget(cells in cells_strategy(), kpi in proptest::option::of(0i64..10_000)) {
        let (d, p) = budget_dossier(&cells, kpi);
        check_story(&d, &p)?;
        check_override(&d, &p, kpi)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// The printed dossier says the same: rendered to PDF and read back.
    #[test]
    fn the_pdf_tells_the_same_story(cells in cells_strategy()) {
        let (d, p) = budget_dossier(&cells, None);
        let text = check_story(&d, &p)?;
        let pdf = pdf_text(&d, &p);
        let wanted = flat(&format!("année 1 : {text} ; année 2"));
        prop_assert!(pdf.contains(&wanted), "« {} » not in the PDF", wanted);
        // The indicators table shows the budget's figures (no override).
        let figures = Figures::of(&d, &p);
        let kpi: Vec<String> = (0..YEARS)
            .map(|y| figures.kpi(&d, &p, "autofinancement", y).text(true))
            .collect();
        let ratios: Vec<String> = (0..YEARS).map(|y| figures.ratio(y).number_text()).collect();
        prop_assert_eq!(&kpi, &ratios);
        // A cell too long for its column wraps and is read after the row:
        // the row is compared whole when every year has a figure.
        if figures.self_financing.iter().all(|r| matches!(r, Ratio::Computed(_))) {
            let row = format!("Capacité d'autofinancement (%) {}", kpi.join(" "));
            prop_assert!(pdf.contains(&row), "« {} » not in the PDF", row);
        } else {
            // A figure wider than its column (an absurd ratio, billions of
            // per cent) is set smaller or cut across lines of its cell: each
            // of its groups is printed.
            for text in &kpi {
                for group in text.split(char::is_whitespace).filter(|g| !g.is_empty()) {
                    prop_assert!(pdf.contains(group), "« {} » of « {} » not in the PDF", group, text);
                }
            }
        }
    }
}

#[test]
fn the_example_shows_52_71_in_its_indicator_and_its_budget() {
    let (d, p) = (example(), profile());
    let figures = Figures::of(&d, &p);
    assert_eq!(figures.ratio(3).text(), "52,71\u{a0}%");
    assert_eq!(
        figures.kpi(&d, &p, "autofinancement", 3).text(true),
        "52,71"
    );
    let pdf = pdf_text(&d, &p);
    assert!(pdf.contains("année 4 : 52,71 %"), "the budget's paragraph");
    let kpi_row: Vec<String> = (0..YEARS).map(|y| figures.ratio(y).number_text()).collect();
    assert!(
        pdf.contains(&format!(
            "Capacité d'autofinancement (%) {}",
            kpi_row.join(" ")
        )),
        "the indicators' row reads the budget's figures {kpi_row:?}"
    );
    assert!(!pdf.contains("52,72"), "the old typed figure is gone");
    // No finding says the indicator differs from the budget.
    assert!(
        !findings(&d, &p)
            .iter()
            .any(|f| f.field.as_str().starts_with("indicators.autofinancement")),
    );
}

/// The example with a year-1 budget of 100 000 DHS of charges and `own`
/// DHS of own resources.
fn with_own_resources(own: i64) -> Dossier {
    let p = profile();
    let mut d = example();
    for row in &p.budget_rows {
        d.budget_line_mut(&row.id).amounts[0] = Some(Decimal::ZERO);
    }
    let mut set = |row: &str, amount: i64| {
        d.budget_line_mut(row).amounts[0] = Some(Decimal::from(amount));
    };
    set("personnel", 60_000);
    set("location", 20_000);
    set("actions", 20_000);
    set("cotisations", 20_000);
    set("services", 15_000);
    set("autres_produits", own - 35_000);
    set("subventions", 100_000 - own);
    d
}

fn set_kpi(d: &mut Dossier, year: usize, value: Decimal) {
    let line = d
        .indicators
        .standard
        .iter_mut()
        .find(|l| l.id == "autofinancement")
        .expect("the indicator");
    line.values[year] = Some(value);
}

fn kpi_findings(f: &[Finding], year: usize) -> Vec<&Finding> {
    let field = FieldPath::kpi("autofinancement").year(year);
    f.iter().filter(|f| f.field == field).collect()
}

#[test]
fn a_typed_40_over_a_budget_at_39_99_blocks() {
    let p = profile();
    let mut d = with_own_resources(39_990);
    assert_eq!(Figures::of(&d, &p).ratio(0).text(), "39,99\u{a0}%");
    set_kpi(&mut d, 0, Decimal::from(40));
    let f = findings(&d, &p);
    let on_kpi = kpi_findings(&f, 0);
    assert_eq!(on_kpi.len(), 1, "{on_kpi:#?}");
    assert_eq!(on_kpi[0].severity, Severity::Blocking);
    assert!(
        on_kpi[0]
            .message
            .contains("40,00\u{a0}% saisi alors que le budget donne 39,99\u{a0}%"),
        "{}",
        on_kpi[0].message
    );
    // The budget's own cause is told once, apart.
    assert_eq!(ratio_findings(&f).len(), 1);
}

#[test]
fn an_override_that_differs_warns_and_one_below_the_threshold_blocks() {
    let p = profile();
    let mut d = example();
    // Year 4: the budget gives 52,71 %, 52,72 typed.
    set_kpi(&mut d, 3, Decimal::new(5272, 2));
    let f = findings(&d, &p);
    let on_kpi = kpi_findings(&f, 3);
    assert_eq!(on_kpi.len(), 1);
    assert_eq!(on_kpi[0].severity, Severity::Warning);
    assert!(
        on_kpi[0]
            .message
            .contains("52,72\u{a0}% saisi alors que le budget donne 52,71\u{a0}%")
    );
    // Typed as the budget shows it: nothing to say.
    set_kpi(&mut d, 3, Decimal::new(5271, 2));
    assert!(kpi_findings(&findings(&d, &p), 3).is_empty());
    // Year 1 below the threshold while the budget passes: blocking.
    assert!(Figures::of(&d, &p).self_financing_ok());
    set_kpi(&mut d, 0, Decimal::new(3999, 2));
    let f = findings(&d, &p);
    let on_kpi = kpi_findings(&f, 0);
    assert_eq!(on_kpi.len(), 1);
    assert_eq!(on_kpi[0].severity, Severity::Blocking);
    assert!(
        on_kpi[0]
            .message
            .contains("sous le minimum exigé de 40,00\u{a0}%")
    );
    // Above it but different: a warning only.
    set_kpi(&mut d, 0, Decimal::from(90));
    let f = findings(&d, &p);
    assert_eq!(kpi_findings(&f, 0)[0].severity, Severity::Warning);
}

#[test]
fn a_mistyped_year_1_cell_gives_exactly_one_finding() {
    let p = profile();
    let before = findings(&example(), &p);
    for row in ["location", "actions", "cotisations", "subventions"] {
        let mut d = example();
        d.budget_line_mut(row).amounts[0] = None;
        let cell = budget_cell(row, 0);
        d.invalid_entries.insert(cell.clone(), "12O 000".into());
        let after = findings(&d, &p);
        let new: Vec<&Finding> = after.iter().filter(|f| !before.contains(f)).collect();
        assert_eq!(new.len(), 1, "{row}: {new:#?}");
        assert_eq!(new[0].field, cell);
        let blocks_ratio = row != "subventions";
        assert_eq!(
            new[0]
                .message
                .contains("l'autofinancement de l'année 1 est non calculable"),
            blocks_ratio,
            "{}",
            new[0].message
        );
        assert_eq!(
            eligibility::measure(&d, &p).measured(Threshold::SelfFinancing) == NOT_COMPUTABLE,
            blocks_ratio
        );
    }
}

#[test]
fn year_1_member_counts_are_compared_with_the_register() {
    let p = profile();
    let d = example();
    let counts = Figures::of(&d, &p).counts;
    let field = FieldPath::kpi("adherents").year(0);
    assert!(!findings(&d, &p).iter().any(|f| f.field == field));
    for delta in [-1i64, 1] {
        let mut d = d.clone();
        let line = d
            .indicators
            .standard
            .iter_mut()
            .find(|l| l.id == "adherents")
            .expect("the indicator");
        line.values[0] = Some(Decimal::from(i64::from(counts.engaged_members()) + delta));
        let f = findings(&d, &p);
        let on = f.iter().filter(|f| f.field == field).collect::<Vec<_>>();
        assert_eq!(on.len(), 1, "{delta}");
        assert!(on[0].message.contains(&format!(
            "le registre compte {} membres engagés",
            counts.engaged_members()
        )));
    }
}

/// The words of a text: « DH » alone and « dirhams » are gone.
fn stray_currency(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            *w == "DH" || w.eq_ignore_ascii_case("dirhams") || w.eq_ignore_ascii_case("dirham")
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn the_printed_example_says_dhs_only() {
    let (d, p) = (example(), profile());
    let pdf = pdf_text(&d, &p);
    assert_eq!(stray_currency(&pdf), Vec::<String>::new());
    assert!(pdf.contains("DHS"));
    // With pdftotext, when the machine has it (CI does).
    let found = findings(&d, &p);
    let (attachments, _) = service::check::full(&d, &p, Path::new("assets"));
    let rendered = print::render_with(&d, &p, &found, &Default::default(), &attachments)
        .expect("the PDF is made");
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("exemple.pdf");
    std::fs::write(&file, &rendered.pdfs[0]).expect("written");
    if let Ok(out) = std::process::Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
    {
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("DHS"), "pdftotext read the PDF");
        assert_eq!(stray_currency(&text), Vec::<String>::new());
    }
    // And the proofreading copy.
    let copy: Vec<String> = proofcopy::outline(&d, &p)
        .iter()
        .map(|b| format!("{b:?}"))
        .collect();
    assert_eq!(stray_currency(&copy.join("\n")), Vec::<String>::new());
}

#[test]
fn the_workbook_says_non_calculable_where_a_cell_is_mistyped() {
    use calamine::{Data, Reader};
    let p = profile();
    let mut d = example();
    d.budget_line_mut("personnel").amounts[0] = None;
    d.invalid_entries
        .insert(budget_cell("personnel", 0), "55O 000".into());
    let bytes = cluster_dossier::export::tables_xlsx(&d, &p).expect("xlsx");
    let mut book =
        calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).expect("readable");
    let budget = book.worksheet_range("Budget").expect("budget");
    let row = |label: &str| {
        budget
            .rows()
            .find(|r| r[0] == Data::String(label.into()))
            .map(|r| r.to_vec())
            .unwrap_or_else(|| panic!("{label}"))
    };
    for label in [
        "TOTAL DES CHARGES",
        "RÉSULTAT D'EXPLOITATION",
        "Capacité d'autofinancement (%)",
    ] {
        assert_eq!(
            row(label)[1],
            Data::String(NOT_COMPUTABLE.into()),
            "{label}"
        );
        assert!(matches!(row(label)[2], Data::Float(_)), "{label}, year 2");
    }
    let kpis = book.worksheet_range("Indicateurs").expect("indicators");
    let kpi = kpis
        .rows()
        .find(|r| r[0] == Data::String("Capacité d'autofinancement (%)".into()))
        .expect("the indicator");
    assert_eq!(kpi[1], Data::String(NOT_COMPUTABLE.into()));
    let year2 = Figures::of(&d, &p).ratio(1).value().expect("year 2");
    assert_eq!(
        kpi[2],
        Data::Float(
            cluster_dossier::model::money::truncate_percent(year2)
                .to_string()
                .parse()
                .expect("a float")
        )
    );
}
