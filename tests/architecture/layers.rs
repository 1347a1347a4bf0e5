//! Who may name whom, as ARCHITECTURE.md's table says, checked on the
//! parsed sources: every module file is reached from `src/lib.rs` (or a
//! binary's root) through its `mod` declarations, and every path it names
//! — `use` declarations, paths in code and types, and the tokens of macros
//! and attributes (`format!`, `#[error(...)]`) — is resolved to the
//! crate's top-level module it reaches (`crate::`, `super::`, `self::`,
//! `cluster_dossier::`). A path naming a module its layer may not use is an
//! offence, reported with its file, line and path.
//!
//! The rule for tests: code under `#[cfg(test)]` (a `mod tests { … }`, a
//! test module file declared `#[cfg(test)] mod tests_x;`, a test-only
//! function or `use`) is exempt: a test may prepare files with `store`.
//! Bare paths (`store::save` after a `use`) are not resolved: the `use`
//! that brings the name in is the offence.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};
use syn::visit::Visit;

/// The layers below the front ends and what each may name (besides itself
/// and the crate root's functions), as in ARCHITECTURE.md. A module of
/// `src/lib.rs` missing here is a layer nobody may name.
const MAY_USE: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("store", &["model"]),
    ("print", &["model", "attach"]),
    ("import", &["model", "store"]),
    ("export", &["model", "store"]),
    ("attach", &["model", "store"]),
    ("proofcopy", &["model"]),
    (
        "service",
        &[
            "model",
            "store",
            "print",
            "import",
            "export",
            "attach",
            "proofcopy",
        ],
    ),
    // The front ends: the core and plain data only, never each other.
    ("cli", &["service", "model"]),
    ("ui", &["service", "model"]),
];

/// One module file: where it is, its module path from the crate root,
/// whether all of it is test code.
struct ModFile {
    file: PathBuf,
    module: Vec<String>,
    test: bool,
}

/// The checkout to read: this one, or `ARCHITECTURE_ROOT` (to see what the
/// check says of another checkout without building it).
fn root() -> PathBuf {
    std::env::var_os("ARCHITECTURE_ROOT")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from)
}

fn rel(file: &Path) -> String {
    file.strip_prefix(root())
        .unwrap_or(file)
        .to_string_lossy()
        .replace('\\', "/")
}

fn parse(file: &Path) -> syn::File {
    let text = std::fs::read_to_string(file).expect("source is UTF-8");
    syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", rel(file)))
}

fn is_cfg_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.meta.require_list().is_ok_and(|l| {
                let t: String = l.tokens.to_string().split_whitespace().collect();
                t == "test" || t.starts_with("all(test,")
            })
    })
}

/// The folder a file's child modules live in.
fn child_dir(file: &Path) -> PathBuf {
    let dir = file.parent().expect("in a folder").to_path_buf();
    let name = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let is_root = file.parent() == Some(&root().join("src")) && ["lib", "main"].contains(&name)
        || file.parent() == Some(&root().join("src/bin"));
    if name == "mod" || is_root {
        dir
    } else {
        dir.join(name)
    }
}

/// Every module file below `file`, through its `mod NAME;` declarations
/// (inline modules included).
fn collect(file: &Path, module: &[String], test: bool, out: &mut Vec<ModFile>) {
    let ast = parse(file);
    out.push(ModFile {
        file: file.to_path_buf(),
        module: module.to_vec(),
        test,
    });
    walk_items(&ast.items, &child_dir(file), module, test, out);
}

fn walk_items(
    items: &[syn::Item],
    dir: &Path,
    module: &[String],
    test: bool,
    out: &mut Vec<ModFile>,
) {
    for item in items {
        let syn::Item::Mod(m) = item else { continue };
        let name = m.ident.to_string();
        let test = test || is_cfg_test(&m.attrs);
        let mut inner = module.to_vec();
        inner.push(name.clone());
        match &m.content {
            Some((_, items)) => walk_items(items, &dir.join(&name), &inner, test, out),
            None => {
                let flat = dir.join(format!("{name}.rs"));
                let nested = dir.join(&name).join("mod.rs");
                let file = if flat.exists() { flat } else { nested };
                assert!(file.exists(), "module {} has no file", inner.join("::"));
                collect(&file, &inner, test, out);
            }
        }
    }
}

/// Every module file of the library and the binaries.
fn module_files() -> Vec<ModFile> {
    let mut out = Vec::new();
    collect(&root().join("src/lib.rs"), &[], false, &mut out);
    collect(
        &root().join("src/main.rs"),
        &["<main>".into()],
        false,
        &mut out,
    );
    let bins = std::fs::read_dir(root().join("src/bin")).expect("src/bin");
    for bin in bins.flatten() {
        collect(&bin.path(), &["<bin>".into()], false, &mut out);
    }
    out
}

/// The crate's top-level modules (`pub mod x;` in `src/lib.rs`).
fn top_modules() -> BTreeSet<String> {
    parse(&root().join("src/lib.rs"))
        .items
        .iter()
        .filter_map(|i| match i {
            syn::Item::Mod(m) => Some(m.ident.to_string()),
            _ => None,
        })
        .collect()
}

/// A path named somewhere, as segments, with its line.
struct Named {
    segments: Vec<String>,
    line: usize,
}

/// Collects the paths a file names outside test code.
struct Names {
    /// Inline modules entered, to resolve `super` below them.
    inline: Vec<String>,
    found: Vec<(Vec<String>, Named)>,
}

impl Names {
    fn push(&mut self, segments: Vec<String>, line: usize) {
        if matches!(
            segments.first().map(String::as_str),
            Some("crate" | "super" | "self" | "cluster_dossier")
        ) {
            self.found
                .push((self.inline.clone(), Named { segments, line }));
        }
    }

    /// `crate :: a :: b` sequences in a macro's or attribute's tokens.
    fn tokens(&mut self, tokens: TokenStream) {
        let flat: Vec<TokenTree> = tokens.into_iter().collect();
        let mut i = 0;
        while i < flat.len() {
            match &flat[i] {
                TokenTree::Group(g) => self.tokens(g.stream()),
                TokenTree::Ident(id) => {
                    let mut segments = vec![id.to_string()];
                    let mut j = i;
                    while let (
                        Some(TokenTree::Punct(a)),
                        Some(TokenTree::Punct(b)),
                        Some(TokenTree::Ident(next)),
                    ) = (flat.get(j + 1), flat.get(j + 2), flat.get(j + 3))
                    {
                        if a.as_char() != ':' || b.as_char() != ':' {
                            break;
                        }
                        segments.push(next.to_string());
                        j += 3;
                    }
                    if segments.len() > 1 {
                        self.push(segments, id.span().start().line);
                    }
                    i = j;
                }
                _ => {}
            }
            i += 1;
        }
    }
}

fn use_paths(tree: &syn::UseTree, prefix: &mut Vec<String>, out: &mut Vec<(Vec<String>, usize)>) {
    match tree {
        syn::UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            use_paths(&p.tree, prefix, out);
            prefix.pop();
        }
        syn::UseTree::Name(n) => {
            let mut s = prefix.clone();
            if n.ident != "self" {
                s.push(n.ident.to_string());
            }
            out.push((s, n.ident.span().start().line));
        }
        syn::UseTree::Rename(r) => {
            let mut s = prefix.clone();
            if r.ident != "self" {
                s.push(r.ident.to_string());
            }
            out.push((s, r.ident.span().start().line));
        }
        syn::UseTree::Glob(g) => {
            let mut s = prefix.clone();
            s.push("*".into());
            out.push((s, g.star_token.spans[0].start().line));
        }
        syn::UseTree::Group(g) => {
            for t in &g.items {
                use_paths(t, prefix, out);
            }
        }
    }
}

fn item_attrs(item: &syn::Item) -> &[syn::Attribute] {
    match item {
        syn::Item::Const(i) => &i.attrs,
        syn::Item::Enum(i) => &i.attrs,
        syn::Item::Fn(i) => &i.attrs,
        syn::Item::Impl(i) => &i.attrs,
        syn::Item::Macro(i) => &i.attrs,
        syn::Item::Mod(i) => &i.attrs,
        syn::Item::Static(i) => &i.attrs,
        syn::Item::Struct(i) => &i.attrs,
        syn::Item::Trait(i) => &i.attrs,
        syn::Item::Type(i) => &i.attrs,
        syn::Item::Use(i) => &i.attrs,
        _ => &[],
    }
}

impl<'ast> Visit<'ast> for Names {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        if is_cfg_test(item_attrs(item)) {
            return;
        }
        syn::visit::visit_item(self, item);
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        if !is_cfg_test(&f.attrs) {
            syn::visit::visit_impl_item_fn(self, f);
        }
    }

    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        self.inline.push(m.ident.to_string());
        syn::visit::visit_item_mod(self, m);
        self.inline.pop();
    }

    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        let mut out = Vec::new();
        let mut prefix = Vec::new();
        if u.leading_colon.is_some() {
            return; // an external crate
        }
        use_paths(&u.tree, &mut prefix, &mut out);
        for (segments, line) in out {
            self.push(segments, line);
        }
    }

    fn visit_path(&mut self, p: &'ast syn::Path) {
        if p.leading_colon.is_none() && p.segments.len() > 1 {
            let segments = p.segments.iter().map(|s| s.ident.to_string()).collect();
            let line = p.segments[0].ident.span().start().line;
            self.push(segments, line);
        }
        syn::visit::visit_path(self, p);
    }

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        self.tokens(m.tokens.clone());
        syn::visit::visit_macro(self, m);
    }

    fn visit_attribute(&mut self, a: &'ast syn::Attribute) {
        if let syn::Meta::List(l) = &a.meta {
            self.tokens(l.tokens.clone());
        }
    }
}

/// The top-level module a path reaches from module `here`, if any.
fn reached(here: &[String], segments: &[String]) -> Option<String> {
    let mut at: Vec<String> = here.to_vec();
    let mut rest = segments;
    match rest.first().map(String::as_str) {
        Some("crate" | "cluster_dossier") => {
            at.clear();
            rest = &rest[1..];
        }
        Some("self") => rest = &rest[1..],
        _ => {
            while rest.first().is_some_and(|s| s == "super") {
                at.pop();
                rest = &rest[1..];
            }
        }
    }
    match at.first() {
        Some(top) => Some(top.clone()),
        None => rest.first().cloned(),
    }
}

#[test]
fn every_layer_names_only_the_layers_it_may_use() {
    let tops = top_modules();
    let files = module_files();
    let mut offences = Vec::new();
    let mut checked = 0;
    for f in &files {
        let layer = f.module.first().cloned().unwrap_or_default();
        if f.test || f.module.is_empty() {
            continue;
        }
        let allowed: BTreeSet<&str> = match MAY_USE.iter().find(|(l, _)| *l == layer) {
            Some((_, may)) => may.iter().copied().chain([layer.as_str()]).collect(),
            // The binaries start a front end: they may name any layer.
            None if layer.starts_with('<') => tops.iter().map(String::as_str).collect(),
            None => panic!("{}: layer `{layer}` is not in MAY_USE", rel(&f.file)),
        };
        checked += 1;
        let mut names = Names {
            inline: Vec::new(),
            found: Vec::new(),
        };
        names.visit_file(&parse(&f.file));
        for (inline, named) in names.found {
            let here: Vec<String> = f.module.iter().cloned().chain(inline).collect();
            let Some(top) = reached(&here, &named.segments) else {
                continue;
            };
            if tops.contains(&top) && !allowed.contains(top.as_str()) {
                offences.push(format!(
                    "{}:{}: `{}` — `{layer}` may name only {:?}",
                    rel(&f.file),
                    named.line,
                    named.segments.join("::"),
                    allowed
                ));
            }
        }
    }
    offences.sort();
    offences.dedup();
    assert!(checked > 100, "only {checked} module files checked");
    assert!(offences.is_empty(), "{offences:#?}");
}

#[test]
fn every_source_file_is_a_module_the_check_reads() {
    fn rust_files(dir: &Path, out: &mut BTreeSet<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.insert(path);
            }
        }
    }
    let mut all = BTreeSet::new();
    rust_files(&root().join("src"), &mut all);
    let reached: BTreeSet<PathBuf> = module_files().into_iter().map(|m| m.file).collect();
    let missed: Vec<String> = all.difference(&reached).map(|p| rel(p)).collect();
    assert!(missed.is_empty(), "not reached through `mod`: {missed:#?}");
}

/// The checker itself: each way of naming a module is resolved.
#[test]
fn paths_are_resolved_as_rust_resolves_them() {
    let here: Vec<String> = ["ui", "tabs", "import"].map(String::from).to_vec();
    let p = |s: &str| s.split("::").map(String::from).collect::<Vec<_>>();
    assert_eq!(
        reached(&here, &p("crate::store::save")),
        Some("store".into())
    );
    assert_eq!(
        reached(&here, &p("super::super::Dialog")),
        Some("ui".into())
    );
    assert_eq!(
        reached(&here, &p("super::super::super::store")),
        Some("store".into())
    );
    assert_eq!(reached(&here, &p("self::x")), Some("ui".into()));
    assert_eq!(reached(&[], &p("self::store::x")), Some("store".into()));

    let source = r#"
        use crate::{model::Dossier, store::{self, lock}};
        use super::super::super::import as imp;
        fn f() -> String {
            format!("{}", crate::print::x(crate::attach::y()))
        }
        #[derive(thiserror::Error)]
        enum E { #[error("{}", crate::export::z(.0))] A(u8) }
        #[cfg(test)]
        mod tests { use crate::proofcopy; }
        #[cfg(test)]
        fn helper() { crate::proofcopy::x(); }
    "#;
    let mut names = Names {
        inline: Vec::new(),
        found: Vec::new(),
    };
    names.visit_file(&syn::parse_file(source).expect("parses"));
    let tops: BTreeSet<String> = names
        .found
        .iter()
        .filter_map(|(inline, n)| {
            let at: Vec<String> = here.iter().cloned().chain(inline.iter().cloned()).collect();
            reached(&at, &n.segments)
        })
        .collect();
    let expected: BTreeSet<String> = ["model", "store", "import", "print", "attach", "export"]
        .map(String::from)
        .into();
    assert_eq!(tops, expected);
}
