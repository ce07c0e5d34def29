//! The order questions are asked in: the ones asked for by id first, then a varied mix (kinds
//! and banks alternate) without repeats, shuffled by a seed so a run can be repeated.

use crate::bank::{Catalog, Filter, Question};

pub use crate::rng::Rng;

/// A seed from the clock, for when the user gives none.
pub fn clock_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0)
}

/// `first` in order, then the rest of the filtered questions mixed: shuffled within each kind,
/// then taken from the kinds in turn so neighbours differ.
pub fn draw<'a>(
    catalog: &'a Catalog,
    filter: &'a Filter,
    first: Vec<&'a Question>,
    seed: u64,
) -> Vec<&'a Question> {
    let mut rng = Rng::new(seed);
    let mut groups: Vec<(crate::bank::Kind, Vec<&'a Question>)> = Vec::new();
    for q in catalog.filter(filter) {
        if first.iter().any(|f| f.id == q.id) {
            continue;
        }
        match groups.iter_mut().find(|(k, _)| *k == q.kind) {
            Some((_, g)) => g.push(q),
            None => groups.push((q.kind, vec![q])),
        }
    }
    for (_, g) in &mut groups {
        rng.shuffle(g);
    }
    rng.shuffle(&mut groups);
    // Behavioral questions are the heart of practice: give them every other turn.
    let mut out = first;
    let mut turn = 0usize;
    while groups.iter().any(|(_, g)| !g.is_empty()) {
        let behavioral = groups
            .iter()
            .position(|(k, g)| *k == crate::bank::Kind::Behavioral && !g.is_empty());
        let pick = if turn % 2 == 0 {
            behavioral.or_else(|| groups.iter().position(|(_, g)| !g.is_empty()))
        } else {
            let others: Vec<usize> = (0..groups.len())
                .filter(|&i| {
                    groups[i].0 != crate::bank::Kind::Behavioral && !groups[i].1.is_empty()
                })
                .collect();
            if others.is_empty() {
                behavioral
            } else {
                Some(others[(turn / 2) % others.len()])
            }
        };
        let Some(i) = pick else { break };
        if let Some(q) = groups[i].1.pop() {
            out.push(q);
        }
        turn += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_order_and_no_repeats() {
        let c = Catalog::embedded().unwrap();
        let f = Filter::default();
        let a: Vec<&str> = draw(&c, &f, Vec::new(), 7)
            .iter()
            .map(|q| q.id.as_str())
            .collect();
        let b: Vec<&str> = draw(&c, &f, Vec::new(), 7)
            .iter()
            .map(|q| q.id.as_str())
            .collect();
        assert_eq!(a, b);
        let mut sorted = a.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), a.len());
        assert_eq!(a.len(), c.len());
        let other: Vec<&str> = draw(&c, &f, Vec::new(), 8)
            .iter()
            .map(|q| q.id.as_str())
            .collect();
        assert_ne!(a, other);
    }

    #[test]
    fn requested_questions_come_first() {
        let c = Catalog::embedded().unwrap();
        let q = c.get("tell-me-about-yourself").unwrap();
        let filter = Filter::default();
        let order = draw(&c, &filter, vec![q], 1);
        assert_eq!(order[0].id, "tell-me-about-yourself");
        assert_eq!(order.iter().filter(|x| x.id == q.id).count(), 1);
    }
}
