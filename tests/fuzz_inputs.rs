//! Fuzzing the importers (CSV, XLSX, XLS, ODS) and the dossier and profile
//! loaders through the real program, on stable Rust: seeds from
//! tests/fixtures/fuzz/ are mutated (see `fuzz_support::mutate`) and each
//! input is run in a child process (`import-members`, `check`,
//! `check-profile`). Every run must end with exit 0, 1 or 2 and a French
//! message, never a panic (101), an abort (134) or a signal, within
//! `fuzz_support::MAX_RSS_KB` of memory and without hanging.
//!
//! Ignored by `cargo test`; `.ci/fuzz` runs them:
//!     cargo test --test fuzz_inputs -- --ignored --test-threads 2 fuzz_
//! `FUZZ_RUNS` (default 2 000 per target), `FUZZ_SEED` and `FUZZ_SECONDS`
//! (a time budget per target) tune a run; failing inputs are kept in
//! `target/fuzz-echecs/`.

mod fuzz_support;

use std::collections::BTreeMap;
use std::path::Path;

use fuzz_support::mutate::{self, Rng};
use fuzz_support::zipgen::SeedZip;
use fuzz_support::{Run, Target, corpus_dir, load_seeds, run, run_input, seeds};

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

fn empty_dossier(scratch: &Path) -> Vec<u8> {
    let path = scratch.join("vide.ron");
    let _ = std::fs::remove_file(&path);
    let r = run(&["new".as_ref(), path.as_os_str()], scratch);
    assert_eq!(r.code, 0, "{}", r.stderr);
    std::fs::read(&path).expect("empty dossier")
}

/// One mutated input of `target` from its seeds.
fn mutant(
    target: Target,
    rng: &mut Rng,
    seeds: &[(String, Vec<u8>)],
    opened: &[Option<SeedZip>],
) -> (String, Vec<u8>) {
    let k = rng.below(seeds.len());
    let (name, seed) = &seeds[k];
    let (_, other) = rng.pick(seeds);
    let bytes = if target.zipped() {
        mutate::mutate_zip(rng, seed, opened.get(k).and_then(Option::as_ref), other)
    } else {
        let runs: &[usize] = &[32_768, 40_000, 1 << 20, 8 << 20, 33 << 20];
        mutate::mutate_bytes(rng, seed, other, runs)
    };
    (name.clone(), bytes)
}

fn fuzz(target: Target) {
    let runs = env_number("FUZZ_RUNS", 2_000);
    let budget = env_number("FUZZ_SECONDS", 0);
    let seed = env_number("FUZZ_SEED", 20_261_205) ^ ((target as u64 + 1) * 0x1000_0001);
    let scratch = tempfile::tempdir().expect("tempdir");
    let dossier = empty_dossier(scratch.path());
    let seeds = load_seeds(target);
    // Zipped seeds opened and their parts deflated once.
    let opened: Vec<Option<SeedZip>> = if target.zipped() {
        seeds.iter().map(|(_, b)| SeedZip::open(b)).collect()
    } else {
        Vec::new()
    };
    let failures_dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/fuzz-echecs")
        .join(target.dir());
    let mut rng = Rng::new(seed);
    let started = std::time::Instant::now();
    let mut codes: BTreeMap<i32, u64> = BTreeMap::new();
    let mut failures: Vec<String> = Vec::new();
    let mut echoes: Vec<String> = Vec::new();
    let (mut peak, mut peak_of, mut slowest) = (0u64, String::new(), 0f64);
    let mut done = 0u64;
    let (mut gen_s, mut run_s, mut cpu_s) = (0f64, 0f64, 0f64);
    for i in 0..runs {
        if budget > 0 && started.elapsed().as_secs() >= budget {
            break;
        }
        // Every seed once as it is, then mutants.
        let t = std::time::Instant::now();
        let (name, input) = match seeds.get(i as usize) {
            Some((n, b)) => (format!("{n} (graine)"), b.clone()),
            None => mutant(target, &mut rng, &seeds, &opened),
        };
        gen_s += t.elapsed().as_secs_f64();
        let r: Run = run_input(target, &input, scratch.path(), &dossier);
        run_s += r.seconds;
        cpu_s += r.cpu_seconds;
        done += 1;
        *codes.entry(r.code).or_default() += 1;
        slowest = slowest.max(r.seconds);
        if r.rss_kb > peak {
            peak = r.rss_kb;
            peak_of = format!("n° {i} de {name}, {} octets", input.len());
        }
        // Every message is bounded: a value from the file is quoted by its
        // start only (FUZZ_ECHO_COUNTED=1 only counts the loaders' echoes).
        let counted = std::env::var_os("FUZZ_ECHO_COUNTED").is_some();
        let problem = if !counted || target.zipped() || matches!(target, Target::Csv | Target::Xls)
        {
            r.problem()
        } else {
            if r.echo().is_some() {
                echoes.push(format!("n° {i} ({name})"));
            }
            r.crash_or_memory()
        };
        if let Some(problem) = problem {
            std::fs::create_dir_all(&failures_dir).expect("failures dir");
            let kept = failures_dir.join(format!("{i}.{}", target.ext()));
            std::fs::write(&kept, &input).expect("failure kept");
            failures.push(format!("{} ({name}) : {problem}", kept.display()));
        }
    }
    println!(
        "{:8} {done} entrées en {:.0} s (la plus lente {:.1} s), codes {codes:?}, \
         mémoire de pointe {} Mo ({peak_of}); génération {gen_s:.0} s, exécution {run_s:.0} s ({cpu_s:.0} s de processeur)",
        target.dir(),
        started.elapsed().as_secs_f64(),
        slowest,
        peak / 1024
    );
    if !echoes.is_empty() {
        println!(
            "{:8} {} message(s) de plus de 64 ko (une valeur du fichier citée en entier) : {}",
            target.dir(),
            echoes.len(),
            echoes.join(", ")
        );
    }
    assert!(
        failures.is_empty(),
        "{} entrée(s) mal traitée(s) :\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
#[ignore = "fuzz: .ci/fuzz"]
fn fuzz_csv() {
    fuzz(Target::Csv);
}

#[test]
#[ignore = "fuzz: .ci/fuzz"]
fn fuzz_xlsx() {
    fuzz(Target::Xlsx);
}

#[test]
#[ignore = "fuzz: .ci/fuzz"]
fn fuzz_xls() {
    fuzz(Target::Xls);
}

#[test]
#[ignore = "fuzz: .ci/fuzz"]
fn fuzz_ods() {
    fuzz(Target::Ods);
}

#[test]
#[ignore = "fuzz: .ci/fuzz"]
fn fuzz_dossier() {
    fuzz(Target::Dossier);
}

#[test]
#[ignore = "fuzz: .ci/fuzz"]
fn fuzz_profile() {
    fuzz(Target::Profile);
}

/// Writes the seed corpus (run once; the files are committed).
#[test]
#[ignore = "writes tests/fixtures/fuzz/"]
fn write_seed_corpus() {
    let root = corpus_dir();
    let write = |dir: &str, name: &str, bytes: &[u8]| {
        let d = root.join(dir);
        std::fs::create_dir_all(&d).expect("dir");
        std::fs::write(d.join(name), bytes).expect("seed written");
    };
    for (kind, name, bytes) in seeds::sheets() {
        write(kind, &name, &bytes);
    }
    let scratch = tempfile::tempdir().expect("tempdir");
    let s = scratch.path();
    let example = s.join("exemple.ron");
    assert_eq!(
        run(
            &["new".as_ref(), "--example".as_ref(), example.as_os_str()],
            s
        )
        .code,
        0
    );
    let example = std::fs::read(&example).expect("example");
    write("dossier", "exemple.ron", &example);
    write("dossier", "vide.ron", &empty_dossier(s));
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for f in ["dossier-format-1.ron", "dossier-format-2.ron"] {
        write(
            "dossier",
            f,
            &std::fs::read(fixtures.join(f)).expect("fixture"),
        );
    }
    // Nesting deeper than the parser's limit, in a field and in a list.
    let text = String::from_utf8_lossy(&example).into_owned();
    let deep = text.replacen("members: [", &format!("members: [{}", "[".repeat(5_000)), 1);
    write("dossier", "imbrication.ron", deep.as_bytes());
    let profile = s.join("appel.ron");
    assert_eq!(
        run(&["export-profile".as_ref(), profile.as_os_str()], s).code,
        0
    );
    let profile = std::fs::read(&profile).expect("profile");
    write("profil", "appel-2026.ron", &profile);
    write(
        "profil",
        "appel-test-seuils.ron",
        &std::fs::read(fixtures.join("appel-test-seuils.ron")).expect("fixture"),
    );
    let deep = format!("({}", "(".repeat(5_000));
    write("profil", "imbrication.ron", deep.as_bytes());
}

/// The harness's fast zip writer (`fuzz_support::zipgen`) writes archives
/// that the zip reader the importers use opens, with the right sizes and
/// CRC-32: a mutant refused for a bad checksum would test nothing.
#[test]
fn fast_zip_writer_round_trips() {
    use fuzz_support::zipgen::{Segment, write_zip};
    let mut rng = Rng::new(16);
    for round in 0..40 {
        let unit: Vec<u8> = (0..1 + rng.below(if round % 2 == 0 { 3 } else { 5_000 }))
            .map(|_| b'a' + rng.below(26) as u8)
            .collect();
        let len = *rng.pick(&[0usize, 1, 4_095, 262_144, 262_145, 3_000_001]);
        let head: Vec<u8> = (0..rng.below(2_000)).map(|_| rng.next() as u8).collect();
        let mut expected = head.clone();
        expected.extend(unit.repeat(len.div_ceil(unit.len())).into_iter().take(len));
        expected.extend_from_slice(b"</t></si>");
        let mut s = Segment::of(&head);
        s.push(&Segment::run(&unit, len));
        s.push(&Segment::of(b"</t></si>"));
        let big = s.entry();
        let small = Segment::of(b"<x/>").entry();
        let zip = write_zip(&[("a.xml", &small), ("b/c.xml", &big)]);
        let entries = mutate::unzip(&zip).expect("the archive opens");
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0], ("a.xml".to_string(), b"<x/>".to_vec()));
        assert_eq!(entries[1].0, "b/c.xml");
        assert!(entries[1].1 == expected, "round {round}: content differs");
    }
}
