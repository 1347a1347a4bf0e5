//! Paths a dossier remembers (its call profile file): relative to the
//! dossier's folder when the file lies below it, so the pair can be moved
//! or copied together, absolute otherwise; and read back on any system.
//!
//! Pure functions on text, with the path rules of the system given as a
//! [`Style`], so that the Windows rules (drive letters, `\\serveur\partage`
//! shares, the `\\?\` prefix that `canonicalize` adds, names compared
//! without case, `\` and `/` both separators) are tested on Linux too.
//! A relative path is always stored with `/`, which both systems read.

/// How the wizard stores an attached file the user picked (see
/// [`crate::attach::relative_to`]).
pub use crate::attach::relative_to;

/// Whose path rules apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Unix,
    Windows,
}

impl Style {
    /// The rules of the system this program runs on.
    pub const NATIVE: Style = if cfg!(windows) {
        Style::Windows
    } else {
        Style::Unix
    };

    fn separator(self) -> char {
        match self {
            Style::Unix => '/',
            Style::Windows => '\\',
        }
    }

    fn same_name(self, a: &str, b: &str) -> bool {
        match self {
            Style::Unix => a == b,
            // NTFS and SMB shares compare names without case.
            Style::Windows => a.to_lowercase() == b.to_lowercase(),
        }
    }
}

/// Where a path starts.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Root {
    /// A relative path: it starts at the folder it is read against.
    None,
    /// `/` on Unix.
    Slash,
    /// `C:\` on Windows.
    Drive(char),
    /// `C:` without a separator: relative to that drive's current folder.
    DriveRelative(char),
    /// `\` alone on Windows: the root of the current drive.
    CurrentDrive,
    /// `\\serveur\partage` on Windows.
    Share { server: String, share: String },
}

/// A path taken apart: its root and its names.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Parsed {
    root: Root,
    names: Vec<String>,
}

fn is_separator(c: char, style: Style) -> bool {
    c == '/' || (c == '\\' && style == Style::Windows)
}

/// Splits names on the style's separators, dropping empty names and `.`.
fn names(text: &str, style: Style) -> Vec<String> {
    text.split(|c| is_separator(c, style))
        .filter(|n| !n.is_empty() && *n != ".")
        .map(str::to_string)
        .collect()
}

fn drive_letter(text: &str) -> Option<char> {
    let mut chars = text.chars();
    let letter = chars.next().filter(char::is_ascii_alphabetic)?;
    (chars.next() == Some(':')).then_some(letter.to_ascii_uppercase())
}

fn parse(text: &str, style: Style) -> Parsed {
    if style == Style::Unix {
        let root = if text.starts_with('/') {
            Root::Slash
        } else {
            Root::None
        };
        return Parsed {
            root,
            names: names(text, style),
        };
    }
    // `\\?\UNC\serveur\partage\…` and `\\?\C:\…` (verbatim, as canonicalize
    // returns them), `\\.\` likewise; then the everyday forms.
    let verbatim = ["\\\\?\\", "\\\\.\\", "//?/", "//./"]
        .iter()
        .find_map(|p| text.strip_prefix(p));
    let share_text = match verbatim {
        Some(rest) => rest
            .strip_prefix("UNC\\")
            .or_else(|| rest.strip_prefix("unc\\")),
        None => ["\\\\", "//", "\\/", "/\\"]
            .iter()
            .find_map(|p| text.strip_prefix(p)),
    };
    if let Some(share_text) = share_text {
        let mut parts = names(share_text, style).into_iter();
        let server = parts.next().unwrap_or_default();
        let share = parts.next().unwrap_or_default();
        return Parsed {
            root: Root::Share { server, share },
            names: parts.collect(),
        };
    }
    let text = verbatim.unwrap_or(text);
    if let Some(letter) = drive_letter(text) {
        let rest = &text[2..];
        let root = if rest.starts_with(|c| is_separator(c, style)) {
            Root::Drive(letter)
        } else {
            Root::DriveRelative(letter)
        };
        return Parsed {
            root,
            names: names(rest, style),
        };
    }
    let root = if text.starts_with(|c| is_separator(c, style)) {
        Root::CurrentDrive
    } else {
        Root::None
    };
    Parsed {
        root,
        names: names(text, style),
    }
}

impl Parsed {
    /// `..` taken away with the name before it, as Windows itself does with
    /// a path (on Unix a `..` after a symbolic link is not the folder above,
    /// so Unix paths keep theirs for the system to follow).
    fn normalised(mut self, style: Style) -> Self {
        if style == Style::Windows {
            let mut kept: Vec<String> = Vec::new();
            for n in self.names {
                if n == ".." {
                    if kept.last().is_some_and(|l| l != "..") {
                        kept.pop();
                    } else if self.root == Root::None {
                        kept.push(n);
                    }
                    // Above a root is the root itself.
                } else {
                    kept.push(n);
                }
            }
            self.names = kept;
        }
        self
    }

    fn same_root(&self, other: &Parsed, style: Style) -> bool {
        match (&self.root, &other.root) {
            (
                Root::Share { server, share },
                Root::Share {
                    server: s2,
                    share: sh2,
                },
            ) => style.same_name(server, s2) && style.same_name(share, sh2),
            (a, b) => a == b,
        }
    }

    /// The path as the user knows it: `C:\Dossiers\appel.ron`,
    /// `\\serveur\partage\appel.ron`, `/home/…`; never the `\\?\` prefix.
    fn display(&self, style: Style) -> String {
        let sep = style.separator();
        let body = self.names.join(&sep.to_string());
        match &self.root {
            Root::None if body.is_empty() => ".".to_string(),
            Root::None => body,
            Root::Slash | Root::CurrentDrive => format!("{sep}{body}"),
            Root::Drive(l) => format!("{l}:{sep}{body}"),
            Root::DriveRelative(l) => format!("{l}:{body}"),
            Root::Share { server, share } if body.is_empty() => {
                format!("{sep}{sep}{server}{sep}{share}{sep}")
            }
            Root::Share { server, share } => format!("{sep}{sep}{server}{sep}{share}{sep}{body}"),
        }
    }
}

/// What a dossier in `dossier_dir` stores to find `file` again (both
/// absolute): the path relative to the dossier's folder, with `/`, when the
/// file lies below it (same drive or share, names compared as the system
/// does); else the absolute path, without the `\\?\` prefix.
pub fn remember(dossier_dir: &str, file: &str, style: Style) -> String {
    let dir = parse(dossier_dir, style).normalised(style);
    let target = parse(file, style).normalised(style);
    let below = target.root != Root::None
        && dir.same_root(&target, style)
        && target.names.len() > dir.names.len()
        && dir
            .names
            .iter()
            .zip(&target.names)
            .all(|(a, b)| style.same_name(a, b));
    // A Unix name may hold a `\`, which Windows would read as a separator:
    // such a path is stored absolute rather than misread elsewhere.
    let portable = || {
        target.names[dir.names.len()..]
            .iter()
            .all(|n| !n.contains('\\'))
    };
    if below && portable() {
        target.names[dir.names.len()..].join("/")
    } else {
        target.display(style)
    }
}

/// The file a stored path names, for a dossier in `dossier_dir`: an
/// absolute stored path as it is (without the `\\?\` prefix), a relative
/// one (with `/` or `\`) joined to the dossier's folder, drive or share.
pub fn resolve(dossier_dir: &str, stored: &str, style: Style) -> String {
    let stored = parse(stored.trim(), style);
    if stored.root != Root::None {
        return stored.normalised(style).display(style);
    }
    let mut base = parse(dossier_dir, style);
    // A relative path stored on Windows may have `\` (older versions wrote
    // them so): a separator on every system here.
    base.names.extend(
        stored
            .names
            .iter()
            .flat_map(|n| n.split('\\'))
            .filter(|n| !n.is_empty() && *n != ".")
            .map(str::to_string),
    );
    base.normalised(style).display(style)
}

#[cfg(test)]
mod tests {
    use super::Style::{Unix, Windows};
    use super::*;

    #[test]
    fn windows_paths_below_the_dossier_are_stored_relative_with_slashes() {
        for (dir, file, stored) in [
            (
                r"C:\Dossiers",
                r"C:\Dossiers\appel-2027.ron",
                "appel-2027.ron",
            ),
            (
                r"C:\Users\secretariat\Documents\Dossier été 2026",
                r"c:\users\SECRETARIAT\documents\dossier ÉTÉ 2026\profils\appel.ron",
                "profils/appel.ron",
            ),
            // canonicalize's verbatim forms on either side, or both.
            (r"\\?\D:\Cluster", r"D:\Cluster\appel.ron", "appel.ron"),
            (r"D:\Cluster", r"\\?\D:\Cluster\p\appel.ron", "p/appel.ron"),
            (
                r"\\serveur\partage\cluster",
                r"\\SERVEUR\Partage\cluster\appel.ron",
                "appel.ron",
            ),
            (
                r"\\?\UNC\serveur\partage\cluster",
                r"\\serveur\partage\cluster\profils\appel.ron",
                "profils/appel.ron",
            ),
            (r"C:\a\.\b\..\c", r"C:\a\c\appel.ron", "appel.ron"),
            (r"C:/a/c", r"C:\a\c\x\appel.ron", "x/appel.ron"),
        ] {
            assert_eq!(remember(dir, file, Windows), stored, "{dir} + {file}");
            // …and it resolves back to the same file, shown without prefix.
            let back = resolve(dir, stored, Windows);
            assert!(
                back.to_lowercase()
                    == remember("", file, Windows)
                        .trim_start_matches(r"\\?\")
                        .to_lowercase(),
                "{dir} + {stored} → {back}"
            );
        }
    }

    #[test]
    fn windows_paths_elsewhere_are_stored_absolute_without_the_prefix() {
        for (dir, file, stored) in [
            // Another drive: no relative path exists.
            (
                r"D:\Cluster",
                r"C:\Profils\appel.ron",
                r"C:\Profils\appel.ron",
            ),
            (
                r"D:\Cluster",
                r"\\?\C:\Profils\appel.ron",
                r"C:\Profils\appel.ron",
            ),
            // A share and a drive, two shares, two servers.
            (
                r"\\serveur\partage\cluster",
                r"C:\Profils\appel.ron",
                r"C:\Profils\appel.ron",
            ),
            (
                r"C:\Cluster",
                r"\\?\UNC\serveur\partage\appel.ron",
                r"\\serveur\partage\appel.ron",
            ),
            (
                r"\\serveur\partage\cluster",
                r"\\serveur\autre\cluster\appel.ron",
                r"\\serveur\autre\cluster\appel.ron",
            ),
            (
                r"\\serveur\partage\cluster",
                r"\\nas\partage\cluster\appel.ron",
                r"\\nas\partage\cluster\appel.ron",
            ),
            // Same drive, but beside or above the dossier's folder.
            (
                r"C:\Cluster\2026",
                r"C:\Cluster\appel.ron",
                r"C:\Cluster\appel.ron",
            ),
            (
                r"C:\Cluster",
                r"C:\Cluster-2027\appel.ron",
                r"C:\Cluster-2027\appel.ron",
            ),
        ] {
            assert_eq!(remember(dir, file, Windows), stored, "{dir} + {file}");
            // An absolute stored path resolves to itself from any folder.
            for other in [dir, r"E:\ailleurs", r"\\autre\partage\x"] {
                assert_eq!(resolve(other, stored, Windows), stored);
            }
        }
    }

    #[test]
    fn a_relative_path_resolves_on_the_dossier_s_drive_or_share() {
        for (dir, stored, file) in [
            (r"D:\Cluster", "appel.ron", r"D:\Cluster\appel.ron"),
            (
                r"D:\Cluster",
                r"profils\appel.ron",
                r"D:\Cluster\profils\appel.ron",
            ),
            (
                r"D:\Cluster",
                "profils/appel.ron",
                r"D:\Cluster\profils\appel.ron",
            ),
            (
                r"\\serveur\partage\Dossier été",
                "profils/appel.ron",
                r"\\serveur\partage\Dossier été\profils\appel.ron",
            ),
            // canonicalize's form of the share: the prefix is gone and `/`
            // is turned into `\` (a verbatim path takes neither `/` nor `..`).
            (
                r"\\?\UNC\serveur\partage\cluster",
                "../profils/appel.ron",
                r"\\serveur\partage\profils\appel.ron",
            ),
            (r"\\?\D:\Cluster", "./appel.ron", r"D:\Cluster\appel.ron"),
            // Never above the root of the drive or the share.
            (r"D:\", "../../appel.ron", r"D:\appel.ron"),
            (
                r"\\serveur\partage",
                "../appel.ron",
                r"\\serveur\partage\appel.ron",
            ),
            // A dossier named by a relative path: relative to the working folder.
            (".", "appel.ron", "appel.ron"),
        ] {
            assert_eq!(resolve(dir, stored, Windows), file, "{dir} + {stored}");
        }
    }

    #[test]
    fn unix_paths_follow_unix_rules() {
        assert_eq!(
            remember("/home/s/cluster", "/home/s/cluster/appel.ron", Unix),
            "appel.ron"
        );
        assert_eq!(
            remember("/home/s/cluster", "/home/s/cluster/p/appel.ron", Unix),
            "p/appel.ron"
        );
        // Names differ by case on Unix.
        assert_eq!(
            remember("/home/s/cluster", "/home/s/Cluster/appel.ron", Unix),
            "/home/s/Cluster/appel.ron"
        );
        assert_eq!(
            remember("/home/s/cluster", "/tmp/appel.ron", Unix),
            "/tmp/appel.ron"
        );
        assert_eq!(
            remember("/home/s/cluster", "/home/s/cluster-2/a.ron", Unix),
            "/home/s/cluster-2/a.ron"
        );
        assert_eq!(resolve("/d", "scans/a.ron", Unix), "/d/scans/a.ron");
        assert_eq!(resolve("/d", "/etc/a.ron", Unix), "/etc/a.ron");
        // A relative path written on Windows reads on Unix too.
        assert_eq!(resolve("/d", r"scans\a.ron", Unix), "/d/scans/a.ron");
        // A Unix name with `\` is not stored relative (Windows would split it).
        assert_eq!(remember("/d", r"/d/a\b.ron", Unix), r"/d/a\b.ron");
        // `..` is left to the system (a symbolic link may stand before it).
        assert_eq!(resolve("/d/e", "../a.ron", Unix), "/d/e/../a.ron");
        assert_eq!(resolve(".", "a.ron", Unix), "a.ron");
    }

    #[test]
    fn every_remembered_path_resolves_back_to_its_file() {
        // Every pair of folders and files over a small universe of roots and
        // names, in both styles: what is stored resolves to the same file.
        let windows_roots = [
            r"C:\",
            r"c:\",
            r"D:\",
            r"\\?\C:\",
            r"\\srv\share\",
            r"\\?\UNC\SRV\Share\",
            r"\\srv\autre\",
        ];
        let unix_roots = ["/", "/home/"];
        let tails = ["", "a", "a/b", "A", "a/B/c", "b", "é t"];
        for (style, roots) in [(Windows, &windows_roots[..]), (Unix, &unix_roots[..])] {
            for dir_root in roots {
                for dir_tail in tails {
                    for file_root in roots {
                        for file_tail in tails {
                            let dir = format!("{dir_root}{dir_tail}");
                            let file = format!("{file_root}{file_tail}/f.ron");
                            let stored = remember(&dir, &file, style);
                            assert!(!stored.starts_with(r"\\?\"), "{stored}");
                            let back = resolve(&dir, &stored, style);
                            let expected = parse(&file, style).normalised(style);
                            let got = parse(&back, style).normalised(style);
                            assert!(
                                got.same_root(&expected, style)
                                    && got.names.len() == expected.names.len()
                                    && got
                                        .names
                                        .iter()
                                        .zip(&expected.names)
                                        .all(|(a, b)| style.same_name(a, b)),
                                "{style:?}: {dir} + {file} → {stored} → {back}"
                            );
                        }
                    }
                }
            }
        }
    }
}
