//! Compiling the `[[cue]]` tables: what each cue is evidence for, how it finds it (a pattern,
//! a lexicon, a feature or a clause query), and where it counts.

use super::context::Ctx;
use super::sections::examples;
use super::*;
use crate::rubric::schema::OneOrMany;

/// Every cue of the merged rubric; problems are reported in `cx`.
pub(super) fn compile_cues(cx: &mut Ctx<'_>, raw: &[(RawCue, usize)]) -> Vec<Cue> {
    let mut cues = Vec::with_capacity(raw.len());
    for (c, file) in raw {
        let owner = format!("cue `{}`", c.id.get_ref());
        let target = match (c.label, c.episode) {
            (Some(l), None) => Some(CueTarget::Label(l)),
            (None, Some(e)) => Some(CueTarget::Episode(e)),
            _ => {
                cx.err(
                    *file,
                    c.id.span(),
                    format!("{owner} needs exactly one of `label` or `episode`"),
                    "say what the cue is evidence for, e.g. label = \"result\"",
                );
                None
            }
        };
        let matcher = matcher(cx, c, *file, &owner);
        if let (Some(target), Some(matcher)) = (target, matcher) {
            cues.push(Cue {
                id: c.id.get_ref().clone(),
                target,
                matcher,
                weight: c.weight,
                anchor: c.anchor,
                position: c.position,
                outside: c.outside.clone(),
                examples: examples(&c.examples),
                note: c.note.clone(),
                origin: cx.origin(*file, c.id.span()),
            });
        }
    }
    cues
}

/// How cue `c` finds its evidence: exactly one of `pattern`, `lexicon`, `feature`, `clause`.
fn matcher(cx: &mut Ctx<'_>, c: &RawCue, file: usize, owner: &str) -> Option<CueMatch> {
    match (&c.pattern, &c.lexicon, &c.feature, &c.clause) {
        (Some(p), None, None, None) => cx.regex(file, p, owner).map(CueMatch::Pattern),
        (None, Some(l), None, None) => cx.lexicon(file, l, owner).map(CueMatch::Lexicon),
        (None, None, Some(f), None) => match Feature::parse(f.get_ref()) {
            Some(x) => Some(CueMatch::Feature(x)),
            None => {
                cx.err(
                    file,
                    f.span(),
                    format!("{owner}: unknown feature `{}`", f.get_ref()),
                    &format!("use one of {}", Feature::NAMES.join(", ")),
                );
                None
            }
        },
        (None, None, None, Some(q)) => {
            // Problems with a lexicon name are reported at the cue's id (the names sit in an
            // inline table that keeps no positions of its own).
            let mut lex = |names: &OneOrMany<String>, key: &str| {
                names
                    .to_vec()
                    .into_iter()
                    .map(|n| {
                        let n = toml::Spanned::new(c.id.span(), n);
                        cx.lexicon(file, &n, &format!("{owner} clause {key}"))
                    })
                    .collect::<Option<Vec<_>>>()
            };
            let verbs = lex(&q.verbs, "verbs")?;
            let except_verbs = lex(&q.except_verbs, "except_verbs")?;
            Some(CueMatch::Clause(ClauseQuery {
                subjects: q.subject.to_vec(),
                tenses: q.tense.to_vec(),
                aux: q.aux.to_vec(),
                verbs,
                except_verbs,
                main: q.main,
            }))
        }
        _ => {
            cx.err(
                file,
                c.id.span(),
                format!("{owner} needs exactly one of `pattern`, `lexicon`, `feature` or `clause`"),
                "give the cue one way to find its evidence",
            );
            None
        }
    }
}
