//! `starcoach questions`: list, filter, search and show practice questions.

use super::args::{ListFormat, QuestionsAction, QuestionsArgs};
use super::{EXIT_ATTENTION, EXIT_OK, Global, Outcome, out, out_raw};
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
        out_raw(&format!(
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
        super::note(
            "no questions match these filters (see `starcoach questions tags` for the tags)",
        );
        return Ok(EXIT_ATTENTION);
    }
    out_raw(&table(&found, terminal_width()).render(g.color_stdout()))?;
    Ok(EXIT_OK)
}

/// The question list. Wide enough for an id, the kind and 50 columns of text: one line per
/// question (with the tags when there is room for them too). Narrower: the id, kind and tags on
/// one line and the question wrapped below it, indented, so the text is never cut to a stub.
pub fn table(found: &[&Question], width: usize) -> Markup {
    const KIND_W: usize = 12;
    const TAGS_W: usize = 26;
    const TEXT_MIN: usize = 50;
    let width = width.max(40);
    let id_w = found
        .iter()
        .map(|q| q.id.chars().count())
        .max()
        .unwrap_or(10);
    let rest = width.saturating_sub(id_w + 2 + KIND_W);
    let mut m = Markup::new();
    if rest >= TEXT_MIN {
        let show_tags = rest >= TEXT_MIN + TAGS_W;
        let text_w = rest - if show_tags { TAGS_W } else { 0 };
        for q in found {
            m.push(Role::Accent, format!("{:<id_w$}", q.id))
                .plain("  ")
                .push(Role::Dim, format!("{:<KIND_W$}", q.kind.as_str()));
            if show_tags {
                let tags = shorten(&q.tags.join(","), TAGS_W - 2);
                m.push(Role::Dim, format!("{tags:<TAGS_W$}"));
            }
            m.plain(shorten(&q.text, text_w)).nl();
        }
        return m;
    }
    // Pad the ids to line up the kinds only when id and kind fit the line together.
    let pad = if id_w + 2 + KIND_W <= width { id_w } else { 0 };
    for q in found {
        m.push(Role::Accent, format!("{:<pad$}", q.id))
            .plain("  ")
            .push(Role::Dim, q.kind.as_str());
        let used = pad.max(q.id.chars().count()) + 2 + q.kind.as_str().len();
        let room = width.saturating_sub(used + 3);
        if room >= 12 && !q.tags.is_empty() {
            m.push(
                Role::Dim,
                format!(" · {}", shorten(&q.tags.join(", "), room)),
            );
        }
        m.nl();
        for line in wrap(&q.text, width - 4) {
            m.plain("    ").plain(line).nl();
        }
    }
    m
}

fn show(g: &Global, catalog: &Catalog, id: &str, format: ListFormat, examples: bool) -> Outcome {
    let q = catalog.require(id)?;
    if format == ListFormat::Json {
        out_raw(&format!(
            "{}\n",
            serde_json::to_string_pretty(q).expect("question serializes")
        ))?;
        return Ok(EXIT_OK);
    }
    let source = catalog.source_title(q);
    out_raw(&details(q, source, terminal_width(), examples).render(g.color_stdout()))?;
    Ok(EXIT_OK)
}

/// Everything about a question, for people; `source` is where it comes from, in words
/// ([`Catalog::source_title`]).
pub fn details(q: &Question, source: &str, width: usize, full_examples: bool) -> Markup {
    let w = width.clamp(40, 100);
    let mut m = Markup::new();
    let about = format!("({} · bank {})", q.kind, q.bank);
    m.push(Role::Accent, q.id.clone());
    if q.id.chars().count() + 2 + about.chars().count() <= w {
        m.push(Role::Dim, format!("  {about}")).nl();
    } else {
        m.nl();
        indent(&mut m, "  ", &about, w, Role::Dim);
    }
    for line in wrap(&q.text, w) {
        m.push(Role::Heading, line).nl();
    }
    m.nl();
    m.push(Role::Dim, "Source: ").plain(source.to_string()).nl();
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
            indent(
                &mut m,
                "      ",
                &format!("words that show it: {}", a.keywords.join(", ")),
                w,
                Role::Dim,
            );
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
