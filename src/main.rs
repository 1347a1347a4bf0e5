//! `cluster-dossier`: the desktop wizard, or a headless command (see `--help`).

fn main() -> std::process::ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    cluster_dossier::cli::main(args)
}
