//! Shell completions and the man page, generated from the clap definition.

use clap::CommandFactory;

use super::{Cli, EXIT_OK, Outcome, out_raw};

pub fn completions(shell: clap_complete::Shell) -> Outcome {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "starcoach", &mut buf);
    out_raw(&String::from_utf8_lossy(&buf))?;
    Ok(EXIT_OK)
}

pub fn man() -> Outcome {
    let mut buf = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut buf)
        .map_err(|e| crate::error::Error::io("<man page>", e))?;
    out_raw(&String::from_utf8_lossy(&buf))?;
    Ok(EXIT_OK)
}
