//! PPP projects (政府和社会资本合作, plan task 3.2): entered by the government-side unit's clerk,
//! the 财政局 or the credit office; moved forward stage by stage; each stage's responsible
//! official assigned from the government-side unit's subtree, the trail kept (项目责任回溯); a
//! breach laid, in one transaction, on the unit and on the official responsible for the stage on
//! that day (纳入项目政府方责任人信用记录).

use chrono::NaiveDate;
use entity::{
    credit_record,
    enums::{Disclosure, OfficialStatus, Polarity, PppStage, RecordCategory, Sector, Severity, SubjectType},
    official,
    ppp_project::{self, Column},
    ppp_stage_assignment, unit,
};
use sea_orm::{
    ActiveEnum, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    Set, TransactionTrait,
};
use serde_json::json;

use super::{scope, Actor};
use crate::{
    auth::policy::{may, Operation},
    domain::{ppp_rules as rules, record_rules::record_checks},
    error::{text_problem, AppError, AppResult, FieldChecks, Reason},
    ids::{public_id, NodeType},
    state::AppState,
    store::{
        audit::{write_audit, AuditEntry},
        record_writer::{write_new_record, NewRecord, WriteContext},
        versioned::{expect_version, insert_audited},
    },
};

/// A project as agreed.
pub struct NewProject {
    pub unit_id: i32,
    pub project_number: String,
    pub name: String,
    pub total_investment_fen: i64,
    pub partner_name: String,
    pub partner_uscc: Option<String>,
}

/// An official made responsible for a stage from a day on.
pub struct Assignment {
    pub project_id: i32,
    pub stage: PppStage,
    pub official_id: i32,
    pub from_on: NaiveDate,
}

/// A breach of a project in one of its stages.
pub struct Breach {
    pub project_id: i32,
    pub stage: PppStage,
    pub occurred_on: NaiveDate,
    pub facts: String,
    pub severity: Severity,
}

/// What a breach made: the unit's record and the responsible official's.
pub struct BreachRecords {
    pub project: ppp_project::Model,
    pub unit_record: credit_record::Model,
    pub official_record: credit_record::Model,
}

/// The project the actor is about to change (`PPP_PROJECT_NOT_FOUND` if they may not see it).
async fn project_to_keep(state: &AppState, actor: &Actor<'_>, id: i32) -> AppResult<ppp_project::Model> {
    may(actor.viewer, Operation::KeepSectorProjects)?;
    let project = ppp_project::Entity::find_by_id(id).one(&state.db).await?;
    let project = project.ok_or(AppError::NotFound(Reason::PppProjectNotFound))?;
    scope::sector_row_to_keep(state, actor, project.unit_id, Sector::Ppp, Reason::PppProjectNotFound).await?;
    Ok(project)
}

/// A project's trail, oldest first.
async fn trail(db: &DatabaseConnection, project: i32) -> AppResult<Vec<ppp_stage_assignment::Model>> {
    Ok(ppp_stage_assignment::Entity::find()
        .filter(ppp_stage_assignment::Column::ProjectId.eq(project))
        .order_by_asc(ppp_stage_assignment::Column::FromOn)
        .order_by_asc(ppp_stage_assignment::Column::Id)
        .all(db)
        .await?)
}

/// Enters a project in PREPARATION. A partner USCC that fails GB 32100 is kept and flagged.
pub async fn create(state: &AppState, actor: &Actor<'_>, new: NewProject) -> AppResult<ppp_project::Model> {
    may(actor.viewer, Operation::KeepSectorProjects)?;
    scope::may_keep_sector_row(state, actor, new.unit_id, Sector::Ppp).await?;
    let government = unit::Entity::find_by_id(new.unit_id).one(&state.db).await?;
    let number = new.project_number.trim().to_owned();
    let uscc = new.partner_uscc.as_deref().map(|u| u.trim().to_ascii_uppercase()).filter(|u| !u.is_empty());
    let mut checks = FieldChecks::new();
    checks
        .refuse_if(government.is_none(), "unitId", Reason::UnknownUnit)
        .note("projectNumber", text_problem(&number, 50))
        .note("name", text_problem(&new.name, 300))
        .note("partnerName", text_problem(&new.partner_name, 200))
        .note("partnerUscc", uscc.as_deref().and_then(|u| text_problem(u, 18)))
        .refuse_if(new.total_investment_fen <= 0, "totalInvestment", Reason::NotPositive);
    let taken = ppp_project::Entity::find().filter(Column::ProjectNumber.eq(number.as_str()));
    let number_taken = !checks.has("projectNumber") && taken.count(&state.db).await? > 0;
    checks.refuse_if(number_taken, "projectNumber", Reason::ProjectNumberTaken).finish()?;
    let row = ppp_project::ActiveModel {
        unit_id: Set(new.unit_id),
        project_number: Set(number),
        name: Set(new.name.trim().to_owned()),
        total_investment_fen: Set(new.total_investment_fen),
        partner_name: Set(new.partner_name.trim().to_owned()),
        partner_uscc: Set(uscc),
        stage: Set(PppStage::Preparation),
        version: Set(1),
        created_at: Set(actor.now),
        updated_at: Set(actor.now),
        ..Default::default()
    };
    super::insert_alone::<ppp_project::Entity>(state, actor, "ppp_project.create", row).await
}

/// Moves a project to the stage right after its own (`INVALID_TRANSITION` otherwise).
pub async fn advance(
    state: &AppState,
    actor: &Actor<'_>,
    id: i32,
    version: i32,
    to: PppStage,
) -> AppResult<ppp_project::Model> {
    let before = project_to_keep(state, actor, id).await?;
    expect_version(before.version, version)?;
    rules::check_advance(before.stage, to)?;
    let changed =
        ppp_project::Model { stage: to, version: before.version + 1, updated_at: actor.now, ..before.clone() };
    super::save_alone::<ppp_project::Entity>(state, actor, "ppp_project.advance_stage", &before, changed).await
}

/// Makes an official responsible for a stage from a day on; the stage's open assignment, if
/// any, ends the day before. Returns the project and the new assignment.
pub async fn assign_responsible(
    state: &AppState,
    actor: &Actor<'_>,
    new: Assignment,
) -> AppResult<(ppp_project::Model, ppp_stage_assignment::Model)> {
    let project = project_to_keep(state, actor, new.project_id).await?;
    let person = official::Entity::find_by_id(new.official_id).one(&state.db).await?;
    let trail = trail(&state.db, project.id).await?;
    let mut checks = FieldChecks::new();
    match &person {
        None => checks.refuse("officialId", Reason::UnknownOfficial),
        Some(person) if person.status != OfficialStatus::Active => {
            checks.refuse("officialId", Reason::OfficialNotServing)
        }
        Some(person) => {
            let serves = scope::unit_within(&state.db, project.unit_id, person.unit_id).await?;
            checks.refuse_if(!serves, "officialId", Reason::OfficialOutsideProjectUnit)
        }
    };
    let earliest = rules::earliest_start(&trail, new.stage);
    checks
        .refuse_if(new.from_on > state.clock.today(), "fromOn", Reason::DateInFuture)
        .refuse_if(
            earliest.is_some_and(|e| new.from_on < e),
            "fromOn",
            Reason::DateTooEarly { earliest: earliest.unwrap_or(new.from_on) },
        )
        .finish()?;
    let open = rules::responsible_now(&trail, new.stage).cloned();
    let at = actor.write_context(state);
    let txn = state.db.begin().await?;
    if let Some(open) = open {
        end_assignment(&txn, &at, open, new.from_on).await?;
    }
    let row = ppp_stage_assignment::ActiveModel {
        project_id: Set(project.id),
        stage: Set(new.stage),
        official_id: Set(new.official_id),
        from_on: Set(new.from_on),
        to_on: Set(None),
        created_at: Set(actor.now),
        ..Default::default()
    };
    let row = insert_audited::<ppp_stage_assignment::Entity, _>(&txn, &at, "ppp_stage_assignment.create", row).await?;
    txn.commit().await?;
    Ok((project, row))
}

/// Ends an open assignment the day before `next_from`, if it is still open (`CONFLICT` if
/// another assignment ended it first).
async fn end_assignment<C: ConnectionTrait>(
    db: &C,
    at: &WriteContext<'_>,
    open: ppp_stage_assignment::Model,
    next_from: NaiveDate,
) -> AppResult<()> {
    let to_on = next_from.pred_opt().unwrap_or(next_from);
    let ended = ppp_stage_assignment::Entity::update_many()
        .col_expr(ppp_stage_assignment::Column::ToOn, sea_orm::sea_query::Expr::value(to_on))
        .filter(ppp_stage_assignment::Column::Id.eq(open.id))
        .filter(ppp_stage_assignment::Column::ToOn.is_null())
        .exec(db)
        .await?;
    if ended.rows_affected != 1 {
        return Err(AppError::Conflict(Reason::ChangedMeanwhile));
    }
    let after = ppp_stage_assignment::Model { to_on: Some(to_on), ..open.clone() };
    let entry = AuditEntry {
        action: "ppp_stage_assignment.end",
        entity: "ppp_stage_assignment",
        entity_id: Some(public_id(NodeType::PppStageAssignment, open.id)),
        before: Some(json!(open)),
        after: Some(json!(after)),
    };
    Ok(write_audit(db, at.viewer, at.trace, at.now, entry).await?)
}

/// Records a breach: a CONTRACT_BREACH record (sector PPP) of the government-side unit and one
/// of the official responsible for the stage on that day, both linked to the project, in one
/// transaction. Nobody responsible that day is `NO_ONE_RESPONSIBLE`: assign first.
pub async fn record_breach(state: &AppState, actor: &Actor<'_>, breach: Breach) -> AppResult<BreachRecords> {
    let project = project_to_keep(state, actor, breach.project_id).await?;
    let today = state.clock.today();
    let trail = trail(&state.db, project.id).await?;
    let stage_name = breach.stage.to_value();
    let mut checks = FieldChecks::new();
    checks.refuse_if(
        !rules::reached(project.stage, breach.stage),
        "stage",
        Reason::StageNotReached { stage: stage_name.clone() },
    );
    let responsible = rules::responsible_on(&trail, breach.stage, breach.occurred_on);
    let official = match responsible {
        Some(a) => official::Entity::find_by_id(a.official_id).one(&state.db).await?,
        None => None,
    };
    if !checks.has("stage") && breach.occurred_on <= today {
        checks.refuse_if(
            official.is_none(),
            "occurredOn",
            Reason::NoOneResponsible { stage: stage_name, day: breach.occurred_on },
        );
    }
    let lead = scope::lead_department(&state.db, Sector::Ppp).await?;
    let unit_name = scope::unit_short_name(&state.db, project.unit_id).await?;
    let stage_words = stage_in_chinese(breach.stage);
    let record = |subject: SubjectType, unit_id: i32, official_id: Option<i32>, title: String| NewRecord {
        subject_type: subject,
        unit_id,
        official_id,
        polarity: Polarity::Dishonesty,
        category: RecordCategory::ContractBreach,
        sector: Sector::Ppp,
        severity: breach.severity,
        title,
        facts: breach.facts.trim().to_owned(),
        document_number: Some(project.project_number.clone()),
        deciding_authority: lead.as_ref().map(|u| u.name.clone()).unwrap_or_else(|| "德化县财政局".into()),
        occurred_on: breach.occurred_on,
        decided_on: today,
        disclosure: if subject == SubjectType::Unit { Disclosure::Shared } else { Disclosure::Restricted },
        recorded_by_unit_id: lead.as_ref().map(|u| u.id).unwrap_or(project.unit_id),
        sanction: None,
        source: Some(("ppp_project", project.id)),
    };
    let unit_record = record(
        SubjectType::Unit,
        project.unit_id,
        None,
        format!("{unit_name}在PPP项目“{}”{stage_words}阶段违约", project.name),
    );
    checks.absorb(record_checks(&unit_record.draft(), today).finish())?;
    checks.finish()?;
    let official = official.ok_or(AppError::Internal("the responsible official vanished".into()))?;
    let official_record = record(
        SubjectType::Official,
        official.unit_id,
        Some(official.id),
        format!("{}作为PPP项目“{}”{stage_words}阶段政府方责任人，项目违约", official.name, project.name),
    );
    let at = actor.write_context(state);
    let txn = state.db.begin().await?;
    let unit_record = write_new_record(&txn, &at, unit_record).await?;
    let official_record = write_new_record(&txn, &at, official_record).await?;
    txn.commit().await?;
    Ok(BreachRecords { project, unit_record, official_record })
}

/// A stage's name in a record's title.
fn stage_in_chinese(stage: PppStage) -> &'static str {
    match stage {
        PppStage::Preparation => "项目准备",
        PppStage::Bidding => "招标",
        PppStage::Procurement => "采购",
        PppStage::Financing => "融资",
        PppStage::Implementation => "建设运营",
        PppStage::Handover => "移交",
    }
}
