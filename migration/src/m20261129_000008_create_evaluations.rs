//! `evaluation_period`, `evaluation`, `third_party_rating`.

use sea_orm_migration::{prelude::*, schema::*};

use crate::support::{fk, index, unique_index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("evaluation_period")
                    .col(pk_auto("id"))
                    .col(string_len("name", 100))
                    .col(integer("year"))
                    .col(date("starts_on"))
                    .col(date("ends_on"))
                    .col(timestamp_with_time_zone("created_at"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(unique_index("evaluation_period", &["name"])).await?;
        manager.create_index(index("evaluation_period", &["year"])).await?;
        manager
            .create_table(
                Table::create()
                    .table("evaluation")
                    .col(pk_auto("id"))
                    .col(integer("period_id"))
                    .col(integer("unit_id"))
                    .col(integer("score_centi"))
                    .col(string_len("grade", 32))
                    .col(text("breakdown"))
                    .col(string_len_null("third_party_grade", 32))
                    .col(boolean("published"))
                    .col(timestamp_with_time_zone("computed_at"))
                    .col(timestamp_with_time_zone_null("published_at"))
                    .foreign_key(&mut fk("evaluation", "period_id", "evaluation_period"))
                    .foreign_key(&mut fk("evaluation", "unit_id", "unit"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(unique_index("evaluation", &["period_id", "unit_id"])).await?;
        manager.create_index(index("evaluation", &["grade"])).await?;
        manager.create_index(index("evaluation", &["unit_id"])).await?;
        manager
            .create_table(
                Table::create()
                    .table("third_party_rating")
                    .col(pk_auto("id"))
                    .col(string_len("firm", 200))
                    .col(integer("unit_id"))
                    .col(integer("period_id"))
                    .col(string_len("grade", 32))
                    .col(string_len("report_reference", 300))
                    .col(timestamp_with_time_zone_null("published_at"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(&mut fk("third_party_rating", "unit_id", "unit"))
                    .foreign_key(&mut fk("third_party_rating", "period_id", "evaluation_period"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(unique_index("third_party_rating", &["firm", "unit_id", "period_id"])).await?;
        manager.create_index(index("third_party_rating", &["unit_id"])).await?;
        manager.create_index(index("third_party_rating", &["period_id"])).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("third_party_rating").to_owned()).await?;
        manager.drop_table(Table::drop().table("evaluation").to_owned()).await?;
        manager.drop_table(Table::drop().table("evaluation_period").to_owned()).await?;
        Ok(())
    }
}
