//! Applying a rubric's `[levels.NAME]` tables: at a level, the merged rubric takes that
//! level's dimension weights, lexicons and rules (a rule replaces the one with its id, or is
//! added) and loses the rules it drops, base file first, so the file that extends wins.

use super::merge::Merged;
use super::*;

/// Checks the level tables of the chain (their names and the rule ids they drop, whatever the
/// level asked for) and applies the ones for `level`. Returns the level's note, from the
/// top-most file that has one.
pub(super) fn apply(
    m: &mut Merged,
    level: Option<Level>,
    srcs: &[Src],
) -> std::result::Result<Option<LevelNote>, Diagnostics> {
    let mut problems = Diagnostics::default();
    let levels = std::mem::take(&mut m.levels);
    for (name, _, file) in &levels {
        if name.get_ref().parse::<Level>().ok().map(Level::as_str) != Some(name.get_ref()) {
            let s = &srcs[*file];
            problems.push(
                Diagnostic::at(
                    &s.name,
                    &s.text,
                    name.span(),
                    format!("unknown level `{}`", name.get_ref()),
                )
                .with_help(
                    "name a level table [levels.entry], [levels.experienced] or [levels.senior]",
                ),
            );
        }
    }
    let mut note = None;
    for (name, raw, file) in levels {
        let applies = level.is_some_and(|l| l.as_str() == name.get_ref());
        for id in &raw.drop {
            let known = m.rules.iter().any(|(r, _)| r.id.get_ref() == id.get_ref())
                || raw.rules.iter().any(|r| r.id.get_ref() == id.get_ref());
            if !known {
                let s = &srcs[file];
                problems.push(
                    Diagnostic::at(
                        &s.name,
                        &s.text,
                        id.span(),
                        format!(
                            "[levels.{}] drops rule `{}`, which this rubric does not have",
                            name.get_ref(),
                            id.get_ref()
                        ),
                    )
                    .with_help("name a rule id of this rubric or of the one it extends"),
                );
            }
        }
        if !applies {
            continue;
        }
        for (k, v) in raw.dimensions {
            m.dimensions
                .insert(k.get_ref().clone(), (v, file, k.span()));
        }
        for (k, v) in raw.lexicons {
            m.lexicons.insert(k.into_inner(), (v, file));
        }
        for r in raw.rules {
            match m
                .rules
                .iter()
                .position(|(x, _)| x.id.get_ref() == r.id.get_ref())
            {
                Some(i) => m.rules[i] = (r, file),
                None => m.rules.push((r, file)),
            }
        }
        m.rules
            .retain(|(r, _)| !raw.drop.iter().any(|d| d.get_ref() == r.id.get_ref()));
        if let (Some(l), Some(text)) = (level, raw.note) {
            note = Some(LevelNote {
                level: l,
                note: text.trim().to_string(),
            });
        }
    }
    // A level no file describes is still named in the feedback.
    let note = note.or_else(|| {
        level.map(|l| LevelNote {
            level: l,
            note: String::new(),
        })
    });
    problems.into_result(note)
}
