#!/usr/bin/env python3
"""bench/batch_upsert.sh's records: LEADS lead records in requests of BATCH, each request half new keys (N<k>) and
half updates of pre-seeded keys (U<k>, seeded by the script with title 'Old'; the records say 'New'). Writes
WORK/bodies/<r>.json (the API's bodies) and WORK/rows.csv (the same rows, every written column, for COPY and the raw
SQL), deterministic for a given size."""
import json, os, sys, uuid

leads, batch, work = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
os.makedirs(os.path.join(work, "bodies"), exist_ok=True)
COUNTRIES = ["US", "CA", "DE", "GB", "FR", "NL", "JP", "AU"]
INDUSTRIES = ["Software", "Manufacturing", "Retail", "Healthcare", "Energy"]
# the lead columns the API writes, in UpsertStatement order (LeadBatchUpsert.UPSERT)
COLUMNS = ["first_name", "last_name", "email", "phone", "title", "company", "company_domain", "industry",
           "employee_count", "annual_revenue", "currency", "country", "region", "city", "postal_code", "source",
           "campaign", "partner", "budget_amount", "budget_status", "authority", "need", "timeline", "visits",
           "email_opens", "form_fills", "events_attended", "last_engaged_at", "status", "disqualified_reason",
           "owner_id", "territory_id", "territory_cause"]


def fields(k):
    return {"lastName": "Lead %d" % k, "email": "lead%d@bench.example" % k, "title": "New",
            "company": "Company %d" % (k % 20000), "industry": INDUSTRIES[k % 5], "employeeCount": k % 5000,
            "country": COUNTRIES[k % 8], "source": "web-form", "visits": k % 7}


half = batch // 2
with open(os.path.join(work, "rows.csv"), "w") as csv:
    for r in range(leads // batch):
        records = []
        for i in range(batch):
            k = r * half + (i // 2)          # alternate: new N<k>, update U<k>
            key = ("N%d" if i % 2 == 0 else "U%d") % k
            rec = {"externalSource": "bench", "externalId": key}
            rec.update(fields(k))
            records.append(rec)
            f = fields(k)
            row = {c: "" for c in COLUMNS}
            row.update({"last_name": f["lastName"], "email": f["email"], "title": "New", "company": f["company"],
                        "industry": f["industry"], "employee_count": str(f["employeeCount"]), "currency": "USD",
                        "country": f["country"], "source": "web-form", "visits": str(f["visits"]),
                        "email_opens": "0", "form_fills": "0", "events_attended": "0", "status": "new"})
            csv.write(",".join([str(uuid.uuid5(uuid.NAMESPACE_URL, "bench-batch-" + key)), "bench", key]
                               + [row[c] for c in COLUMNS]) + "\n")
        with open(os.path.join(work, "bodies", "%04d.json" % r), "w") as body:
            json.dump({"atomic": False, "records": records}, body)
print(",".join(["id", "external_source", "external_id"] + COLUMNS))
