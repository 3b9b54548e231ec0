//! The API's object types, built from entity models (so no column leaks by accident).

pub mod enums;
pub mod node;
pub mod official;
pub mod plan_task;
pub mod unit;
pub mod viewer;

pub use node::Node;
pub use official::{Official, OfficialConnection};
pub use plan_task::{PlanTask, PlanTaskConnection};
pub use unit::{Unit, UnitConnection};
pub use viewer::ViewerInfo;
