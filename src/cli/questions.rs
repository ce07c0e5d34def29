//! `starcoach questions`: list, filter, search and show practice questions.

use super::args::{ListFormat, QuestionsAction, QuestionsArgs};
use super::{EXIT_ATTENTION, EXIT_OK, Global, Outcome, out};
use crate::bank::{Catalog, Filter, Question};
use crate::feedback::markup::{Markup, Role};
use crate::prose::{shorten, terminal_width, wrap};

pub fn run(g: &Global, q: QuestionsArgs) -> Outcome {
    let catalog = g.catalog()?;
    match q.action {
        Some(QuestionsAction::Show {
            id,
            format,
            examples,
        }) => show(g, &catalog, &id, format, examples),
        Some(QuestionsAction::Tags) => {
            let mut s = String::new();
            for (tag, n) in catalog.tags() {
                s.push_str(&format!("{tag:<26} {n}\n"));
            }
            out(&s)?;
            Ok(EXIT_OK)
        }
        None => list(g, &catalog, &q),
    }
}

fn list(g: &Global, catalog: &Catalog, q: &QuestionsArgs) -> Outcome {
    let filter = Filter {
        kinds: q.kinds.clone(),
        tags: q.tags.clone(),
        sources: q.sources.clone(),
        search: q
            .search
            .iter()
            .flat_map(|w| w.split_whitespace().map(str::to_string))
            .collect(),
    };
    let found: Vec<&Question> = catalog.filter(&filter).collect();
    if q.format == ListFormat::Json {
        out(&format!(
            "{}\n",
            serde_json::to_string_pretty(&found).expect("questions serialize")
        ))?;
        return Ok(if found.is_empty() {
            EXIT_ATTENTION
        } else {
            EXIT_OK
        });
    }
    if found.is_empty() {
        // Like grep: finding nothing is an answer (exit 1), as with --format json.
        eprintln!("no questions match these filters (see `starcoach questions tags` for the tags)");
        return Ok(EXIT_ATTENTION);
    }
    out(&table(&found, terminal_width()).render(g.color_stdout()))?;
    Ok(EXIT_OK)
}

/// One line per question: id, kind, tags, text cut to the width.
pub fn table(found: &[&Question], width: usize) -> Markup {
    let id_w = found.iter().map(|q| q.id.len()).max().unwrap_or(10).min(40);
    let show_tags = width >= 100;
    let mut m = Markup::new();
    for q in found {
        let tags = shorten(&q.tags.join(","), 24);
        let used = id_w + 2 + 12 + if show_tags { 26 } else { 0 };
        let text_w = width.saturating_sub(used).max(20);
        m.push(Role::Accent, format!("{:<id_w$}", q.id))
            .plain("  ")
            .push(Role::Dim, format!("{:<12}", q.kind.as_str()));
        if show_tags {
            m.push(Role::Dim, format!("{tags:<26}"));
        }
        m.plain(shorten(&q.text, text_w)).nl();
    }
    m
}

fn show(g: &Global, catalog: &Catalog, id: &str, format: ListFormat, examples: bool) -> Outcome {
    let q = catalog.require(id)?;
    if format == ListFormat::Json {
        out(&format!(
            "{}\n",
            serde_json::to_string_pretty(q).expect("question serializes")
        ))?;
        return Ok(EXIT_OK);
    }
    out(&details(q, terminal_width(), examples).render(g.color_stdout()))?;
    Ok(EXIT_OK)
}

/// Everything about a question, for people.
pub fn details(q: &Question, width: usize, full_examples: bool) -> Markup {
    let w = width.clamp(40, 100);
    let mut m = Markup::new();
    m.push(Role::Accent, q.id.clone())
        .push(
            Role::Dim,
            format!("  ({} · {} · {})", q.kind, q.bank, q.source),
        )
        .nl();
    for line in wrap(&q.text, w) {
        m.push(Role::Heading, line).nl();
    }
    m.nl();
    if let Some(c) = &q.category {
        m.push(Role::Dim, "Category: ").plain(c.clone()).nl();
    }
    m.push(Role::Dim, "Tags: ").plain(q.tags.join(", ")).nl();
    if let Some(h) = &q.hint {
        bullet_block(&mut m, "Hint", std::slice::from_ref(h), w);
    }
    if let Some(l) = &q.looks_for {
        bullet_block(
            &mut m,
            "What the interviewer listens for",
            std::slice::from_ref(l),
            w,
        );
    }
    if !q.areas.is_empty() {
        m.nl().push(Role::Heading, "Cover these").nl();
        for a in &q.areas {
            indent(&mut m, "  - ", &a.text, w, Role::Plain);
            m.push(
                Role::Dim,
                format!("      words that show it: {}", a.keywords.join(", ")),
            )
            .nl();
        }
    }
    if !q.follow_ups.is_empty() {
        m.nl().push(Role::Heading, "Follow-up questions").nl();
        for f in &q.follow_ups {
            indent(
                &mut m,
                "  - ",
                &format!("{} [{}]", f.text, f.probes),
                w,
                Role::Plain,
            );
        }
    }
    if !q.tips.is_empty() {
        m.nl().push(Role::Heading, "Tips").nl();
        for t in &q.tips {
            indent(&mut m, "  - ", t, w, Role::Plain);
        }
    }
    if !q.examples.is_empty() {
        m.nl();
        if full_examples {
            for e in &q.examples {
                m.push(Role::Heading, format!("Example: {}", e.title)).nl();
                for para in e.text.split("\n\n") {
                    for line in para.lines() {
                        indent(&mut m, "  ", line, w, Role::Quote);
                    }
                }
                m.nl();
            }
        } else {
            m.push(
                Role::Dim,
                format!(
                    "{} example answer{} (show them with --examples)",
                    q.examples.len(),
                    if q.examples.len() == 1 { "" } else { "s" }
                ),
            )
            .nl();
        }
    }
    m
}

fn bullet_block(m: &mut Markup, title: &str, lines: &[String], w: usize) {
    m.nl().push(Role::Heading, title).nl();
    for l in lines {
        indent(m, "  ", l, w, Role::Plain);
    }
}

fn indent(m: &mut Markup, first: &str, text: &str, w: usize, role: Role) {
    let pad = " ".repeat(first.chars().count());
    for (i, line) in wrap(text, w.saturating_sub(pad.len()))
        .into_iter()
        .enumerate()
    {
        m.plain(if i == 0 {
            first.to_string()
        } else {
            pad.clone()
        })
        .push(role, line)
        .nl();
    }
}
