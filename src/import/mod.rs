//! Importing the member register from the spreadsheets secretaries already
//! have: CSV as Excel or LibreOffice export it (`;` or `,`, UTF-8 or
//! Windows-1252, with or without BOM), XLSX, XLS and ODS.
//!
//! Three stages, each testable alone: [`sheet`] reads a file into text
//! cells; [`mapping`] guesses which column is which member field and
//! interprets the sheet's words; [`plan`] turns rows into members, detects
//! duplicates and invalid rows, and applies everything at once (one
//! undoable step in the wizard, one save in the CLI).

pub mod mapping;
pub mod plan;
pub mod sheet;

pub use mapping::{Field, guess_mapping};
pub use plan::{DuplicatePolicy, ImportPlan, plan_import};
pub use sheet::{Sheet, SheetError, read_sheet};
