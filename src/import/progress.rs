//! Progress of a long import, for the CLI's progress line and the wizard's
//! progress bar.

/// What the import is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Reading the file: `done` rows read so far (`total` 0 when unknown).
    Reading,
    /// Comparing rows with the register: `done` of `total` rows.
    Planning,
}

impl Stage {
    pub fn label(self) -> &'static str {
        match self {
            Stage::Reading => "Lecture du tableur",
            Stage::Planning => "Comparaison avec le registre",
        }
    }
}

/// Called with the stage, the rows done and the total (0 when unknown).
pub type Progress<'a> = &'a mut dyn FnMut(Stage, usize, usize);

/// « Lecture du tableur : 4 000 lignes », « Comparaison avec le registre :
/// 4 000 / 10 000 lignes (40 %) ».
pub fn describe(stage: Stage, done: usize, total: usize) -> String {
    if total == 0 {
        format!("{} : {} lignes", stage.label(), grouped(done))
    } else {
        format!(
            "{} : {} / {} lignes ({} %)",
            stage.label(),
            grouped(done),
            grouped(total),
            done.min(total) * 100 / total
        )
    }
}

/// 10000 → « 10 000 » (no-break space, as French writes it).
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions() {
        assert_eq!(
            describe(Stage::Planning, 4000, 10_000),
            "Comparaison avec le registre : 4\u{a0}000 / 10\u{a0}000 lignes (40 %)"
        );
        assert_eq!(
            describe(Stage::Reading, 12, 0),
            "Lecture du tableur : 12 lignes"
        );
    }
}
