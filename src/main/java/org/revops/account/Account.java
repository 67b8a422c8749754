package org.revops.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "accounts")
public class Account extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID workspaceId;
    public String name;
    public String industry;
    public Integer employeeCount;
    public BigDecimal annualRevenue;
    public String currency;
    public String country;
    public String region;
    public String city;
    public String postalCode;
    public String tier;
    public UUID ownerId;
    public String externalId;
    public String externalSource;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;
}
