//! `cluster-dossier`: a headless command when the arguments name one (see
//! `--help`), else the desktop wizard, with the file given if any. This is
//! the only place that knows both front ends.

fn main() -> std::process::ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    if cluster_dossier::cli::is_command(&args) {
        cluster_dossier::cli::main(args)
    } else {
        cluster_dossier::ui::run(args.into_iter().next().map(std::path::PathBuf::from))
    }
}
