package org.revops.lead;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A lead as people write it. The computed columns (scores, conversion) are written by their own set-based statements,
 * never through this entity, so they are not mapped here; the territory is mapped because a person may set it.
 */
@Entity
@Table(name = "leads")
public class Lead extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID workspaceId;
    public String firstName;
    public String lastName;
    public String email;
    public String phone;
    public String title;
    public String company;
    public String companyDomain;
    public String industry;
    public Integer employeeCount;
    public BigDecimal annualRevenue;
    public String currency;
    public String country;
    public String region;
    public String city;
    public String postalCode;
    public String source;
    public String campaign;
    public String partner;
    public BigDecimal budgetAmount;
    public String budgetStatus;
    public String authority;
    public String need;
    public String timeline;
    public int visits;
    public int emailOpens;
    public int formFills;
    public int eventsAttended;
    public Instant lastEngagedAt;
    public String status;
    public String disqualifiedReason;
    public UUID ownerId;
    /** Set by a person ('manual') or by the active model's rules ('rule', 'tie'); see LeadTerritories. */
    public UUID territoryId;
    public String territoryCause;
    public String externalId;
    public String externalSource;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;
}
