//! `PppProject` PPP项目 and `PppStageAssignment` 项目责任回溯 (plan task 3.2).

use async_graphql::{Context, Enum, Object, SimpleObject, ID};
use entity::{ppp_project, ppp_stage_assignment};

use super::{CreditRecordConnection, Official, Unit};
use crate::{
    domain::{ppp_rules, uscc::validate_uscc},
    error::AppResult,
    graphql::{
        access,
        connection::connection_types,
        context::ContextExt,
        ids::{global_id, NodeType},
        loaders::RecordsOfPppProject,
        nested::{nested_page, NestedLoaders},
        scalars::{Date, DateTime, Decimal},
        types::CreditRecord,
    },
};

/// A stage of a PPP project, in the order a project goes through them.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::PppStage")]
pub enum PppStage {
    /// 项目识别与准备.
    Preparation,
    /// 招标.
    Bidding,
    /// 采购.
    Procurement,
    /// 融资.
    Financing,
    /// 建设运营.
    Implementation,
    /// 移交.
    Handover,
}

/// Where a stage stands for its project.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum PppStageProgress {
    /// Passed: the project has moved beyond it.
    Done,
    /// The project's stage now.
    Current,
    /// Not reached yet.
    Ahead,
}

/// One stage of a project: where it stands and who answers for it now.
#[derive(SimpleObject)]
pub struct PppStageState {
    /// The stage.
    pub stage: PppStage,
    /// Passed, current or ahead.
    pub progress: PppStageProgress,
    /// Its open assignment: the official responsible for it now, if anyone is.
    pub responsible: Option<PppStageAssignment>,
}

/// A government and social capital cooperation (PPP) project: its government-side unit, its
/// partner, the stage it is in and who answers for each stage.
#[derive(Clone)]
pub struct PppProject(pub ppp_project::Model);

impl PppProject {
    /// The project's trail, oldest first, through the request's loader.
    async fn trail(&self, ctx: &Context<'_>) -> AppResult<Vec<ppp_stage_assignment::Model>> {
        Ok(ctx.loaders()?.ppp_trails().load_one(self.0.id).await?.unwrap_or_default())
    }
}

/// A government and social capital cooperation (PPP) project: its government-side unit, its
/// partner, the stage it is in and who answers for each stage.
#[Object]
impl PppProject {
    /// The project's opaque global id.
    pub async fn id(&self) -> ID {
        global_id(NodeType::PppProject, self.0.id)
    }

    /// The government-side unit (政府方).
    async fn unit(&self, ctx: &Context<'_>) -> AppResult<Unit> {
        Ok(Unit(access::required_unit(ctx, self.0.unit_id).await?))
    }

    /// The project number.
    async fn project_number(&self) -> &str {
        &self.0.project_number
    }

    /// The project's name.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// The total investment, in yuan.
    async fn total_investment(&self) -> Decimal {
        Decimal::from_fen(self.0.total_investment_fen)
    }

    /// The social capital partner (社会资本方).
    async fn partner_name(&self) -> &str {
        &self.0.partner_name
    }

    /// The partner's USCC, as given.
    async fn partner_uscc(&self) -> Option<&str> {
        self.0.partner_uscc.as_deref()
    }

    /// False when the partner's USCC fails GB 32100 (kept and flagged); null without one.
    async fn partner_uscc_valid(&self) -> Option<bool> {
        self.0.partner_uscc.as_deref().map(|uscc| validate_uscc(uscc).is_ok())
    }

    /// The stage it is in.
    async fn stage(&self) -> PppStage {
        self.0.stage.into()
    }

    /// All six stages in order: passed, current or ahead, and who answers for each now.
    async fn stages(&self, ctx: &Context<'_>) -> AppResult<Vec<PppStageState>> {
        let trail = self.trail(ctx).await?;
        let current = ppp_rules::position(self.0.stage);
        Ok(ppp_rules::STAGES
            .iter()
            .enumerate()
            .map(|(place, stage)| PppStageState {
                stage: (*stage).into(),
                progress: match place.cmp(&current) {
                    std::cmp::Ordering::Less => PppStageProgress::Done,
                    std::cmp::Ordering::Equal => PppStageProgress::Current,
                    std::cmp::Ordering::Greater => PppStageProgress::Ahead,
                },
                responsible: ppp_rules::responsible_now(&trail, *stage).cloned().map(PppStageAssignment),
            })
            .collect())
    }

    /// The official responsible for the current stage now, if anyone is and the viewer may see
    /// them.
    #[graphql(visible = "crate::graphql::visibility::list_officials")]
    async fn responsible_now(&self, ctx: &Context<'_>) -> AppResult<Option<Official>> {
        let trail = self.trail(ctx).await?;
        let Some(open) = ppp_rules::responsible_now(&trail, self.0.stage) else { return Ok(None) };
        Ok(access::official(ctx, open.official_id).await?.map(Official))
    }

    /// 项目责任回溯: who was responsible for which stage, from when to when, oldest first.
    async fn responsibility_trail(&self, ctx: &Context<'_>) -> AppResult<Vec<PppStageAssignment>> {
        Ok(self.trail(ctx).await?.into_iter().map(PppStageAssignment).collect())
    }

    /// The records its breaches made (the unit's and the responsible officials'), newest
    /// decision first — only those the viewer may see.
    #[graphql(visible = "crate::graphql::visibility::list_credit_records")]
    async fn breach_records(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many (at most 100; default 20).")] first: Option<i32>,
        #[graphql(desc = "Cursor to start after.")] after: Option<String>,
    ) -> AppResult<CreditRecordConnection> {
        let loaders =
            NestedLoaders::<RecordsOfPppProject> { pages: |l| l.ppp_record_pages(), counts: |l| l.ppp_record_counts() };
        Ok(nested_page(ctx, loaders, self.0.id, first, after, CreditRecord).await?.into())
    }

    /// Send back with a change.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// When it was entered.
    async fn created_at(&self) -> DateTime {
        DateTime(self.0.created_at)
    }

    /// When it last changed.
    async fn updated_at(&self) -> DateTime {
        DateTime(self.0.updated_at)
    }
}

/// 项目责任回溯: an official made responsible for a stage of a PPP project, from a day to a day.
#[derive(Clone)]
pub struct PppStageAssignment(pub ppp_stage_assignment::Model);

/// 项目责任回溯: an official made responsible for a stage of a PPP project, from a day to a day.
#[Object]
impl PppStageAssignment {
    /// The assignment's opaque global id.
    pub async fn id(&self) -> ID {
        global_id(NodeType::PppStageAssignment, self.0.id)
    }

    /// The project.
    async fn project(&self, ctx: &Context<'_>) -> AppResult<Option<PppProject>> {
        Ok(access::ppp_project(ctx, self.0.project_id).await?.map(PppProject))
    }

    /// The stage.
    async fn stage(&self) -> PppStage {
        self.0.stage.into()
    }

    /// The responsible official, if the viewer may see them.
    #[graphql(visible = "crate::graphql::visibility::list_officials")]
    async fn official(&self, ctx: &Context<'_>) -> AppResult<Option<Official>> {
        Ok(access::official(ctx, self.0.official_id).await?.map(Official))
    }

    /// The first day they were responsible.
    async fn from_on(&self) -> Date {
        Date(self.0.from_on)
    }

    /// The last day they were responsible; null while they still are.
    async fn to_on(&self) -> Option<Date> {
        self.0.to_on.map(Date)
    }

    /// They are responsible now.
    async fn current(&self) -> bool {
        self.0.to_on.is_none()
    }
}

connection_types!(PppProjectConnection, PppProjectEdge, PppProject, "PPP projects");
