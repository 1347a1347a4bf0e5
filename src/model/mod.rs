//! The dossier and the call as plain data, pure computations and rules.
//!
//! No GUI, no PDF, no file I/O here: everything is a function of its inputs,
//! including the clock, which the caller passes in.

#![deny(clippy::arithmetic_side_effects)]

pub mod call;
pub mod compute;
pub mod date;
pub mod dossier;
pub mod edition;
pub mod field;
pub mod figures;
pub mod finding;
pub mod fingerprint;
pub mod limits;
pub mod money;
pub mod quote;
pub mod rubric;
pub mod rules;
pub mod synthetic;

pub use call::CallProfile;
pub use date::Date;
pub use dossier::Dossier;
pub use finding::{Finding, Section, Severity};
pub use fingerprint::Fingerprint;
