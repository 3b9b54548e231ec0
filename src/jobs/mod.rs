//! Background work: delivery of the platform outbox, and the deadline sweep.

pub mod deadline_sweep;
pub mod platform_push;
