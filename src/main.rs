//! `cluster-dossier`: the desktop wizard when the arguments are nothing or
//! one file, else a headless command (see `--help`). This is the only place
//! that knows both front ends.

fn main() -> std::process::ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    match cluster_dossier::cli::wizard_file(&args) {
        Some(file) => cluster_dossier::ui::run(file),
        None => cluster_dossier::cli::main(args),
    }
}
