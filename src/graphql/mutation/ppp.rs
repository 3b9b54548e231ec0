//! `createPppProject`, `advancePppStage`, `assignPppStageResponsible`, `recordPppBreach` (plan
//! task 3.2): stages move forward one at a time; one responsible official per stage at a time,
//! from the government-side unit's subtree, the trail kept; a breach lays a record on the unit and
//! on the official responsible for the stage that day.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};

use crate::{
    error::AppResult,
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        scalars::{Date, Decimal},
        types::{
            ppp_project::{PppProject, PppStage, PppStageAssignment},
            record_enums::Severity,
            CreditRecord,
        },
    },
    service::ppp::{self, Assignment, Breach, NewProject},
};

/// A PPP project as agreed.
#[derive(InputObject)]
pub struct CreatePppProjectInput {
    /// The government-side unit (a clerk: one of its own units).
    pub unit_id: ID,
    /// The project number (unique, at most 50 characters).
    pub project_number: String,
    /// The project's name (at most 300 characters).
    pub name: String,
    /// The total investment, in yuan (more than 0).
    pub total_investment: Decimal,
    /// The social capital partner (at most 200 characters).
    pub partner_name: String,
    /// The partner's USCC; one that fails GB 32100 is kept and flagged.
    pub partner_uscc: Option<String>,
}

/// A move to the next stage.
#[derive(InputObject)]
pub struct AdvancePppStageInput {
    /// The project.
    pub id: ID,
    /// The version you read; a stale one is refused with `CONFLICT`.
    pub version: i32,
    /// The stage right after the project's own; any other is `INVALID_TRANSITION`.
    pub stage: PppStage,
}

/// An official made responsible for a stage.
#[derive(InputObject)]
pub struct AssignPppStageResponsibleInput {
    /// The project.
    pub project_id: ID,
    /// The stage.
    pub stage: PppStage,
    /// The official: serving, in the government-side unit or a unit under it.
    pub official_id: ID,
    /// The first day they answer for it (not in the future, after the stage's trail so far);
    /// the stage's current responsible official's term ends the day before.
    pub from_on: Date,
}

/// A breach of a project.
#[derive(InputObject)]
pub struct RecordPppBreachInput {
    /// The project.
    pub project_id: ID,
    /// The stage the breach happened in (one the project has reached).
    pub stage: PppStage,
    /// The day it happened (not in the future; someone must have answered for the stage that day).
    pub occurred_on: Date,
    /// What happened (the records' facts, at most 10000 characters).
    pub facts: String,
    /// The records' severity (default GENERAL).
    pub severity: Option<Severity>,
}

/// The project as saved.
#[derive(SimpleObject)]
pub struct PppProjectPayload {
    /// The project.
    pub project: PppProject,
}

/// The project and its new assignment.
#[derive(SimpleObject)]
pub struct AssignPppStageResponsiblePayload {
    /// The project.
    pub project: PppProject,
    /// The new assignment.
    pub assignment: PppStageAssignment,
}

/// The records a breach made.
#[derive(SimpleObject)]
pub struct RecordPppBreachPayload {
    /// The project.
    pub project: PppProject,
    /// The government-side unit's CONTRACT_BREACH record (SHARED).
    pub unit_record: CreditRecord,
    /// The responsible official's CONTRACT_BREACH record (RESTRICTED).
    pub official_record: CreditRecord,
}

#[derive(Default)]
pub struct PppMutation;

#[Object]
impl PppMutation {
    /// Enters a PPP project in PREPARATION (a unit clerk for its own units, 财政局 or the credit
    /// office for any). Audited.
    #[graphql(visible = "crate::graphql::visibility::keep_sector_projects")]
    async fn create_ppp_project(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The project.")] input: CreatePppProjectInput,
    ) -> AppResult<PppProjectPayload> {
        let new = NewProject {
            unit_id: expect_id(&input.unit_id, NodeType::Unit, "input.unitId")?,
            project_number: input.project_number,
            name: input.name,
            total_investment_fen: input.total_investment.to_fen("input.totalInvestment")?,
            partner_name: input.partner_name,
            partner_uscc: input.partner_uscc,
        };
        let row = ppp::create(ctx.state()?, &ctx.actor()?, new).await?;
        Ok(PppProjectPayload { project: PppProject(row) })
    }

    /// Moves a project to the next stage: PREPARATION → BIDDING → PROCUREMENT → FINANCING →
    /// IMPLEMENTATION → HANDOVER, never back or past one. Audited.
    #[graphql(visible = "crate::graphql::visibility::keep_sector_projects")]
    async fn advance_ppp_stage(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The move.")] input: AdvancePppStageInput,
    ) -> AppResult<PppProjectPayload> {
        let id = expect_id(&input.id, NodeType::PppProject, "input.id")?;
        let row = ppp::advance(ctx.state()?, &ctx.actor()?, id, input.version, input.stage.into()).await?;
        Ok(PppProjectPayload { project: PppProject(row) })
    }

    /// Makes an official responsible for a stage (one at a time; the previous one's term ends and
    /// stays in `responsibilityTrail`). Audited.
    #[graphql(visible = "crate::graphql::visibility::keep_sector_projects")]
    async fn assign_ppp_stage_responsible(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The assignment.")] input: AssignPppStageResponsibleInput,
    ) -> AppResult<AssignPppStageResponsiblePayload> {
        let new = Assignment {
            project_id: expect_id(&input.project_id, NodeType::PppProject, "input.projectId")?,
            stage: input.stage.into(),
            official_id: expect_id(&input.official_id, NodeType::Official, "input.officialId")?,
            from_on: input.from_on.0,
        };
        let (project, assignment) = ppp::assign_responsible(ctx.state()?, &ctx.actor()?, new).await?;
        Ok(AssignPppStageResponsiblePayload {
            project: PppProject(project),
            assignment: PppStageAssignment(assignment),
        })
    }

    /// Records a breach (纳入项目政府方责任人信用记录): a CONTRACT_BREACH record (sector PPP) of
    /// the government-side unit and one of the official responsible for the stage that day, both
    /// linked to the project, in one transaction. Audited.
    #[graphql(visible = "crate::graphql::visibility::keep_sector_projects")]
    async fn record_ppp_breach(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The breach.")] input: RecordPppBreachInput,
    ) -> AppResult<RecordPppBreachPayload> {
        let breach = Breach {
            project_id: expect_id(&input.project_id, NodeType::PppProject, "input.projectId")?,
            stage: input.stage.into(),
            occurred_on: input.occurred_on.0,
            facts: input.facts,
            severity: input.severity.map(Into::into).unwrap_or(entity::enums::Severity::General),
        };
        let made = ppp::record_breach(ctx.state()?, &ctx.actor()?, breach).await?;
        Ok(RecordPppBreachPayload {
            project: PppProject(made.project),
            unit_record: CreditRecord(made.unit_record),
            official_record: CreditRecord(made.official_record),
        })
    }
}
