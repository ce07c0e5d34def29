//! Merging a chain of rubric files (base first, so the file that extends wins).

use super::*;

/// A lexicon's terms as read, with spans.
pub(super) type SpannedTerms = Spanned<Vec<Spanned<String>>>;

/// Everything that is merged from a chain of files, each item tagged with its file.
#[derive(Default)]
pub(super) struct Merged {
    pub(super) header: Option<(schema::RawHeader, usize)>,
    pub(super) dimensions: BTreeMap<String, (f64, usize, std::ops::Range<usize>)>,
    pub(super) bands: Vec<schema::RawBand>,
    pub(super) lexicons: BTreeMap<String, (SpannedTerms, usize)>,
    pub(super) labels: BTreeMap<Label, Vec<Spanned<String>>>,
    pub(super) labelling: Option<schema::RawLabelling>,
    pub(super) features: Option<(schema::RawFeatures, usize)>,
    pub(super) cues: Vec<(schema::RawCue, usize)>,
    pub(super) episode: Option<schema::RawEpisode>,
    pub(super) metrics: Option<(schema::RawMetrics, usize)>,
    pub(super) language: Option<(schema::RawLanguage, usize)>,
    pub(super) scoring: Option<schema::RawScoring>,
    pub(super) delivery: Option<schema::RawDelivery>,
    pub(super) feedback: Option<schema::RawFeedback>,
    pub(super) follow_ups: Vec<schema::RawFollowUp>,
    pub(super) rules: Vec<(RawRule, usize)>,
}

pub(super) fn merge(m: &mut Merged, raw: RawRubric, file: usize) {
    for (k, v) in raw.dimensions {
        m.dimensions
            .insert(k.get_ref().clone(), (v, file, k.span()));
    }
    if !raw.bands.is_empty() {
        m.bands = raw.bands;
    }
    for (k, v) in raw.lexicons {
        m.lexicons.insert(k.into_inner(), (v, file));
    }
    for (k, v) in raw.labels {
        m.labels.insert(k, v);
    }
    if let Some(l) = raw.labelling {
        let base = m.labelling.take().unwrap_or_default();
        let mut position = base.position;
        position.extend(l.position);
        m.labelling = Some(schema::RawLabelling {
            min_evidence: l.min_evidence.or(base.min_evidence),
            stay: l.stay.or(base.stay),
            forward: l.forward.or(base.forward),
            skip: l.skip.or(base.skip),
            backward: l.backward.or(base.backward),
            explicit_carry: l.explicit_carry.or(base.explicit_carry),
            secondary_min: l.secondary_min.or(base.secondary_min),
            position,
            own_evidence: l.own_evidence.or(base.own_evidence),
            unearned_share: l.unearned_share.or(base.unearned_share),
        });
    }
    if let Some(f) = raw.features {
        m.features = Some((f, file));
    }
    for c in raw.cues {
        m.cues.retain(|(x, _)| x.id.get_ref() != c.id.get_ref());
        m.cues.push((c, file));
    }
    if raw.episode.is_some() {
        m.episode = raw.episode;
    }
    if let Some(x) = raw.metrics {
        m.metrics = Some((x, file));
    }
    if let Some(l) = raw.language {
        m.language = Some((l, file));
    }
    if raw.scoring.is_some() {
        m.scoring = raw.scoring;
    }
    if raw.delivery.is_some() {
        m.delivery = raw.delivery;
    }
    if raw.feedback.is_some() {
        m.feedback = raw.feedback;
    }
    if !raw.follow_ups.is_empty() {
        let mut f = raw.follow_ups;
        f.extend(std::mem::take(&mut m.follow_ups));
        m.follow_ups = f;
    }
    for r in raw.rules {
        m.rules.retain(|(x, _)| x.id.get_ref() != r.id.get_ref());
        m.rules.push((r, file));
    }
    m.header = Some((raw.rubric, file));
}
