package org.revops.lead;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.account.AccountDtos.AccountInput;
import org.revops.account.AccountDtos.ContactInput;
import org.revops.account.AccountDtos.ContactView;
import org.revops.account.AccountService;
import org.revops.account.ContactService;
import org.revops.lead.ConversionDtos.ConversionView;
import org.revops.lead.ConversionDtos.ConvertInput;
import org.revops.lead.ConversionDtos.NewOpportunity;
import org.revops.lead.LeadDtos.LeadView;
import org.revops.opportunity.ConvertedDeals;
import org.revops.opportunity.OpportunityDtos.OpportunityInput;
import org.revops.opportunity.OpportunityDtos.OpportunityView;
import org.revops.opportunity.OpportunityService;
import org.revops.platform.audit.Audited;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Visibility;
import org.revops.platform.write.MergePatch;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Converts a lead into an account, a contact and optionally a deal, in one transaction: the records are created or
 * linked, the deal keeps the lead's attribution (source = channel, campaign, leadId), and the lead becomes converted
 * (converted_* columns). Everything a client can get wrong is checked before the transaction, so a refused conversion
 * writes nothing; the lead row is locked inside it, so two conversions of one lead cannot both succeed.
 */
@ApplicationScoped
public class ConversionService {
    private static final String LOCK = """
            SELECT l.status, l.id FROM leads l WHERE l.workspace_id = ?1 AND l.id = ?2 FOR UPDATE OF l""";

    private static final String MARK = """
            UPDATE leads SET status = 'converted', converted_at = ?3, converted_account_id = ?4,
                   converted_contact_id = CAST(?5 AS uuid), converted_opportunity_id = CAST(?6 AS uuid),
                   updated_at = ?3, version = version + 1
            WHERE workspace_id = ?1 AND id = ?2""";

    /** The stage a new deal starts in: the one asked for, else the pipeline's first open stage by position. */
    private static final String STAGE = """
            SELECT p.id AS pipeline_id, s.id AS stage_id, s.pipeline_id AS stage_pipeline_id, s.is_closed
            FROM pipelines p
            LEFT JOIN LATERAL (SELECT st.id, st.pipeline_id, st.is_closed FROM stages st
                               WHERE st.workspace_id = p.workspace_id
                                 AND CASE WHEN CAST($3 AS uuid) IS NULL THEN st.pipeline_id = p.id AND NOT st.is_closed
                                          ELSE st.id = $3 END
                               ORDER BY st.position, st.id LIMIT 1) s ON true
            WHERE p.workspace_id = $1 AND p.id = $2""";

    private record Plan(LeadView lead, UUID accountId, UUID contactId, UUID ownerId, OpportunityInput deal) {
    }

    private final Db db;
    private final LeadService leads;
    private final LeadDuplicates duplicates;
    private final AccountService accounts;
    private final ContactService contacts;
    private final OpportunityService opportunities;
    private final ConvertedDeals deals;
    private final Visibility visibility;
    private final MergePatch mergePatch;
    private final Clock clock;

    public ConversionService(Db db, LeadService leads, LeadDuplicates duplicates, AccountService accounts,
                             ContactService contacts, OpportunityService opportunities, ConvertedDeals deals,
                             Visibility visibility, MergePatch mergePatch, Clock clock) {
        this.db = db;
        this.leads = leads;
        this.duplicates = duplicates;
        this.accounts = accounts;
        this.contacts = contacts;
        this.opportunities = opportunities;
        this.deals = deals;
        this.visibility = visibility;
        this.mergePatch = mergePatch;
        this.clock = clock;
    }

    /**
     * Converts a lead (see {@link ConvertInput} for what is linked, created and defaulted). 404 when the caller cannot
     * see the lead; 403 when they may not change it (read-only keys, another rep's lead); 409 when it is converted
     * already or disqualified, or when duplicates exist and neither they are linked nor createNew is set; 422 for
     * unknown or mismatched account, contact, pipeline or stage, a lead without company and no accountId.
     */
    public Uni<ConversionView> convert(Caller caller, UUID leadId, ConvertInput input) {
        caller.requireWrite();
        ConvertInput in = input != null ? input : new ConvertInput(null, null, null, null, null);
        mergePatch.validate(in);
        return leads.get(caller, leadId)
                .flatMap(lead -> leads.mayEdit(caller, lead))
                .flatMap(lead -> {
                    refuseClosed(lead.status());
                    return plan(caller, lead, in);
                })
                .flatMap(plan -> Audited.transaction(() -> write(caller, plan))
                        .flatMap(done -> view(caller, plan)));
    }

    private static void refuseClosed(String status) {
        if ("converted".equals(status)) {
            throw ApiProblem.conflict("The lead is converted already");
        }
        if ("disqualified".equals(status)) {
            throw ApiProblem.conflict("A disqualified lead cannot be converted: requalify it first (PATCH status)");
        }
    }

    /** Resolves and checks every reference, the owner, the duplicates and the deal's stage, writing nothing. */
    private Uni<Plan> plan(Caller caller, LeadView lead, ConvertInput in) {
        UUID ownerId = in.ownerId() != null ? in.ownerId() : lead.ownerId() != null ? lead.ownerId() : caller.userId();
        Uni<UUID> account = in.contactId() == null ? Uni.createFrom().item(in.accountId())
                : contacts.byIds(caller, List.of(in.contactId())).map(found -> {
                    ContactView contact = found.get(0);
                    if (contact == null) {
                        throw ApiProblem.invalid("contactId", "no such contact");
                    }
                    if (in.accountId() != null && !in.accountId().equals(contact.accountId())) {
                        throw ApiProblem.invalid("contactId", "works at another account than accountId");
                    }
                    return contact.accountId();
                });
        boolean newContact = in.contactId() == null && hasPerson(lead);
        return account.flatMap(accountId -> checkAccount(caller, lead, accountId, newContact)
                        .replaceWith(accountId))
                .call(accountId -> visibility.checkNewOwner(caller, ownerId))
                .call(accountId -> Boolean.TRUE.equals(in.createNew()) ? Uni.createFrom().voidItem()
                        : duplicates.of(caller, lead).invoke(found -> LeadDuplicates.refuse(found, accountId == null,
                        newContact)).replaceWithVoid())
                .flatMap(accountId -> deal(caller, lead, in.opportunity(), ownerId)
                        .map(deal -> new Plan(lead, accountId, in.contactId(), ownerId, deal)));
    }

    /** A linked account must be readable (422), and editable when a contact is to be created at it (403). */
    private Uni<Void> checkAccount(Caller caller, LeadView lead, UUID accountId, boolean addsContact) {
        if (accountId == null) {
            if (lead.company() == null || lead.company().isBlank()) {
                throw ApiProblem.invalid("accountId", "the lead has no company to create an account from: "
                        + "link an existing account");
            }
            return Uni.createFrom().voidItem();
        }
        return accounts.byIds(caller, List.of(accountId)).flatMap(found -> {
            if (found.get(0) == null) {
                throw ApiProblem.invalid("accountId", "no such account");
            }
            return addsContact ? visibility.checkMayEdit(caller, found.get(0).ownerId()) : Uni.createFrom().voidItem();
        });
    }

    /** The deal to create with its defaults filled in, its pipeline and stage checked; null when none was asked. */
    private Uni<OpportunityInput> deal(Caller caller, LeadView lead, NewOpportunity asked, UUID ownerId) {
        if (asked == null) {
            return Uni.createFrom().nullItem();
        }
        return db.query(STAGE, Tuple.of(caller.workspaceId(), asked.pipelineId(), asked.stageId())).map(rows -> {
            if (rows.size() == 0) {
                throw ApiProblem.invalid("opportunity.pipelineId", "no such pipeline");
            }
            Row row = rows.iterator().next();
            UUID stageId = row.getUUID("stage_id");
            if (stageId == null) {
                throw asked.stageId() == null
                        ? ApiProblem.invalid("opportunity.pipelineId", "the pipeline has no open stage")
                        : ApiProblem.invalid("opportunity.stageId", "no such stage");
            }
            if (!asked.pipelineId().equals(row.getUUID("stage_pipeline_id"))) {
                throw ApiProblem.invalid("opportunity.stageId", "is not a stage of the pipeline");
            }
            if (row.getBoolean("is_closed")) {
                throw ApiProblem.invalid("opportunity.stageId", "is a closed stage: a new deal starts open");
            }
            LocalDate today = LocalDate.now(clock);
            BigDecimal amount = asked.amount() != null ? asked.amount()
                    : lead.budgetAmount() != null ? lead.budgetAmount() : BigDecimal.ZERO;
            String name = asked.name() != null ? asked.name().trim() : ConversionDefaults.opportunityName(
                    lead.company(), lead.firstName(), lead.lastName(), lead.email(), lead.source());
            return new OpportunityInput(name, null, null, ownerId, asked.pipelineId(), stageId, amount,
                    asked.currency() != null ? asked.currency() : lead.currency(),
                    asked.closeDate() != null ? asked.closeDate() : ConversionDefaults.closeDate(lead.timeline(), today),
                    null, null, null, null, lead.source(), lead.campaign(), null, null, null);
        });
    }

    /** Inside the transaction: lock the lead, create what is new, link the deal, mark the lead converted. */
    private Uni<UUID> write(Caller caller, Plan plan) {
        LeadView lead = plan.lead();
        return SessionSql.rows(LOCK, caller.workspaceId(), lead.id()).flatMap(rows -> {
            if (rows.isEmpty()) {
                throw ApiProblem.notFound("Lead");
            }
            refuseClosed((String) rows.get(0)[0]);
            Uni<UUID> account = plan.accountId() != null ? Uni.createFrom().item(plan.accountId())
                    : accounts.persistNew(caller, accountOf(lead, plan.ownerId()), plan.ownerId(), lead.currency());
            return account.flatMap(accountId -> contact(caller, lead, plan.contactId(), accountId)
                    .flatMap(contactId -> (plan.deal() == null ? Uni.createFrom().<UUID>nullItem()
                            : deals.create(caller, withAccount(plan.deal(), accountId, contactId), plan.ownerId(),
                            plan.deal().currency(), lead.id()))
                            .flatMap(dealId -> SessionSql.update(MARK, caller.workspaceId(), lead.id(), now(),
                                    accountId, text(contactId), text(dealId)))));
        }).replaceWith(lead.id());
    }

    /** A contact can be made of a lead with a name or an e-mail. */
    private static boolean hasPerson(LeadView lead) {
        return ConversionDefaults.personName(lead.firstName(), lead.lastName()) != null || lead.email() != null;
    }

    private Uni<UUID> contact(Caller caller, LeadView lead, UUID linked, UUID accountId) {
        String name = ConversionDefaults.personName(lead.firstName(), lead.lastName());
        if (linked != null || !hasPerson(lead)) {
            return Uni.createFrom().item(linked);
        }
        ContactInput input = new ContactInput(accountId, name != null ? name : lead.email(), lead.email(), lead.phone(),
                lead.title(), null, null);
        mergePatch.validate(input);
        return contacts.persistNew(caller, input);
    }

    private static AccountInput accountOf(LeadView lead, UUID ownerId) {
        return new AccountInput(lead.company().trim(), lead.industry(), lead.employeeCount(), lead.annualRevenue(),
                lead.currency(), lead.country(), lead.region(), lead.city(), lead.postalCode(), null, ownerId, null,
                null);
    }

    private static OpportunityInput withAccount(OpportunityInput d, UUID accountId, UUID contactId) {
        return new OpportunityInput(d.name(), accountId, contactId, d.ownerId(), d.pipelineId(), d.stageId(),
                d.amount(), d.currency(), d.closeDate(), d.probability(), d.forecastCategory(), d.grade(),
                d.nextStep(), d.source(), d.campaign(), d.externalId(), d.externalSource(), d.territoryId());
    }

    /** The lead and its records as the caller now sees them. */
    private Uni<ConversionView> view(Caller caller, Plan plan) {
        return leads.get(caller, plan.lead().id()).flatMap(lead -> accounts.get(caller, lead.convertedAccountId())
                .flatMap(account -> (lead.convertedContactId() == null ? Uni.createFrom().<ContactView>nullItem()
                        : contacts.get(caller, lead.convertedContactId()))
                        .flatMap(contact -> (lead.convertedOpportunityId() == null
                                ? Uni.createFrom().<OpportunityView>nullItem()
                                : opportunities.get(caller, lead.convertedOpportunityId()))
                                .map(deal -> new ConversionView(lead, account, plan.accountId() == null, contact,
                                        contact != null && plan.contactId() == null, deal)))));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    /** Nullable ids travel as text and are cast in SQL: a null parameter of unknown type does not bind. */
    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
