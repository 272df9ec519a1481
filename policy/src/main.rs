//! `inzage-policy FILE`: runs a scenario file and prints the report. Reads the file and prints;
//! everything else is in the library (`inzage_policy::execute`).

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = match args.as_slice() {
        [flag] if flag == "-h" || flag == "--help" => {
            print!("{}", inzage_policy::USAGE);
            return ExitCode::SUCCESS;
        }
        [path] => path,
        _ => {
            eprint!("{}", inzage_policy::USAGE);
            return ExitCode::from(inzage_policy::EXIT_INVALID_INPUT);
        }
    };
    let source = match std::fs::read_to_string(path) {
        Ok(source) => source,
        Err(error) => {
            eprintln!("{path}: cannot read: {error}");
            return ExitCode::from(inzage_policy::EXIT_INVALID_INPUT);
        }
    };
    let execution = inzage_policy::execute(path, &source);
    let printed = std::io::stdout()
        .lock()
        .write_all(execution.stdout.as_bytes())
        .and_then(|()| std::io::stdout().flush());
    eprint!("{}", execution.stderr);
    if let Err(error) = printed {
        eprintln!("{path}: cannot print the report: {error}");
        return ExitCode::from(inzage_policy::EXIT_INVALID_INPUT);
    }
    ExitCode::from(execution.code)
}
