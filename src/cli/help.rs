//! The help texts, written from the commands' declarations: the list of
//! commands (`cluster-dossier --help`) and each command's own help
//! (`cluster-dossier help COMMANDE`, `cluster-dossier COMMANDE --help`).

use std::fmt::Write;

use super::args::{COMMON, Exit, Opt, Spec};

const PROGRAM: &str = "cluster-dossier";

/// Pads `left` to `width` characters (not bytes: « é » is one).
fn padded(left: &str, width: usize) -> String {
    let n = left.chars().count();
    format!("{left}{}", " ".repeat(width.saturating_sub(n)))
}

/// Lines of at most `width` characters, for the text after a column.
fn wrapped(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}

/// Two columns: each `(left, right)`, the right one wrapped and aligned.
fn columns(out: &mut String, rows: &[(String, &str)]) {
    let width = rows
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0)
        + 3;
    for (left, right) in rows {
        for (i, line) in wrapped(right, 96usize.saturating_sub(width).max(30))
            .iter()
            .enumerate()
        {
            let left = if i == 0 { left.as_str() } else { "" };
            let _ = writeln!(out, "  {}{line}", padded(left, width));
        }
    }
}

fn exit_meaning(exit: Exit) -> &'static str {
    match exit {
        Exit::Ok => "terminé",
        Exit::Blocking => "points bloquants",
        Exit::Unusable => "rien n'a été fait : fichier illisible ou refusé, erreur d'utilisation",
    }
}

/// `cluster-dossier --help`: every command in one line, then the options
/// they share and the exit codes.
pub fn general(specs: &[&Spec]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Dossier Cluster — dossier de candidature « Soutien à la dynamique des clusters marocains »\n\n\
         Utilisation :\n  \
         {PROGRAM} [FICHIER.ron]              ouvre l'assistant (fenêtre), avec ce dossier s'il est donné\n  \
         {PROGRAM} COMMANDE [OPTIONS] …       lance une commande, sans fenêtre\n\n\
         Commandes :"
    );
    let rows: Vec<(String, &str)> = specs
        .iter()
        .map(|s| (s.name.to_string(), s.summary))
        .collect();
    columns(&mut out, &rows);
    out.push_str("\nOptions de toutes les commandes :\n");
    columns(&mut out, &option_rows(COMMON));
    let _ = writeln!(
        out,
        "\nUne option et sa valeur s'écrivent --copies 3 ou --copies=3 (-o SORTIE.pdf ou -o=SORTIE.pdf) ;\n\
         « -- » termine les options : un fichier dont le nom commence par un tiret vient après\n\
         (cluster-dossier check -- -brouillon.ron).\n\n\
         Aide d'une commande : {PROGRAM} help COMMANDE, ou {PROGRAM} COMMANDE --help.\n\
         Version : {PROGRAM} --version.\n\n\
         Codes de sortie :"
    );
    exits(&mut out, &Exit::ALL.map(|e| (e, exit_meaning(e))));
    out
}

fn option_rows(options: &[Opt]) -> Vec<(String, &str)> {
    options.iter().map(|o| (o.display(), o.help)).collect()
}

/// The shared options as one command uses them.
fn common_rows(spec: &Spec) -> Vec<(String, &str)> {
    COMMON
        .iter()
        .map(|o| {
            let help = if o.long == "appel" {
                spec.appel
            } else {
                o.help
            };
            (o.display(), help)
        })
        .collect()
}

fn exits(out: &mut String, list: &[(Exit, &str)]) {
    let rows: Vec<(String, &str)> = list
        .iter()
        .map(|(e, text)| (e.code().to_string(), *text))
        .collect();
    columns(out, &rows);
}

/// One command's help: what it does, its usage, its options, examples and
/// exit codes.
pub fn command(spec: &Spec) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{PROGRAM} {} — {}\n\nUtilisation :\n  {PROGRAM} {} {}\n",
        spec.name, spec.summary, spec.name, spec.synopsis
    );
    for line in spec.about.lines() {
        let _ = writeln!(out, "{line}");
    }
    if let Some(notes) = spec.notes {
        out.push('\n');
        for line in notes().lines() {
            for part in wrapped(line, 92) {
                let _ = writeln!(out, "{part}");
            }
        }
    }
    out.push_str("\nOptions :\n");
    let mut rows = option_rows(spec.options);
    rows.extend(common_rows(spec));
    columns(&mut out, &rows);
    out.push_str(if spec.examples.len() > 1 {
        "\nExemples :\n"
    } else {
        "\nExemple :\n"
    });
    for example in spec.examples {
        let _ = writeln!(out, "  {PROGRAM} {example}");
    }
    out.push_str("\nCodes de sortie :\n");
    exits(&mut out, spec.exits);
    out
}
