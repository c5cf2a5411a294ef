use std::process::ExitCode;

fn main() -> ExitCode {
    cargo_migrate::cli::commands::main()
}
