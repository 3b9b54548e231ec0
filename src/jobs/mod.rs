//! Background work: delivery of the platform outbox.

pub mod platform_push;
