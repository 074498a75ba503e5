//! The `stele` binary: parse arguments, run a command, turn the outcome into an exit code.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
