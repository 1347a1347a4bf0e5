//! Importing the member register from the spreadsheets secretaries already
//! have: CSV as Excel or LibreOffice export it (`;`, `,` or tab; UTF-8,
//! UTF-16 or Windows-1252, with or without BOM; CR, LF or CRLF), XLSX, XLS
//! and ODS (XLSB is refused with the way to save it as XLSX). Nothing a file
//! declares about itself (counts, sizes, repeats) reserves memory, and a
//! cell holds at most 32 767 characters in every format ([`cell`]).
//!
//! Three stages, each testable alone: [`sheet`] reads a file into text
//! cells within bounds; [`mapping`] guesses which column is which member
//! field and interprets the sheet's words; [`plan`] turns rows into
//! members, detects duplicates, conflicts and invalid rows, and applies
//! everything at once (one undoable step in the wizard, one save in the
//! CLI). Every row of the file is counted in exactly one bucket.

pub mod cell;
pub mod classify;
pub mod csv;
mod keys;
pub mod mapping;
pub mod merge;
mod ods;
pub mod plan;
pub mod progress;
mod report;
pub mod rows_out;
pub mod sheet;
pub mod text;
mod workbook;
mod xls_guard;
mod xlsx;
mod xlsx_tables;

pub use mapping::{Field, guess_mapping};
pub use plan::{DuplicatePolicy, ImportPlan, PlanOptions, plan_import, plan_import_with};
pub use progress::{Progress, Stage};
pub use sheet::{Limits, RowIssue, Sheet, SheetError, read_sheet, read_sheet_with};
