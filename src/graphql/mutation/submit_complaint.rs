//! `submitComplaint`: the public's complaint form (anyone but evaluators; anonymous callers
//! limited per client address and hour).

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};

use crate::{
    auth::{
        client_key::client_key as keyed_address,
        policy::{complaints::can_read_complaint, may, Operation},
    },
    error::AppResult,
    graphql::{
        context::{ClientAddress, ContextExt},
        ids::{expect_id, global_id, NodeType},
        scalars::DateTime,
        types::{complaint::ComplaintChannel, record_enums::Sector, Complaint},
    },
    service::complaint_form::{self, Submission},
};

/// A complaint or report from the public.
#[derive(InputObject)]
pub struct SubmitComplaintInput {
    /// How it arrived (default WEBSITE; the credit office enters 12345 hotline calls).
    #[graphql(default_with = "ComplaintChannel::Website")]
    pub channel: ComplaintChannel,
    /// The unit complained about.
    pub target_unit_id: ID,
    /// The public servant complained about, if any.
    pub official_id: Option<ID>,
    /// The key sector (default GENERAL).
    #[graphql(default_with = "Sector::General")]
    pub sector: Sector,
    /// What happened (10 to 2000 characters).
    pub content: String,
    /// Your name (optional; seen only by the credit office).
    pub contact_name: Option<String>,
    /// Your phone (optional; seen only by the credit office).
    pub contact_phone: Option<String>,
    /// The 12345 hotline's work-order number (工单号), for a HOTLINE_12345 complaint (1 to 32
    /// letters, digits and dashes).
    pub work_order_number: Option<String>,
}

/// The receipt of a complaint.
#[derive(SimpleObject)]
pub struct SubmitComplaintPayload {
    /// The follow-up reference (查询码, `XXXX-XXXX-XXXX`): short and unguessable. Keep it: with
    /// it, `complaintStatus` shows where the complaint stands and the reply.
    pub reference: String,
    /// The complaint's global id (staff open it with `node`; for the public it resolves to null).
    pub complaint_id: ID,
    /// When it was received.
    pub received_at: DateTime,
    /// The complaint itself, for those who may read complaints (null for the public).
    pub complaint: Option<Complaint>,
}

/// A keyed hash of the client's address: counts submissions without storing the address.
fn client_key(ctx: &Context<'_>) -> AppResult<Option<String>> {
    let Ok(ClientAddress(address)) = ctx.data::<ClientAddress>() else { return Ok(None) };
    Ok(Some(keyed_address(&ctx.state()?.config.jwt_secret, "complaint", address)?))
}

#[derive(Default)]
pub struct SubmitComplaintMutation;

#[Object]
impl SubmitComplaintMutation {
    /// Submits a complaint — anyone, anonymously if they like. The public may send a limited
    /// number per hour from one address (`RATE_LIMITED` beyond it). Audited.
    #[graphql(visible = "crate::graphql::visibility::submit_complaint")]
    async fn submit_complaint(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The complaint.")] input: SubmitComplaintInput,
    ) -> AppResult<SubmitComplaintPayload> {
        let viewer = ctx.viewer()?;
        let submission = Submission {
            channel: input.channel.into(),
            target_unit_id: expect_id(&input.target_unit_id, NodeType::Unit, "input.targetUnitId")?,
            official_id: input
                .official_id
                .as_ref()
                .map(|id| expect_id(id, NodeType::Official, "input.officialId"))
                .transpose()?,
            sector: input.sector.into(),
            content: input.content,
            contact_name: input.contact_name,
            contact_phone: input.contact_phone,
            client_key: client_key(ctx)?,
            work_order_number: input.work_order_number,
        };
        let saved = complaint_form::submit(ctx.state()?, &ctx.actor()?, submission).await?;
        let in_scope = ctx.loaders()?.unit_scope().load_one(saved.target_unit_id).await?.unwrap_or(false);
        let readable = may(viewer, Operation::ListComplaints).is_ok() && can_read_complaint(viewer, in_scope);
        Ok(SubmitComplaintPayload {
            reference: saved.reference.clone().unwrap_or_default(),
            complaint_id: global_id(NodeType::Complaint, saved.id),
            received_at: DateTime(saved.received_at),
            complaint: readable.then_some(Complaint(saved)),
        })
    }
}
