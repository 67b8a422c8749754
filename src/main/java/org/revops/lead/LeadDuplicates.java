package org.revops.lead;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.lead.ConversionDtos.AccountMatch;
import org.revops.lead.ConversionDtos.ContactMatch;
import org.revops.lead.ConversionDtos.DuplicatesView;
import org.revops.lead.LeadDtos.LeadView;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.FieldError;
import org.revops.platform.paging.SqlBuilder;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Visibility;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Existing records a lead's conversion could duplicate, among those the caller may read: contacts with the lead's
 * e-mail (any case), and accounts whose name is the lead's company (any case, trimmed) or that have a contact with an
 * e-mail at the lead's company domain. Accounts carry no domain of their own; their contacts' addresses are the
 * evidence of it, and an expression index on the e-mail's domain part serves the lookup.
 */
@ApplicationScoped
public class LeadDuplicates {
    static final int MAX = 20;

    private final Db db;
    private final LeadService leads;

    public LeadDuplicates(Db db, LeadService leads) {
        this.db = db;
        this.leads = leads;
    }

    /** The duplicates of a lead the caller sees (404 otherwise). */
    public Uni<DuplicatesView> of(Caller caller, UUID leadId) {
        return leads.get(caller, leadId).flatMap(lead -> of(caller, lead));
    }

    /** One statement: up to {@value #MAX} contacts and {@value #MAX} accounts, each by name then id. */
    Uni<DuplicatesView> of(Caller caller, LeadView lead) {
        SqlPredicate contactVisible = Visibility.readableContact(caller, "c");
        SqlPredicate accountVisible = Visibility.readableAccount(caller, "a");
        String domain = lead.companyDomain() == null ? null : lead.companyDomain().trim();
        SqlBuilder sql = new SqlBuilder().append("""
                        (SELECT 'contact' AS kind, c.id, c.account_id, c.name, c.email, false AS by_name,
                                false AS by_domain
                         FROM contacts c
                         WHERE c.workspace_id = ? AND lower(c.email) = lower(CAST(? AS text))""",
                        caller.workspaceId(), lead.email())
                .append(" AND " + contactVisible.sql(), contactVisible.args())
                .append(" ORDER BY c.name, c.id LIMIT " + MAX + ")")
                .append("""
                         UNION ALL
                        (SELECT 'account', a.id, NULL, a.name, NULL,
                                coalesce(lower(a.name) = lower(btrim(CAST(? AS text))), false),
                                a.id IN (SELECT dc.account_id FROM contacts dc WHERE dc.workspace_id = a.workspace_id
                                         AND dc.email IS NOT NULL
                                         AND lower(split_part(dc.email, '@', 2)) = lower(CAST(? AS text)))
                         FROM accounts a
                         WHERE a.workspace_id = ?
                           AND (lower(a.name) = lower(btrim(CAST(? AS text)))
                                OR a.id IN (SELECT dc.account_id FROM contacts dc WHERE dc.workspace_id = ?
                                            AND dc.email IS NOT NULL
                                            AND lower(split_part(dc.email, '@', 2)) = lower(CAST(? AS text))))""",
                        lead.company(), domain, caller.workspaceId(), lead.company(), caller.workspaceId(), domain)
                .append(" AND " + accountVisible.sql(), accountVisible.args())
                .append(" ORDER BY a.name, a.id LIMIT " + MAX + ")");
        return db.query(sql.sql(), sql.tuple()).map(rows -> {
            List<ContactMatch> contacts = new ArrayList<>();
            List<AccountMatch> accounts = new ArrayList<>();
            for (Row row : rows) {
                if ("contact".equals(row.getString("kind"))) {
                    contacts.add(new ContactMatch(row.getUUID("id"), row.getUUID("account_id"), row.getString("name"),
                            row.getString("email")));
                } else {
                    List<String> on = new ArrayList<>(2);
                    if (row.getBoolean("by_name")) {
                        on.add("name");
                    }
                    if (row.getBoolean("by_domain")) {
                        on.add("domain");
                    }
                    accounts.add(new AccountMatch(row.getUUID("id"), row.getString("name"), on));
                }
            }
            return new DuplicatesView(contacts, accounts);
        });
    }

    /**
     * 409 {@code possible-duplicates} listing the matches a conversion would ignore: accounts when it creates the
     * account, contacts when it creates the contact. Each match is one error on the field that would link it.
     */
    static void refuse(DuplicatesView found, boolean creatingAccount, boolean creatingContact) {
        List<FieldError> errors = new ArrayList<>();
        if (creatingAccount) {
            found.accounts().forEach(a -> errors.add(new FieldError("accountId", "account " + a.id() + " '" + a.name()
                    + "' matches the lead's company by " + String.join(" and ", a.matchedOn()))));
        }
        if (creatingContact) {
            found.contacts().forEach(c -> errors.add(new FieldError("contactId", "contact " + c.id() + " '" + c.name()
                    + "' has the lead's e-mail " + c.email())));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(409, "possible-duplicates", "Possible duplicates", errors.size()
                    + (errors.size() == 1 ? " existing record matches" : " existing records match")
                    + " the lead: link one with accountId / contactId, or send \"createNew\": true", errors);
        }
    }
}
