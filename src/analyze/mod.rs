//! Text analysis of an answer: sentences first, then what the detectors find in them.

pub mod quantity;
pub mod segment;
