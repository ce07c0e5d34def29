//! The mock interview: a realistic phone-screen sequence chosen from the banks (and a job ad's
//! asks), the feedback held back until the end, and the debrief.

pub mod choose;
pub mod closing;
pub mod debrief;
pub mod plan;
