//! Small builders shared by the migrations, so every foreign key and index is named the same way.

use sea_orm_migration::prelude::*;

/// A foreign key `table.column → target.id`, named `fk_<table>_<column>`; deletes are refused.
pub fn fk(table: &'static str, column: &'static str, target: &'static str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{table}_{column}"))
        .from(table, column)
        .to(target, "id")
        .on_delete(ForeignKeyAction::Restrict)
        .on_update(ForeignKeyAction::Cascade)
        .to_owned()
}

/// A plain index on `columns`, named `idx_<table>_<columns…>`.
pub fn index(table: &'static str, columns: &[&'static str]) -> IndexCreateStatement {
    build(table, columns, "idx", false)
}

/// A unique index on `columns`, named `uq_<table>_<columns…>`.
pub fn unique_index(table: &'static str, columns: &[&'static str]) -> IndexCreateStatement {
    build(table, columns, "uq", true)
}

fn build(table: &'static str, columns: &[&'static str], prefix: &str, unique: bool) -> IndexCreateStatement {
    let mut statement = Index::create();
    statement.name(format!("{prefix}_{table}_{}", columns.join("_"))).table(table);
    for column in columns {
        statement.col(*column);
    }
    if unique {
        statement.unique();
    }
    statement.to_owned()
}
