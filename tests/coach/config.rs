//! Settings precedence: a flag wins over an environment variable, which wins over the config
//! file, which wins over the built-in default.

use predicates::prelude::*;

use super::{Sandbox, edited};

/// A behavioral rubric with its own id, so `rubric show` says which one is in use.
fn rubric(sb: &Sandbox, id: &str) -> std::path::PathBuf {
    sb.write(
        &format!("r/{id}.toml"),
        edited(
            "rubrics/behavioral.toml",
            "id = \"behavioral\"",
            &format!("id = \"{id}\""),
        ),
    )
}

/// The first line of `rubric show --effective`: which rubric is in use.
fn shown_rubric(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd
        .args(["rubric", "show", "--effective"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn rubric_flag_beats_env_beats_config_beats_default() {
    let sb = Sandbox::new();
    let from_config = rubric(&sb, "from-config");
    let from_env = rubric(&sb, "from-env");
    let from_flag = rubric(&sb, "from-flag");
    let config = sb.write(
        "cfg/config.toml",
        format!("rubric = {:?}\n", from_config.display().to_string()),
    );

    let mut c = sb.cmd();
    assert!(shown_rubric(&mut c).starts_with("# rubric `behavioral`"));

    let mut c = sb.cmd();
    c.env("STARCOACH_CONFIG", &config);
    assert!(shown_rubric(&mut c).starts_with("# rubric `from-config`"));

    let mut c = sb.cmd();
    c.env("STARCOACH_CONFIG", &config)
        .env("STARCOACH_RUBRICS", &from_env);
    assert!(shown_rubric(&mut c).starts_with("# rubric `from-env`"));

    let mut c = sb.cmd();
    c.env("STARCOACH_CONFIG", &config)
        .env("STARCOACH_RUBRICS", &from_env)
        .arg("--rubric")
        .arg(&from_flag);
    assert!(shown_rubric(&mut c).starts_with("# rubric `from-flag`"));
}

#[test]
fn name_and_colour_follow_the_same_order() {
    let sb = Sandbox::new();
    let config = sb.write(
        "cfg/config.toml",
        "name = \"Config Name\"\ncolor = \"always\"\n",
    );
    sb.cmd()
        .env("STARCOACH_CONFIG", &config)
        .arg("config")
        .assert()
        .success()
        .stdout(predicate::str::contains("Config Name"))
        .stdout(predicate::str::contains("from the config file"));
    sb.cmd()
        .env("STARCOACH_CONFIG", &config)
        .env("STARCOACH_NAME", "Env Name")
        .arg("config")
        .assert()
        .success()
        .stdout(predicate::str::contains("Env Name"))
        .stdout(predicate::str::contains("from STARCOACH_NAME"));
    sb.cmd()
        .env("STARCOACH_CONFIG", &config)
        .env("STARCOACH_NAME", "Env Name")
        .args(["--name", "Flag Name", "config"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Flag Name"))
        .stdout(predicate::str::contains("from --name"));

    // color = "always" in the config colours even a pipe; the flag and the variable win.
    sb.write("answer.txt", super::MIDDLE);
    let analyze = |c: &mut assert_cmd::Command| {
        c.env("STARCOACH_CONFIG", &config)
            .args(["analyze", "answer.txt"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    assert!(analyze(&mut sb.cmd()).contains(&0x1b));
    assert!(!analyze(sb.cmd().env("STARCOACH_COLOR", "never")).contains(&0x1b));
    assert!(!analyze(sb.cmd().args(["--color", "never"])).contains(&0x1b));
    assert!(
        analyze(
            sb.cmd()
                .env("STARCOACH_COLOR", "never")
                .args(["--color", "always"])
        )
        .contains(&0x1b)
    );
}

#[test]
fn the_config_file_is_found_in_xdg_config_home_and_banks_load_from_it() {
    let sb = Sandbox::new();
    sb.write(
        "xdg/starcoach/config.toml",
        "banks = [\"../../mybank.toml\"]\n",
    );
    sb.write(
        "mybank.toml",
        "[bank]\nid = \"mine\"\ntitle = \"Mine\"\nsource = \"coach\"\n\n[[question]]\nid = \"coach-own-question\"\ntext = \"Tell me about a time you helped a colleague.\"\nkind = \"behavioral\"\n",
    );
    sb.cmd()
        .env_remove("STARCOACH_CONFIG")
        .env("XDG_CONFIG_HOME", sb.path("xdg"))
        .args(["questions", "show", "coach-own-question"])
        .assert()
        .success()
        .stdout(predicate::str::contains("helped a colleague"));
}

#[test]
fn a_bad_config_file_is_located_and_a_missing_named_one_is_an_error() {
    let sb = Sandbox::new();
    let bad = sb.write("bad.toml", "name = \"x\"\nrubrik = \"y\"\n");
    sb.cmd()
        .env("STARCOACH_CONFIG", &bad)
        .arg("questions")
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "bad.toml:2:1: unknown field `rubrik`",
        ));
    sb.cmd()
        .env("STARCOACH_CONFIG", sb.path("nope.toml"))
        .arg("questions")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no such config file (named by STARCOACH_CONFIG)",
        ));
}
