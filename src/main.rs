//! The `starcoach` binary: everything lives in the library (`starcoach::cli`).

fn main() -> std::process::ExitCode {
    starcoach::cli::main()
}
