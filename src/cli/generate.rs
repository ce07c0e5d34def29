//! Shell completions and the man pages, generated from the clap definition.

use std::path::Path;

use clap::CommandFactory;

use super::{Cli, EXIT_OK, Outcome, out_raw};
use crate::error::Error;

pub fn completions(shell: clap_complete::Shell) -> Outcome {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "starcoach", &mut buf);
    out_raw(&String::from_utf8_lossy(&buf))?;
    Ok(EXIT_OK)
}

/// The command as the man pages show it: built (so subcommands know their full names,
/// `starcoach-drill-list`), without the `help` subcommand, which has no page of its own.
fn command() -> clap::Command {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    cmd
}

fn render(man: &clap_mangen::Man, what: &str) -> Result<Vec<u8>, Error> {
    let mut buf = Vec::new();
    man.render(&mut buf).map_err(|e| Error::io(what, e))?;
    Ok(buf)
}

/// `starcoach man`: the main page on stdout; `--dir DIR`: every page written into `DIR`.
pub fn man(dir: Option<&Path>) -> Outcome {
    let cmd = command();
    match dir {
        None => {
            let page = main_page(&cmd)?;
            out_raw(&String::from_utf8_lossy(&page))?;
        }
        Some(dir) => {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir.display().to_string(), e))?;
            let mut written = Vec::new();
            write_pages(&cmd, dir, &mut written)?;
            super::note(&format!(
                "wrote {} man pages to {} (starcoach.1 and one per subcommand)",
                written.len(),
                dir.display()
            ));
        }
    }
    Ok(EXIT_OK)
}

/// The main page alone: its list of subcommands names them as commands (`starcoach grade`)
/// rather than as pages (`starcoach-grade(1)`) that a single printed page does not come with,
/// and says how to get those pages.
fn main_page(cmd: &clap::Command) -> Result<Vec<u8>, Error> {
    let man = clap_mangen::Man::new(cmd.clone());
    let what = "<man page>";
    let mut buf = Vec::new();
    let io = |e| Error::io(what, e);
    man.render_title(&mut buf).map_err(io)?;
    man.render_name_section(&mut buf).map_err(io)?;
    man.render_synopsis_section(&mut buf).map_err(io)?;
    man.render_description_section(&mut buf).map_err(io)?;
    man.render_options_section(&mut buf).map_err(io)?;
    buf.extend_from_slice(b".SH SUBCOMMANDS\n");
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        buf.extend_from_slice(
            format!(
                ".TP\n{}\n",
                roff_text(&format!("starcoach {}", sub.get_name()))
            )
            .as_bytes(),
        );
        if let Some(about) = sub.get_about() {
            buf.extend_from_slice(format!("{}\n", roff_text(&about.to_string())).as_bytes());
        }
    }
    buf.extend_from_slice(
        format!(
            ".PP\n{}\n",
            roff_text(
                "Each subcommand has its own page, and its --help. \
                 starcoach man --dir DIR writes them all (starcoach.1, starcoach-grade.1, ...)."
            )
        )
        .as_bytes(),
    );
    man.render_extra_section(&mut buf).map_err(io)?;
    man.render_version_section(&mut buf).map_err(io)?;
    Ok(buf)
}

/// Text for a roff line: backslashes and dashes escaped, and never a leading `.` or `'`
/// (which roff would read as a request).
fn roff_text(s: &str) -> String {
    let t = s.replace('\\', "\\e").replace('-', "\\-");
    if t.starts_with(['.', '\'']) {
        format!("\\&{t}")
    } else {
        t
    }
}

/// Writes `cmd`'s page and those of its subcommands, depth first, each replaced atomically.
fn write_pages(
    cmd: &clap::Command,
    dir: &Path,
    written: &mut Vec<std::path::PathBuf>,
) -> Result<(), Error> {
    let man = clap_mangen::Man::new(cmd.clone());
    let path = dir.join(man.get_filename());
    let page = render(&man, &path.display().to_string())?;
    crate::files::write_atomic(&path, &page)?;
    written.push(path);
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_pages(sub, dir, written)?;
    }
    Ok(())
}
