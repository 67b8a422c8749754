package org.revops.integration.imports;

import jakarta.enterprise.context.ApplicationScoped;
import org.revops.account.AccountBatchDtos.AccountUpsertRecord;
import org.revops.account.AccountBatchDtos.ContactUpsertRecord;
import org.revops.account.AccountBatchUpsert;
import org.revops.account.ContactBatchUpsert;
import org.revops.integration.BatchUpsert;
import org.revops.lead.LeadBatchDtos.LeadUpsertRecord;
import org.revops.lead.LeadBatchUpsert;
import org.revops.opportunity.OpportunityBatchDtos.OpportunityUpsertRecord;
import org.revops.opportunity.OpportunityBatchUpsert;
import org.revops.platform.error.ApiProblem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import can write: per object, the batch upsert engine that writes it and the record type whose fields a
 * CSV column may map to (the batch endpoint's record, so an import row and a batch record are the same thing).
 * A new importable object is one line here (and a value of the imports.object CHECK).
 */
@ApplicationScoped
public class ImportObjects {
    /** An importable object: its engine and the record type of its batch upsert. */
    public record Importable(String name, BatchUpsert<?, ?, ?> engine, Class<? extends Record> recordType) {
    }

    private final Map<String, Importable> objects = new LinkedHashMap<>();

    public ImportObjects(AccountBatchUpsert accounts, ContactBatchUpsert contacts, LeadBatchUpsert leads,
                         OpportunityBatchUpsert opportunities) {
        add(new Importable("accounts", accounts, AccountUpsertRecord.class));
        add(new Importable("contacts", contacts, ContactUpsertRecord.class));
        add(new Importable("leads", leads, LeadUpsertRecord.class));
        add(new Importable("opportunities", opportunities, OpportunityUpsertRecord.class));
    }

    private void add(Importable importable) {
        objects.put(importable.name(), importable);
    }

    public List<String> names() {
        return List.copyOf(objects.keySet());
    }

    /** The importable object called {@code name}; 400 naming the known ones otherwise. */
    public Importable get(String name) {
        Importable importable = name == null ? null : objects.get(name);
        if (importable == null) {
            throw ApiProblem.badRequest("object", (name == null ? "is required" : "'" + name + "' is not importable")
                    + "; one of " + String.join(", ", names()));
        }
        return importable;
    }
}
