//! The budget and indicator tables as an XLSX workbook for the treasurer:
//! the call's canevas, amounts as numbers, totals and résultat as formulas
//! (with their values cached, so any viewer shows them).

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, Formula, Workbook, Worksheet, XlsxError};

use crate::model::call::CallProfile;
use crate::model::compute;
use crate::model::dossier::{Dossier, YEARS};
use crate::model::figures::{Figures, KpiFigure, NOT_COMPUTABLE, Ratio, Total};
use crate::model::money::truncate_percent;

/// Why the workbook could not be made, in French (the writer's own English
/// error stays the source, for maintainers).
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("export du classeur impossible : {}", xlsx_reason(.0))]
    Workbook(#[source] XlsxError),
}

impl From<XlsxError> for ExportError {
    fn from(e: XlsxError) -> Self {
        ExportError::Workbook(e)
    }
}

/// What went wrong in the workbook writer, in French.
pub fn xlsx_reason(e: &XlsxError) -> String {
    match e {
        XlsxError::MaxStringLengthExceeded => "un texte dépasse 32 767 caractères, le maximum d'une cellule de tableur : raccourcissez-le".to_string(),
        XlsxError::RowColumnLimitError => "le tableau dépasse la taille d'une feuille de tableur".to_string(),
        XlsxError::IoError(io) | XlsxError::TempFileError(_, io) => crate::store::french_io(io),
        _ => "erreur interne du générateur de classeur".to_string(),
    }
}

fn number(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// Spreadsheet column letter of year `y` (0-based): B to F.
fn col_letter(y: usize) -> char {
    char::from(b'B' + y as u8)
}

fn header(ws: &mut Worksheet, row: u32, first: &str, bold: &Format) -> Result<(), XlsxError> {
    ws.write_string_with_format(row, 0, first, bold)?;
    for y in 0..YEARS {
        ws.write_string_with_format(row, (y + 1) as u16, format!("Année {}", y + 1), bold)?;
    }
    Ok(())
}

/// The workbook's bytes.
pub fn tables_xlsx(d: &Dossier, p: &CallProfile) -> Result<Vec<u8>, ExportError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("# ##0.00");
    let money_bold = Format::new().set_num_format("# ##0.00").set_bold();
    let totals = compute::budget_totals(d, p);
    // A total that would leave a mistyped cell out is no figure: its cell
    // says « non calculable », as in the PDF (see `model::figures`).
    let figures = Figures::of(d, p);

    let ws = book.add_worksheet();
    ws.set_name("Budget")?;
    ws.set_column_width(0, 60)?;
    for y in 0..YEARS {
        ws.set_column_width((y + 1) as u16, 16)?;
    }
    ws.write_string_with_format(0, 0, "Budget prévisionnel (en DHS)", &bold)?;
    ws.write_string(1, 0, d.identity.name.as_str())?;
    header(ws, 3, "Libellé", &bold)?;
    let mut row = 4u32;
    let section_rows =
        |ws: &mut Worksheet, charges: bool, row: &mut u32| -> Result<(u32, u32), XlsxError> {
            ws.write_string_with_format(
                *row,
                0,
                if charges {
                    "CHARGES (en DHS)"
                } else {
                    "PRODUITS (en DHS)"
                },
                &bold,
            )?;
            *row += 1;
            let first = *row;
            for r in p
                .budget_rows
                .iter()
                .filter(|r| r.role.is_charge() == charges)
            {
                let line = d.budget_line(&r.id);
                let label = r.printed_label(line.map_or("", |l| l.detail.as_str()));
                ws.write_string(*row, 0, label)?;
                for y in 0..YEARS {
                    if let Some(v) = line.and_then(|l| l.amounts[y]) {
                        ws.write_number_with_format(*row, (y + 1) as u16, number(v), &money)?;
                    }
                }
                *row += 1;
            }
            Ok((first, *row - 1))
        };
    let (c_first, c_last) = section_rows(ws, true, &mut row)?;
    let charges_row = row;
    ws.write_string_with_format(row, 0, "TOTAL DES CHARGES", &bold)?;
    for y in 0..YEARS {
        let c = col_letter(y);
        let f = Formula::new(format!("=SUM({c}{}:{c}{})", c_first + 1, c_last + 1))
            .set_result(number(totals.charges[y]).to_string());
        if figures.charges(y) == Total::NotComputable {
            ws.write_string_with_format(row, (y + 1) as u16, NOT_COMPUTABLE, &bold)?;
            continue;
        }
        ws.write_formula_with_format(row, (y + 1) as u16, f, &money_bold)?;
    }
    row += 1;
    let (p_first, p_last) = section_rows(ws, false, &mut row)?;
    let products_row = row;
    ws.write_string_with_format(row, 0, "TOTAL DES PRODUITS", &bold)?;
    for y in 0..YEARS {
        let c = col_letter(y);
        let f = Formula::new(format!("=SUM({c}{}:{c}{})", p_first + 1, p_last + 1))
            .set_result(number(totals.products[y]).to_string());
        if figures.products(y) == Total::NotComputable {
            ws.write_string_with_format(row, (y + 1) as u16, NOT_COMPUTABLE, &bold)?;
            continue;
        }
        ws.write_formula_with_format(row, (y + 1) as u16, f, &money_bold)?;
    }
    row += 1;
    ws.write_string_with_format(row, 0, "RÉSULTAT D'EXPLOITATION", &bold)?;
    for y in 0..YEARS {
        let c = col_letter(y);
        let f = Formula::new(format!("={c}{}-{c}{}", products_row + 1, charges_row + 1))
            .set_result(number(totals.result[y]).to_string());
        if figures.result(y) == Total::NotComputable {
            ws.write_string_with_format(row, (y + 1) as u16, NOT_COMPUTABLE, &bold)?;
            continue;
        }
        ws.write_formula_with_format(row, (y + 1) as u16, f, &money_bold)?;
    }
    row += 1;
    ws.write_string(row, 0, "Capacité d'autofinancement (%)")?;
    for y in 0..YEARS {
        match figures.ratio(y) {
            // The figure the PDF and the wizard show (cut, never rounded
            // up), in the General format so no viewer rounds it again.
            Ratio::Computed(r) => {
                ws.write_number(row, (y + 1) as u16, number(truncate_percent(*r)))?
            }
            Ratio::NotComputable { .. } => ws.write_string(row, (y + 1) as u16, NOT_COMPUTABLE)?,
            Ratio::Empty => ws,
        };
    }
    row += 2;
    ws.write_string(row, 0, p.budget_star_note.as_str())?;
    ws.write_string(row + 1, 0, compute::SELF_FINANCING_FORMULA)?;

    let ws = book.add_worksheet();
    ws.set_name("Indicateurs")?;
    ws.set_column_width(0, 70)?;
    ws.write_string_with_format(0, 0, "Indicateurs de performance sur cinq ans", &bold)?;
    header(ws, 2, "Indicateur", &bold)?;
    let mut row = 3u32;
    for k in &p.kpi_rows {
        ws.write_string(row, 0, k.label.as_str())?;
        // The self-financing indicator is the budget's ratio unless typed.
        for y in 0..YEARS {
            match figures.kpi(d, p, &k.id, y) {
                KpiFigure::Typed(v) => ws.write_number(row, (y + 1) as u16, number(v))?,
                KpiFigure::Computed(Ratio::Computed(r)) => {
                    ws.write_number(row, (y + 1) as u16, number(truncate_percent(r)))?
                }
                KpiFigure::Computed(Ratio::NotComputable { .. }) => {
                    ws.write_string(row, (y + 1) as u16, NOT_COMPUTABLE)?
                }
                KpiFigure::Computed(Ratio::Empty) | KpiFigure::Blank => ws,
            };
        }
        row += 1;
    }
    for k in &d.indicators.custom {
        ws.write_string(row, 0, format!("{} ({})", k.label, k.unit))?;
        for (y, v) in k.values.iter().enumerate() {
            if let Some(v) = v {
                ws.write_number(row, (y + 1) as u16, number(*v))?;
            }
        }
        row += 1;
    }
    ws.write_string(row + 1, 0, p.kpi_note.as_str())?;
    Ok(book.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader};

    #[test]
    fn the_workbook_holds_the_canevas_and_the_figures() {
        let p = CallProfile::edition_2026();
        let d = crate::example_dossier().expect("example");
        let bytes = tables_xlsx(&d, &p).expect("xlsx");
        let mut book =
            calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).expect("readable");
        assert_eq!(book.sheet_names(), ["Budget", "Indicateurs"]);
        let budget = book.worksheet_range("Budget").expect("budget");
        let labels: Vec<String> = budget.rows().map(|r| r[0].to_string()).collect();
        for expected in [
            "CHARGES (en DHS)",
            "Charges du personnel",
            "Frais de location *",
            "TOTAL DES CHARGES",
            "Cotisations des membres",
            "TOTAL DES PRODUITS",
            "RÉSULTAT D'EXPLOITATION",
        ] {
            assert!(
                labels.iter().any(|l| l == expected),
                "{expected} missing: {labels:?}"
            );
        }
        let row = labels
            .iter()
            .position(|l| l == "Charges du personnel")
            .expect("row");
        let personnel = d
            .budget_line("personnel")
            .and_then(|l| l.amounts[0])
            .expect("value");
        assert_eq!(budget.get((row, 1)), Some(&Data::Float(number(personnel))));
        let total_row = labels
            .iter()
            .position(|l| l == "TOTAL DES CHARGES")
            .expect("row");
        let totals = compute::budget_totals(&d, &p);
        // The cached formula value is what viewers without a calculator show.
        let cell = budget
            .get((total_row, 1))
            .map(|c| c.to_string())
            .unwrap_or_default();
        assert_eq!(cell.parse::<f64>().ok(), Some(number(totals.charges[0])));
        let kpis = book.worksheet_range("Indicateurs").expect("kpis");
        assert!(
            kpis.rows()
                .any(|r| r[0] == "Capacité d'autofinancement (%)")
        );
    }
}
